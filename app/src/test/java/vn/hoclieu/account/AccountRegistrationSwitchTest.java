package vn.hoclieu.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * {@code hoclieu.accounts.self-registration=false}: the page is gone and nothing can register. (A
 * second running instance just for this would cost a minute of the build; the layout reads the
 * same switch.)
 */
class AccountRegistrationSwitchTest {

    private final AccountService closed = new AccountService(null, null, null,
            new AccountProperties(false, null, null, null), null);

    @Test
    void registrationIsOnByDefault() {
        AccountProperties defaults = new AccountProperties(null, null, null, null);
        assertThat(defaults.selfRegistration()).isTrue();
        assertThat(defaults.maxFailedSignIns()).isEqualTo(5);
        assertThat(defaults.signInLockout()).hasMinutes(15);
    }

    @Test
    void whenSwitchedOffThePageIsNotFoundAndRegisteringIsRefused() {
        RegisterController controller = new RegisterController(closed);
        assertThatThrownBy(() -> controller.form(new RegistrationForm()))
                .isInstanceOfSatisfying(AccountException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThatThrownBy(() -> closed.register("ban-doc-moi", "Bạn đọc", "mot cau de nho 2024"))
                .isInstanceOfSatisfying(AccountException.class,
                        e -> assertThat(e.getDetailMessageCode()).isEqualTo("problem.account.registrationClosed"));
    }
}
