package vn.hoclieu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;
import vn.hoclieu.library.LibraryService;

/**
 * What librarians and administrators meet around their work pages: dates and sizes written alike
 * everywhere, in each language; error pages that keep them signed in and say what was wrong; the
 * sign-in form that forgives a mistyped password; libraries named, not coded.
 */
class StaffPagesTest extends IntegrationTest {

    private static final String LIBRARY = "HN-TVHN";

    @Autowired
    private LibraryService libraries;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aResourcePageWritesItsDateDayFirstAndItsSizeWithTheLanguagesDecimalMark() throws Exception {
        String librarian = account("staff-formats-librarian", Role.LIBRARIAN, LIBRARY);
        // 3,000 bytes: 2.9 KB; unique, so never refused as a duplicate
        String text = (UUID.randomUUID() + " ").repeat(100).substring(0, 3_000);
        long id = Uploads.resource("Lịch ngày " + UUID.randomUUID()).date("2025-10-01")
                .file("lich.txt", text).by(Http.basic(librarian, PASSWORD)).to(url("")).id();
        Browser browser = signedIn(librarian);

        String vi = HtmlUtils.htmlUnescape(browser.get("/resources/" + id).body());
        assertThat(vi).contains("01/10/2025").contains("2,9 KB").doesNotContain(">2025-10-01<");
        String en = HtmlUtils.htmlUnescape(browser.get("/resources/" + id + "?lang=en").body());
        assertThat(en).contains("01/10/2025").contains("2.9 KB");
        // the API keeps ISO-8601, its public contract
        assertThat(Http.get(url("/api/v1/resources/" + id), "Authorization", Http.basic(librarian, PASSWORD))
                .json().get("date").asString()).isEqualTo("2025-10-01");
    }

    @Test
    void anErrorPageKeepsTheReaderSignedIn() throws Exception {
        String librarian = account("staff-errors-librarian", Role.LIBRARIAN, LIBRARY);
        Browser browser = signedIn(librarian);
        // a handler's error (a period that ends before it starts) and the container's (a refused page)
        HttpResponse<String> badRange = browser.get("/dashboard?from=2025-10-10&to=2025-01-01");
        assertThat(badRange.statusCode()).isEqualTo(400);
        assertThat(HtmlUtils.htmlUnescape(badRange.body())).contains(librarian).contains("Đăng xuất")
                .doesNotContain(">Đăng nhập</a>");
        HttpResponse<String> refused = browser.page("/admin/accounts");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(HtmlUtils.htmlUnescape(refused.body())).contains(librarian).contains("Đăng xuất");
    }

    @Test
    void aBadParameterIsNamedWithWhatItShouldHold() throws Exception {
        Browser admin = signedIn("admin");
        HttpResponse<String> page = admin.get("/admin/accounts?page=abc");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(HtmlUtils.htmlUnescape(page.body())).contains("Tham số “page” có giá trị không dùng được: “abc”")
                .contains("một số nguyên").contains("admin");
        Http.Response api = Http.get(url("/api/v1/admin/accounts?page=abc"), "Authorization",
                Http.basic("admin", PASSWORD), "Accept-Language", "en");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.json().get("detail").asString()).contains("“page”").contains("“abc”").contains("a whole number");
    }

    @Test
    void loginLeadsToTheSignInPage() {
        Http.Response r = Http.get(url("/login"));
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/signin");
    }

    @Test
    void aFailedSignInShowsTheFormAgainWithTheUserNameKept() throws Exception {
        String teacher = account("staff-signin-" + Long.toString(System.nanoTime(), 36), Role.TEACHER, LIBRARY);
        Browser browser = new Browser(url(""));
        HttpResponse<String> failed = browser.postForm("/signin", Browser.csrf(browser.get("/signin").body()),
                "username", teacher, "password", "not-the-password");
        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/signin?error");
        String again = HtmlUtils.htmlUnescape(browser.get("/signin?error").body());
        assertThat(again).contains("value=\"" + teacher + "\"").contains("Tên đăng nhập vẫn được giữ");
        // said once: a later visit to the form starts empty
        assertThat(browser.get("/signin").body()).doesNotContain("value=\"" + teacher + "\"");
        assertThat(browser.signIn(teacher, PASSWORD).statusCode()).isEqualTo(302);
    }

    @Test
    void adminPagesNameTheLibraryAndKeepItsCodeAsSecondaryText() throws Exception {
        String name = libraries.byCode(LIBRARY).orElseThrow().name();
        // "aaa-" sorts before every other account: on the list's first page
        account("aaa-staff-names", Role.LIBRARIAN, LIBRARY);
        Browser admin = signedIn("admin");
        String accounts = HtmlUtils.htmlUnescape(admin.get("/admin/accounts").body());
        assertThat(accounts).contains(name).contains("<span class=\"secondary-text\">" + LIBRARY + "</span>");

        Long libraryId = jdbc.queryForObject("select id from library where code = ?", Long.class, LIBRARY);
        String partnerName = "Đối tác tên thư viện " + UUID.randomUUID();
        jdbc.update("insert into harvest_partner (name, base_url, metadata_prefix, library_id, granularity, enabled,"
                + " created_at, version) values (?, ?, 'oai_dc', ?, 'YYYY-MM-DD', false, ?, 0)", partnerName,
                "http://127.0.0.1:9/" + UUID.randomUUID() + "/oai", libraryId, Timestamp.from(Instant.now()));
        try {
            String partners = HtmlUtils.htmlUnescape(admin.get("/admin/partners").body());
            assertThat(partners).contains(partnerName).contains("Ghi nguồn cho " + name);
            Long partnerId = jdbc.queryForObject("select id from harvest_partner where name = ?", Long.class, partnerName);
            String partner = HtmlUtils.htmlUnescape(admin.get("/admin/partners/" + partnerId).body());
            assertThat(partner).contains(name).contains("<span class=\"secondary-text\">" + LIBRARY + "</span>");
        } finally {
            jdbc.update("delete from harvest_partner where name = ?", partnerName);
        }
    }

    private Browser signedIn(String username) throws Exception {
        Browser browser = new Browser(url(""));
        assertThat(browser.signIn(username, PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }
}
