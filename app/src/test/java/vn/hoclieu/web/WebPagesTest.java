package vn.hoclieu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.CookieManager;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.account.Role;

/** The pages people use, fetched over HTTP as a browser without JavaScript would. */
class WebPagesTest extends IntegrationTest {

    @BeforeEach
    void ingested() {
        awaitIngestIdle();
    }

    @Test
    void homePageIsVietnameseByDefaultAndEnglishWhenChosen() {
        Http.Response vi = Http.get(url("/"));
        assertThat(vi.status()).isEqualTo(200);
        assertThat(vi.body()).contains("lang=\"vi\"").contains("Tự học trong thời đại số").contains("<form");
        assertThat(vi.header("Content-Security-Policy")).contains("default-src 'self'");

        Http.Response en = Http.get(url("/?lang=en"));
        assertThat(en.body()).contains("lang=\"en\"").contains("Self-learning in the digital age");
        assertThat(en.header("Set-Cookie")).contains("hoclieu-lang=en");
    }

    @Test
    void homePageOfACatalogueWithMaterialBrowsesByTypeSubjectAndLibrary() {
        String home = Http.get(url("/")).body();
        assertThat(home).contains("Duyệt theo loại tài liệu").contains("Duyệt theo chủ đề").contains("Duyệt theo thư viện")
                .contains("Tài liệu mới nhất").doesNotContain("empty-catalogue")
                .containsPattern("href=\"/search\\?materialType=BOOK\">\\s*<span>Sách</span>\\s*<span class=\"count\">\\d+</span>")
                .contains("href=\"/search?library=HN-TVHN\"");
    }

    @Test
    void healthIsUpForEveryoneWithDetailsOnlyForAdministrators() {
        Http.Response health = Http.get(url("/actuator/health"));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("tesseract").doesNotContain("diskSpace");

        Http.Response forAdmin = Http.get(url("/actuator/health"), "Authorization", Http.basic("admin", PASSWORD));
        assertThat(forAdmin.json().get("status").asString()).isEqualTo("UP");
        assertThat(forAdmin.body()).contains("diskSpace").contains("ocr");
    }

    @Test
    void switchingLanguageKeepsTheSearchAndItsFilters() {
        String html = Http.get(url("/search?q=" + Http.q("hoc tap") + "&materialType=BOOK")).body();
        assertThat(html).contains("href=\"/search?q=hoc+tap&amp;materialType=BOOK&amp;lang=en\"");
        String english = Http.get(url("/search?q=" + Http.q("hoc tap") + "&materialType=BOOK&lang=en")).body();
        assertThat(english).contains("lang=\"en\"").contains("materialType=BOOK&amp;lang=vi\"");
    }

    @Test
    void resultsPageHighlightsAndLinksToResources() {
        Http.Response page = Http.get(url("/search?q=" + Http.q("hoc tap suot doi")));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<mark>").contains("href=\"/resources/").contains("Loại tài liệu");
    }

    @Test
    void aResultWithoutAPreviewShowsAnIconOfItsType() {
        Http.Response page = Http.get(url("/search?q=" + Http.q("Quốc Tử Giám")));
        Matcher icon = Pattern.compile("src=\"(/icons/[a-z_]+\\.svg)\"").matcher(page.body());
        assertThat(icon.find()).as("a plain-text material has no preview").isTrue();
        Http.Response svg = Http.get(url(icon.group(1)));
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
    }

    @Test
    void noResultsPageGivesSearchTips() {
        Http.Response page = Http.get(url("/search?q=" + Http.q("qwzxv plokm")));
        assertThat(page.body()).contains("Không tìm thấy").contains("ngoặc kép");
    }

    @Test
    void badSearchOnThePageIsExplainedNotA500() {
        Http.Response page = Http.get(url("/search?q=x&page=-3"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("page");
    }

    @Test
    void videoPageHasAPlayerWithSubtitles() {
        String html = Http.get(url("/search?q=" + Http.q("an toàn") + "&materialType=VIDEO")).body();
        Matcher m = Pattern.compile("href=\"/resources/(\\d+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        Http.Response page = Http.get(url("/resources/" + m.group(1)));
        assertThat(page.body()).contains("<video").contains("<track").contains("kind=\"subtitles\"");
        assertThat(page.body()).contains("application/ld+json").contains("\"@type\":\"LearningResource\"");
    }

    @Test
    void unknownResourceIsALocalized404Page() {
        Http.Response page = Http.get(url("/resources/999999"));
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Không có tài liệu số 999999");
    }

    @Test
    void uploadPageNeedsSignIn() {
        Http.Response anonymous = Http.get(url("/upload"));
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/signin");
    }

    @Test
    void teacherUploadsThroughTheWebFormAndFindsTheMaterialWaitingForReview() throws Exception {
        account("teacher-web", Role.TEACHER, "HN-TVHN");
        Browser browser = new Browser(url(""));
        HttpResponse<String> signedIn = browser.signIn("teacher-web", PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> form = browser.get("/upload");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("enctype=\"multipart/form-data\"");

        String word = "mn" + UUID.randomUUID().toString().substring(0, 8);
        String boundary = "----form" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + Browser.csrf(form.body())
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nTrồng cây xanh"
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"visibility\"\r\n\r\nPUBLIC"
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cay-xanh.txt\""
                + "\r\nContent-Type: text/plain\r\n\r\nHướng dẫn trồng cây xanh ở sân trường " + word
                + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> posted = browser.postMultipart("/upload", boundary, body.getBytes(StandardCharsets.UTF_8));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/upload/\\d+\\?uploaded"); // the uploader confirms the description there
        awaitIngestIdle();
        // a teacher's upload waits for the library's review: the teacher finds it, the public does not yet
        assertThat(browser.get("/search?q=" + word).body()).contains("Trồng cây xanh");
        assertThat(Http.get(url("/search?q=" + word)).body()).doesNotContain("Trồng cây xanh");
        assertThat(browser.get(location.replace(url(""), "")).body()).contains("Trồng cây xanh")
                .contains("đang chờ thủ thư");

        // the same file again: the form explains it is a duplicate and links to the existing one
        HttpResponse<String> again = browser.postMultipart("/upload", boundary, body.replace(Browser.csrf(form.body()),
                Browser.csrf(browser.get("/upload").body())).getBytes(StandardCharsets.UTF_8));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("đã có trong thư viện").contains("href=\"/resources/");
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        HttpResponse<String> posted = new Browser(url("")).signIn("admin", "wrong");
        assertThat(posted.headers().firstValue("Location").orElse("")).endsWith("/signin?error");
    }
}
