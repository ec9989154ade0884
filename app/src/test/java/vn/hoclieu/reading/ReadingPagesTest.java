package vn.hoclieu.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;
import vn.hoclieu.Browser;
import vn.hoclieu.QrSvg;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;

/** The reading programme pages, as a browser without JavaScript uses them. */
class ReadingPagesTest extends ReadingTestBase {

    @Autowired
    ReadingFigures figures;

    private Browser signedIn(String user) throws Exception {
        Browser browser = new Browser(url(""));
        assertThat(browser.signIn(user, PASSWORD).headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    @Test
    void thePosterCarriesAQrCodeOfTheProgrammesAddress() throws Exception {
        long p = programme("Áp phích tuần đọc", today(), false);
        HttpResponse<String> poster = new Browser(url("")).get("/reading/" + p + "/poster");
        assertThat(poster.statusCode()).isEqualTo(200);
        assertThat(poster.body()).contains("Áp phích tuần đọc").contains("Thư viện Công cộng Hà Nội Mở");
        assertThat(QrSvg.decode(poster.body())).isEqualTo(url("/reading/" + p));
    }

    @Test
    void openProgrammesAreListedOnTheReadingPageAndTheLibraryPageOthersAreNot() throws Exception {
        programme("Mở cho mọi người", today(), true);
        programme("Chỉ lớp 6A biết", today(), false);
        Browser visitor = new Browser(url(""));
        assertThat(visitor.get("/reading").body()).contains("Mở cho mọi người").doesNotContain("Chỉ lớp 6A biết");
        assertThat(visitor.get("/libraries/" + A).body()).contains("Mở cho mọi người")
                .doesNotContain("Chỉ lớp 6A biết");
        assertThat(visitor.get("/libraries/" + B).body()).doesNotContain("Mở cho mọi người");
        assertThat(get("/api/v1/libraries/" + A, null).json().get("readingProgrammes").toString())
                .contains("Mở cho mọi người");
    }

    @Test
    void aReaderJoinsMarksWithANoteKeptWhenTooLongAndGetsACertificateAtTheEnd() throws Exception {
        long p = programme("Đọc trên trang", today(), true);
        Browser browser = signedIn(account(prefix + "-page-reader", Role.READER, null));
        String csrf = Browser.csrf(browser.get("/reading/" + p).body());
        assertThat(browser.postForm("/reading/" + p + "/join", csrf).headers().firstValue("Location").orElseThrow())
                .endsWith("/reading/" + p + "?joined");
        assertThat(browser.get("/reading/" + p + "/certificate").statusCode()).isEqualTo(403);

        String typed = "Truyện hay <b>lắm</b> " + "ạ".repeat(300);
        HttpResponse<String> refused = browser.postForm("/reading/" + p + "/read", csrf, "resourceId",
                String.valueOf(first), "note", typed);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("bạn đã viết 3").contains("Truyện hay &lt;b&gt;lắm&lt;/b&gt; ạạạ");
        assertThat(browser.postForm("/reading/" + p + "/read", csrf, "resourceId", String.valueOf(first), "note",
                "Truyện hay lắm").statusCode()).isEqualTo(302);
        assertThat(browser.postForm("/reading/" + p + "/read", csrf, "resourceId", String.valueOf(second))
                .statusCode()).isEqualTo(302);
        String page = browser.get("/reading/" + p).body();
        assertThat(page).contains("Bạn đã đọc 2 trên 2 tài liệu (100%)").contains("Truyện hay lắm");

        HttpResponse<String> certificate = browser.get("/reading/" + p + "/certificate");
        assertThat(certificate.statusCode()).isEqualTo(200);
        assertThat(certificate.body()).contains(prefix + "-page-reader").contains("Đọc trên trang")
                .contains("Thư viện Công cộng Hà Nội Mở");
        // printable: the one style sheet leaves the site's header out of print and sets the page to A4
        assertThat(browser.get("/css/hoclieu.css").body()).contains("@media print").contains("size: A4");
    }

    @Test
    void aStudentWhoScannedThePosterSignsInAndComesBackToTheProgramme() throws Exception {
        long p = programme("Quét mã rồi đăng nhập", today(), true);
        Browser phone = new Browser(url(""));
        assertThat(phone.get("/reading/" + p).body()).contains("href=\"/my/reading/" + p + "\"");
        assertThat(phone.get("/my/reading/" + p).headers().firstValue("Location").orElseThrow()).endsWith("/signin");
        String back = phone.signIn(account(prefix + "-scanner", Role.READER, null), PASSWORD).headers()
                .firstValue("Location").orElseThrow();
        assertThat(back).contains("/my/reading/" + p);
        assertThat(phone.get(back.replaceFirst("^https?://[^/]+", "")).headers().firstValue("Location").orElseThrow())
                .endsWith("/reading/" + p);
    }

    @Test
    void aReaderReadsDownloadsAndDeletesTheirRecordAfterConfirming() throws Exception {
        long p = programme("Nhật ký đọc", today(), true);
        String user = account(prefix + "-record", Role.READER, null);
        call("POST", "/api/v1/reading-programmes/" + p + "/join", token(user), null);
        call("PUT", reads(p, first), token(user), "{\"note\":\"Ghi chú riêng\"}");
        Browser browser = signedIn(user);
        assertThat(browser.get("/my/reading").body()).contains("Nhật ký đọc").contains("Ghi chú riêng");
        // the download link reads the browser's own session
        HttpResponse<String> export = browser.get("/api/v1/reading-programmes/my-record");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(export.body()).contains("Nhật ký đọc").contains("Ghi chú riêng");

        HttpResponse<String> confirm = browser.get("/my/reading/delete");
        assertThat(confirm.body()).contains("Nhật ký đọc").contains("action=\"/my/reading/delete\"");
        assertThat(get("/api/v1/reading-programmes/my-record", token(user)).json().get("programmes")).hasSize(1);
        HttpResponse<String> deleted = browser.postForm("/my/reading/delete", Browser.csrf(confirm.body()));
        assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/my/reading?deleted=1");
        assertThat(browser.get("/my/reading").body()).doesNotContain("Ghi chú riêng");
        assertThat(new Browser(url("")).get("/my/reading").statusCode()).isEqualTo(302);
    }

    @Test
    void whoeverMayChangeACollectionMakesAProgrammeOfItAndWhatTheyTypedStaysOnARefusal() throws Exception {
        Browser organiser = signedIn(prefix + "-librarian");
        assertThat(organiser.get("/collections/" + collection).body()).contains("/reading/new?collection=" + collection);
        assertThat(signedIn(prefix + "-reader").get("/collections/" + collection).body()).doesNotContain("/reading/new");
        assertThat(signedIn(prefix + "-reader").get("/reading/new?collection=" + collection).statusCode())
                .isEqualTo(403);

        String form = organiser.get("/reading/new?collection=" + collection).body();
        HttpResponse<String> refused = organiser.postForm("/reading", Browser.csrf(form), "collection",
                String.valueOf(collection), "title", "Tủ sách học kỳ II", "description", "Mỗi tuần một cuốn",
                "startsOn", today().plusDays(5).toString(), "endsOn", today().toString(), "open", "true");
        assertThat(refused.statusCode()).isEqualTo(200);
        // Thymeleaf writes some letters of attribute values as entities (á as &aacute;): compare the text
        assertThat(HtmlUtils.htmlUnescape(refused.body())).contains("Ngày kết thúc phải sau")
                .contains("value=\"Tủ sách học kỳ II\"").contains("Mỗi tuần một cuốn");
        HttpResponse<String> created = organiser.postForm("/reading", Browser.csrf(form), "collection",
                String.valueOf(collection), "title", "Tủ sách học kỳ II", "startsOn", today().toString(), "endsOn",
                today().plusDays(60).toString(), "open", "true");
        assertThat(created.headers().firstValue("Location").orElseThrow()).matches(".*/reading/\\d+\\?created$");
    }

    @Test
    void theDashboardShowsEachProgrammesFiguresInItsOwnScopeOnly() throws Exception {
        long p = programme("Số liệu tuần đọc", today(), true);
        for (String who : List.of(reader, member)) {
            call("POST", "/api/v1/reading-programmes/" + p + "/join", who, null);
            call("PUT", reads(p, second), who, null);
        }
        call("PUT", reads(p, first), reader, null);
        Viewer librarianA = accounts.byUsername(prefix + "-librarian").orElseThrow().asViewer();
        ProgrammeFigures f = figures.figures(A, librarianA).stream().filter(x -> x.id() == p).findFirst().orElseThrow();
        // the reader in no library read both they may see; the member has the LIBRARY one left
        assertThat(f.joined()).isEqualTo(2);
        assertThat(f.finished()).isEqualTo(1);
        assertThat(f.mostRead().resourceId()).isEqualTo(second);
        assertThat(f.mostRead().reads()).isEqualTo(2);
        assertThat(f.leastRead().resourceId()).isEqualTo(libraryOnly);
        assertThat(f.leastRead().reads()).isZero();

        assertThat(signedIn(prefix + "-librarian").get("/dashboard").body()).contains("Số liệu tuần đọc");
        String otherLibrary = account(prefix + "-librarian-b", Role.LIBRARIAN, B);
        assertThat(signedIn(otherLibrary).get("/dashboard").body()).doesNotContain("Số liệu tuần đọc");
        assertThat(figures.figures(B, accounts.byUsername(otherLibrary).orElseThrow().asViewer()))
                .noneMatch(x -> x.id() == p);
    }

    @Test
    void theParticipantsPageIsForOrganisersOnly() throws Exception {
        long p = programme("Ai đọc gì", today(), true);
        call("POST", "/api/v1/reading-programmes/" + p + "/join", member, null);
        assertThat(signedIn(prefix + "-librarian").get("/reading/" + p + "/participants").body())
                .contains(prefix + "-member");
        assertThat(new Browser(url("")).get("/reading/" + p + "/participants").headers().firstValue("Location")
                .orElseThrow()).endsWith("/signin");
        assertThat(signedIn(prefix + "-other").get("/reading/" + p + "/participants").statusCode()).isEqualTo(403);
        assertThat(new Browser(url("")).get("/reading/" + p).body()).doesNotContain(prefix + "-member");
    }
}
