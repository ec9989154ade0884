package vn.hoclieu.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.hoclieu.IntegrationTest;

class AccountServiceTest extends IntegrationTest {

    @Autowired
    PasswordEncoder passwords;

    @Test
    void firstAdministratorHasThePasswordFromTheEnvironment() {
        Account admin = accounts.byUsername("admin").orElseThrow();
        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(passwords.matches(PASSWORD, admin.getPasswordHash())).isTrue();
        assertThat(admin.getPasswordHash()).startsWith("{bcrypt}").doesNotContain(PASSWORD);
    }

    @Test
    void accountsBelongToAnExistingLibraryOrNone() {
        Account teacher = accounts.create("co-giao-lan", "mat-khau-dai", "Cô Lan", Role.TEACHER, "HN-THPT-BDM");
        assertThat(teacher.asViewer().libraryId()).isNotNull();
        assertThat(accounts.create("ban-doc-1", "mat-khau-dai", "Bạn đọc", Role.READER, null).getLibraryId()).isNull();
        assertThatThrownBy(() -> accounts.create("x-y-z", "pw-long", "X", Role.TEACHER, "NO-SUCH"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void userNamesAreUniqueAndCannotImitateSystemActors() {
        accounts.create("unique-name", "pw-long-1", "A", Role.READER, null);
        assertThatThrownBy(() -> accounts.create("UNIQUE-name", "pw-long-2", "B", Role.READER, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accounts.create("system:sample-import", "pw-long-3", "C", Role.READER, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rolesIncludeTheRightsOfTheOnesBefore() {
        Viewer librarian = new Viewer(1L, "l", Role.LIBRARIAN, 1L);
        assertThat(librarian.mayUpload()).isTrue();
        assertThat(librarian.has(Role.ADMIN)).isFalse();
        assertThat(new Viewer(2L, "r", Role.READER, null).mayUpload()).isFalse();
        assertThat(Viewer.ANONYMOUS.signedIn()).isFalse();
        assertThat(AccountService.viewerOf(null)).isEqualTo(Viewer.ANONYMOUS);
    }
}
