package vn.hoclieu.account;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoclieu.account.AccountRegistrationTest.unique;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/** Administrators manage accounts on /admin/accounts and /api/v1/admin/accounts; nobody else may. */
@Tag(TestGroups.POSTGRES)
class AccountAdministrationTest extends IntegrationTest {

    private static final String NEW_PASSWORD = "mat khau rieng cua toi";

    private String admin() {
        return Http.basic("admin", PASSWORD);
    }

    @Test
    void adminCreatesATeacherWhoMustChooseAPasswordAtFirstSignIn() throws Exception {
        Browser browser = signedInAdmin();
        String name = unique("co-giao");
        String csrf = Browser.csrf(browser.get("/admin/accounts/new").body());
        HttpResponse<String> created = browser.postForm("/admin/accounts", csrf, "username", name,
                "displayName", "Cô Hạnh", "role", "TEACHER", "library", "HN-THPT-BDM");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String page = browser.get(path(created)).body();
        assertThat(page).contains("Đã tạo tài khoản").contains("Mật khẩu tạm thời");
        String temporary = secret(page);
        assertThat(browser.get(path(created)).body()).as("shown once").doesNotContain(temporary);

        Browser teacher = new Browser(url(""));
        assertThat(teacher.signIn(name, temporary).headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpResponse<String> upload = teacher.get("/upload");
        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(upload.headers().firstValue("Location").orElseThrow()).endsWith("/account");
        assertThat(Http.get(url("/api/v1/account"), "Authorization", Http.basic(name, temporary)).json()
                .get("detail").asString()).contains("tạm thời");

        HttpResponse<String> account = teacher.get("/account");
        assertThat(account.body()).contains("do quản trị viên đặt tạm thời");
        HttpResponse<String> changed = teacher.postForm("/account/password", Browser.csrf(account.body()),
                "currentPassword", temporary, "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD);
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/account?passwordChanged");
        assertThat(teacher.get("/upload").statusCode()).isEqualTo(200);
        assertThat(Http.get(url("/api/v1/account"), "Authorization", Http.basic(name, NEW_PASSWORD)).json()
                .get("role").asString()).isEqualTo("TEACHER");
    }

    @Test
    void teachersAndLibrariansBelongToALibrary() throws Exception {
        Browser browser = signedInAdmin();
        String csrf = Browser.csrf(browser.get("/admin/accounts/new").body());
        String name = unique("khong-tv");
        HttpResponse<String> refused = browser.postForm("/admin/accounts", csrf, "username", name,
                "displayName", "Thầy Tuấn", "role", "LIBRARIAN", "library", "");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("phải thuộc một thư viện").contains("value=\"" + name + "\"")
                .contains("value=\"Thầy Tuấn\"");
        assertThat(accounts.byUsername(name)).isEmpty();

        Http.Response api = Http.json("POST", url("/api/v1/admin/accounts"), admin(),
                "{\"username\":\"" + name + "\",\"displayName\":\"T\",\"role\":\"TEACHER\"}");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.json().get("detail").asString()).contains("phải thuộc một thư viện");
    }

    @Test
    void adminChangesRoleAndLibraryOnThePage() throws Exception {
        String name = account(unique("doi-vai"), Role.READER, null);
        long id = accounts.byUsername(name).orElseThrow().getId();
        Browser browser = signedInAdmin();
        HttpResponse<String> page = browser.get("/admin/accounts/" + id);
        HttpResponse<String> saved = browser.postForm("/admin/accounts/" + id, Browser.csrf(page.body()),
                "displayName", "Thủ thư Mai", "role", "LIBRARIAN", "library", "HN-TVHN");
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("?saved");
        Account changed = accounts.byUsername(name).orElseThrow();
        assertThat(changed.getRole()).isEqualTo(Role.LIBRARIAN);
        assertThat(accounts.libraryCode(changed)).isEqualTo("HN-TVHN");
        assertThat(browser.get("/admin/accounts").body()).contains(name).contains("Thủ thư Mai");
    }

    @Test
    void theApiListsCreatesEditsAndResets() {
        String name = unique("api-acc");
        Http.Response created = Http.json("POST", url("/api/v1/admin/accounts"), admin(),
                "{\"username\":\"" + name + "\",\"displayName\":\"Bạn đọc\",\"role\":\"READER\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("account").get("id").asLong();
        assertThat(created.json().get("account").get("mustChangePassword").asBoolean()).isTrue();
        assertThat(created.json().get("temporaryPassword").asString()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(created.body()).doesNotContain("passwordHash").doesNotContain("argon2");

        Http.Response edited = Http.json("PATCH", url("/api/v1/admin/accounts/" + id), admin(),
                "{\"role\":\"TEACHER\",\"library\":\"HN-TVHN\"}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("role").asString()).isEqualTo("TEACHER");
        assertThat(edited.json().get("library").asString()).isEqualTo("HN-TVHN");
        assertThat(edited.json().get("displayName").asString()).isEqualTo("Bạn đọc");

        JsonNode list = Http.get(url("/api/v1/admin/accounts?size=500"), "Authorization", admin()).json();
        assertThat(list.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(list.get("items").toString()).contains(name);

        assertThat(Http.json("PATCH", url("/api/v1/admin/accounts/999999"), admin(), "{}").status()).isEqualTo(404);
        assertThat(Http.json("PATCH", url("/api/v1/admin/accounts/" + id), admin(), "{\"role\":\"KING\"}").status())
                .isEqualTo(400);
    }

    @Test
    void aPasswordResetEndsTheOldPasswordAndTheTemporaryOneSignsIn() throws Exception {
        String name = account(unique("quen-mk"), Role.READER, null);
        long id = accounts.byUsername(name).orElseThrow().getId();
        Browser reader = new Browser(url(""));
        reader.signIn(name, PASSWORD);
        assertThat(reader.get("/account").statusCode()).isEqualTo(200);

        Browser browser = signedInAdmin();
        HttpResponse<String> reset = browser.postForm("/admin/accounts/" + id + "/password-reset",
                Browser.csrf(browser.get("/admin/accounts/" + id).body()));
        String page = browser.get(path(reset)).body();
        assertThat(page).contains("Đã đặt lại mật khẩu");
        String temporary = secret(page);

        HttpResponse<String> ended = reader.get("/account");
        assertThat(ended.statusCode()).as("the reader's open session ended").isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).contains("/signin");
        assertThat(new Browser(url("")).signIn(name, PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/signin?error");
        assertThat(Http.get(url("/api/v1/account"), "Authorization", Http.basic(name, PASSWORD)).status()).isEqualTo(401);
        Browser again = new Browser(url(""));
        assertThat(again.signIn(name, temporary).headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(again.get("/account").body()).contains("do quản trị viên đặt tạm thời");
    }

    @Test
    void aDisabledAccountCannotSignInAndIsEnabledAgain() throws Exception {
        String name = account(unique("khoa"), Role.TEACHER, "HN-TVHN");
        long id = accounts.byUsername(name).orElseThrow().getId();
        Browser browser = signedInAdmin();
        HttpResponse<String> disabled = browser.postForm("/admin/accounts/" + id + "/enabled",
                Browser.csrf(browser.get("/admin/accounts/" + id).body()), "enabled", "false");
        assertThat(disabled.headers().firstValue("Location").orElseThrow()).endsWith("?disabled");
        assertThat(browser.get("/admin/accounts/" + id + "?disabled").body()).contains("Đã khóa tài khoản")
                .contains("Mở khóa tài khoản");

        assertThat(new Browser(url("")).signIn(name, PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/signin?error");
        Http.Response basic = Http.get(url("/api/v1/account"), "Authorization", Http.basic(name, PASSWORD));
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.header("Content-Type")).startsWith("application/problem+json");

        assertThat(Http.json("PATCH", url("/api/v1/admin/accounts/" + id), admin(), "{\"enabled\":true}").status())
                .isEqualTo(200);
        assertThat(Http.get(url("/api/v1/account"), "Authorization", Http.basic(name, PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabledOrDemoted() throws Exception {
        long adminId = accounts.byUsername("admin").orElseThrow().getId();
        Http.Response demote = Http.json("PATCH", url("/api/v1/admin/accounts/" + adminId), admin(),
                "{\"role\":\"LIBRARIAN\",\"library\":\"HN-TVHN\"}");
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.json().get("detail").asString()).contains("quản trị viên cuối cùng");
        Http.Response disable = Http.json("PATCH", url("/api/v1/admin/accounts/" + adminId), admin(),
                "{\"enabled\":false}");
        assertThat(disable.status()).isEqualTo(409);

        Browser browser = signedInAdmin();
        HttpResponse<String> page = browser.postForm("/admin/accounts/" + adminId + "/enabled",
                Browser.csrf(browser.get("/admin/accounts/" + adminId).body()), "enabled", "false");
        assertThat(browser.get(path(page)).body()).contains("quản trị viên cuối cùng");
        assertThat(accounts.byUsername("admin").orElseThrow().isEnabled()).isTrue();

        // with a second administrator, the first may be demoted, and the second is then the last
        String second = account(unique("admin-2"), Role.ADMIN, null);
        long secondId = accounts.byUsername(second).orElseThrow().getId();
        String secondAuth = Http.basic(second, PASSWORD);
        assertThat(Http.json("PATCH", url("/api/v1/admin/accounts/" + adminId), secondAuth,
                "{\"role\":\"READER\"}").status()).isEqualTo(200);
        assertThat(Http.json("PATCH", url("/api/v1/admin/accounts/" + secondId), secondAuth,
                "{\"enabled\":false}").status()).isEqualTo(409);
        assertThat(Http.json("PATCH", url("/api/v1/admin/accounts/" + adminId), secondAuth,
                "{\"role\":\"ADMIN\"}").status()).isEqualTo(200);
    }

    @Test
    void readersMayNotAdministerAndVisitorsAreSentToSignIn() throws Exception {
        String reader = account(unique("to-mo"), Role.READER, null);
        Browser browser = new Browser(url(""));
        browser.signIn(reader, PASSWORD);
        assertThat(browser.get("/admin").statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin/accounts").statusCode()).isEqualTo(403);
        assertThat(Http.get(url("/api/v1/admin/accounts"), "Authorization", Http.basic(reader, PASSWORD)).status())
                .isEqualTo(403);
        String librarian = account(unique("thu-thu"), Role.LIBRARIAN, "HN-TVHN");
        assertThat(Http.json("POST", url("/api/v1/admin/accounts"), Http.basic(librarian, PASSWORD),
                "{\"username\":\"x-y-z-w\",\"displayName\":\"X\",\"role\":\"ADMIN\"}").status()).isEqualTo(403);

        HttpResponse<String> anonymous = new Browser(url("")).get("/admin/accounts");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
        assertThat(Http.get(url("/account")).header("Location")).endsWith("/signin");
        assertThat(Http.get(url("/api/v1/admin/accounts")).status()).isEqualTo(401);
    }

    @Test
    void theAdminIndexLinksToAccounts() throws Exception {
        Browser browser = signedInAdmin();
        assertThat(browser.get("/").body()).contains("href=\"/admin\"");
        assertThat(browser.get("/admin").body()).contains("href=\"/admin/accounts\"");
    }

    private Browser signedInAdmin() throws Exception {
        Browser browser = new Browser(url(""));
        assertThat(browser.signIn("admin", PASSWORD).headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    private String path(HttpResponse<String> redirect) {
        return redirect.headers().firstValue("Location").orElseThrow().replace(url(""), "");
    }

    private static String secret(String html) {
        Matcher m = Pattern.compile("<code class=\"secret\">([^<]+)</code>").matcher(html);
        assertThat(m.find()).as("the page shows the secret").isTrue();
        return m.group(1);
    }
}
