package vn.hoclieu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.CookieManager;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
    void resultsPageHighlightsAndLinksToResources() {
        Http.Response page = Http.get(url("/search?q=" + Http.q("hoc tap suot doi")));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<mark>").contains("href=\"/resources/").contains("Loại tài liệu");
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
    void uploadPageNeedsSignInAndWorksAfterIt() throws Exception {
        Http.Response anonymous = Http.get(url("/upload"));
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/signin");

        account("teacher-web", Role.TEACHER, "HN-TVHN");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String signin = browser.send(HttpRequest.newBuilder(URI.create(url("/signin"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(signin);
        assertThat(csrf.find()).as("sign-in form has a CSRF token").isTrue();

        String form = "username=teacher-web&password=" + PASSWORD + "&_csrf=" + csrf.group(1);
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(url("/signin")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> upload = browser.send(HttpRequest.newBuilder(URI.create(url("/upload"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.body()).contains("enctype=\"multipart/form-data\"").contains("name=\"_csrf\"");
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String signin = browser.send(HttpRequest.newBuilder(URI.create(url("/signin"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(signin);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(url("/signin")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=wrong&_csrf=" + csrf.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.headers().firstValue("Location").orElse("")).endsWith("/signin?error");
    }
}
