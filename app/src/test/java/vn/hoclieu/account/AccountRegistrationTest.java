package vn.hoclieu.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;

/** Readers register themselves at /register, over real HTTP, as a browser without JavaScript would. */
class AccountRegistrationTest extends IntegrationTest {

    private static final String GOOD_PASSWORD = "mot cau de nho 2024";

    @Test
    void aReaderRegistersThenSignsIn() throws Exception {
        String name = unique("ban-doc");
        Browser browser = new Browser(url(""));
        HttpResponse<String> posted = register(browser, name, "Nguyễn Thị Hoa", GOOD_PASSWORD, GOOD_PASSWORD);

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/signin?registered");
        assertThat(browser.get("/signin?registered").body()).contains("Đã tạo tài khoản");
        Account account = accounts.byUsername(name).orElseThrow();
        assertThat(account.getRole()).isEqualTo(Role.READER);
        assertThat(account.getLibraryId()).isNull();
        assertThat(account.getDisplayName()).isEqualTo("Nguyễn Thị Hoa");

        HttpResponse<String> signedIn = browser.signIn(name, GOOD_PASSWORD);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String page = browser.get("/account").body();
        assertThat(page).contains(name).contains("Bạn đọc").contains("Chưa thuộc thư viện nào");
    }

    @Test
    void aTakenNameIsExplainedAndWhatWasTypedStays() throws Exception {
        String taken = account(unique("da-co"), Role.READER, null);
        HttpResponse<String> page = register(new Browser(url("")), taken.toUpperCase(), "Trần Văn Nam", GOOD_PASSWORD,
                GOOD_PASSWORD);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("đã có người dùng")
                .contains("value=\"" + taken.toUpperCase() + "\"").contains("value=\"Trần Văn Nam\"")
                .doesNotContain(GOOD_PASSWORD);
    }

    @Test
    void aShortPasswordIsRefused() throws Exception {
        HttpResponse<String> page = register(new Browser(url("")), unique("ngan"), "Lê Minh", "ngan-qua", "ngan-qua");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Mật khẩu cần ít nhất 10 ký tự").doesNotContain("ngan-qua\"");
    }

    @Test
    void aPasswordThatIsTheUserNameIsRefused() throws Exception {
        String name = unique("trung-ten");
        HttpResponse<String> page = register(new Browser(url("")), name, "Phạm An", name, name);
        assertThat(page.body()).contains("không được trùng hay chứa tên đăng nhập");
        assertThat(accounts.byUsername(name)).isEmpty();
    }

    @Test
    void aPasswordOfOneRepeatedCharacterIsRefused() throws Exception {
        HttpResponse<String> page = register(new Browser(url("")), unique("lap"), "Đỗ Bình", "aaaaaaaaaaaa",
                "aaaaaaaaaaaa");
        assertThat(page.body()).contains("quá đơn giản");
    }

    @Test
    void mismatchedConfirmationIsRefusedWithTheOtherProblemsToo() throws Exception {
        String name = unique("khac");
        HttpResponse<String> page = register(new Browser(url("")), name, "", GOOD_PASSWORD, GOOD_PASSWORD + "x");
        assertThat(page.body()).contains("Hai lần nhập mật khẩu không giống nhau").contains("Hãy nhập họ và tên")
                .contains("value=\"" + name + "\"");
        assertThat(accounts.byUsername(name)).isEmpty();
    }

    @Test
    void errorsAreInEnglishWhenEnglishIsChosen() throws Exception {
        Browser browser = new Browser(url(""));
        browser.get("/register?lang=en");
        HttpResponse<String> page = register(browser, "x", "Someone", "short", "short");
        assertThat(page.body()).contains("User names are 3–100 characters").contains("at least 10 characters");
    }

    @Test
    void registrationNeedsTheFormsCsrfToken() {
        String name = unique("no-csrf");
        Http.Response posted = Http.postForm(url("/register"), null, "username", name, "displayName", "X",
                "password", GOOD_PASSWORD, "confirmation", GOOD_PASSWORD);
        assertThat(posted.status()).isEqualTo(403);
        assertThat(accounts.byUsername(name)).isEmpty();
    }

    @Test
    void theHeaderOffersRegistrationToVisitorsAndTheAccountToThoseSignedIn() throws Exception {
        String anonymous = Http.get(url("/")).body();
        assertThat(anonymous).contains("href=\"/register\"").contains("href=\"/signin\"").doesNotContain("href=\"/account\"");

        Browser browser = new Browser(url(""));
        browser.signIn(account(unique("header"), Role.READER, null), PASSWORD);
        String signedIn = browser.get("/").body();
        assertThat(signedIn).contains("href=\"/account\"").contains("action=\"/signout\"")
                .doesNotContain("href=\"/register\"").doesNotContain("href=\"/admin\"");
    }

    @Test
    void signOutIsAPostWithCsrf() throws Exception {
        Browser browser = new Browser(url(""));
        browser.signIn(account(unique("signout"), Role.READER, null), PASSWORD);
        HttpResponse<String> home = browser.get("/");
        HttpResponse<String> out = browser.postForm("/signout", Browser.csrf(home.body()));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/?signedOut");
        assertThat(browser.get("/account").statusCode()).isEqualTo(302);
    }

    private static HttpResponse<String> register(Browser browser, String username, String displayName, String password,
                                                 String confirmation) throws Exception {
        String csrf = Browser.csrf(browser.get("/register").body());
        return browser.postForm("/register", csrf, "username", username, "displayName", displayName,
                "password", password, "confirmation", confirmation);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
