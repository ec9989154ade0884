package vn.hoclieu.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

@Tag(TestGroups.POSTGRES)
class AccountServiceTest extends IntegrationTest {

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void firstAdministratorHasThePasswordFromTheEnvironment() {
        Account admin = accounts.byUsername("admin").orElseThrow();
        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(passwords.matches(PASSWORD, admin.getPasswordHash())).isTrue();
        assertThat(admin.getPasswordHash()).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void accountsBelongToAnExistingLibraryOrNone() {
        Account teacher = accounts.create("co-giao-lan", "mat-khau-dai", "Cô Lan", Role.TEACHER, "HN-THPT-BDM");
        assertThat(teacher.asViewer().libraryId()).isNotNull();
        assertThat(accounts.create("ban-doc-1", "mat-khau-dai", "Bạn đọc", Role.READER, null).getLibraryId()).isNull();
        assertThatThrownBy(() -> accounts.create("x-y-z", "pw-long", "X", Role.TEACHER, "NO-SUCH"))
                .isInstanceOf(AccountException.class);
    }

    @Test
    void userNamesAreUniqueAndCannotImitateSystemActors() {
        accounts.create("unique-name", "pw-long-1", "A", Role.READER, null);
        assertThatThrownBy(() -> accounts.create("UNIQUE-name", "pw-long-2", "B", Role.READER, null))
                .isInstanceOf(AccountException.class);
        assertThatThrownBy(() -> accounts.create("system:sample-import", "pw-long-3", "C", Role.READER, null))
                .isInstanceOf(AccountException.class);
    }

    @Test
    void aBcryptHashStillSignsInAndIsReplacedByArgon2() {
        String name = account("old-bcrypt-hash", Role.READER, null);
        jdbc.update("update account set password_hash = ? where username = ?",
                "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD), name);
        assertThat(Http.get(url("/api/v1/account"), "Authorization", Http.basic(name, PASSWORD)).status())
                .isEqualTo(200);
        assertThat(accounts.byUsername(name).orElseThrow().getPasswordHash()).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(Http.get(url("/api/v1/account"), "Authorization", Http.basic(name, PASSWORD)).status())
                .isEqualTo(200);
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
