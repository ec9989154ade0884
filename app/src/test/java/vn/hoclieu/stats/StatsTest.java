package vn.hoclieu.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;
import vn.hoclieu.catalog.UsageService;

/**
 * The librarians' statistics (API and dashboard): a library's views and downloads, the site's
 * searches, top and zero-result queries, who may see which library's, the periods, and the
 * dashboard page that composes them with the queue, the review count and the import history.
 */
class StatsTest extends IntegrationTest {

    @Autowired
    UsageService usage;

    private String librarian() {
        return account("librarian-stats", Role.LIBRARIAN, "HN-TVHN");
    }

    private JsonNode stats(String user, String query) {
        Http.Response r = Http.get(url("/api/v1/stats" + query), "Authorization", Http.basic(user, PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode today(JsonNode stats) {
        JsonNode series = stats.get("series");
        JsonNode last = series.get(series.size() - 1);
        assertThat(last.get("end").asString()).isEqualTo(LocalDate.now().toString());
        return last;
    }

    @Test
    void aLibrarianSeesTheUseOfTheirLibrarysMaterialsAndTheWholeSitesSearches() {
        String mine = librarian();
        String theirs = account("librarian-stats-other", Role.LIBRARIAN, "HN-THPT-BDM");
        // ties are listed in alphabetical order: these come first among the many queries other tests ask
        String word = "aa" + UUID.randomUUID().toString().substring(0, 8);
        String missing = "aab" + UUID.randomUUID().toString().substring(0, 8);
        long ours = Uploads.resource("Thống kê của thư viện " + word).visibility("PUBLIC")
                .text("Tài liệu để đếm lượt xem " + word).by(Http.basic(mine, PASSWORD)).to(url("")).id();
        long other = Uploads.resource("Tài liệu thư viện khác " + word).visibility("PUBLIC")
                .text("Một tài liệu của trường " + word).by(Http.basic(theirs, PASSWORD)).to(url("")).id();
        awaitIngestIdle();
        JsonNode before = today(stats(mine, ""));

        String fileId = Http.get(url("/api/v1/resources/" + ours)).json().get("files").get(0).get("id").asString();
        Http.get(url("/resources/" + ours), "User-Agent", "stats-test-" + UUID.randomUUID());
        Http.get(url("/api/v1/resources/" + ours + "/files/" + fileId + "/content?download=true"),
                "User-Agent", "stats-test-" + UUID.randomUUID());
        Http.get(url("/resources/" + other), "User-Agent", "stats-test-" + UUID.randomUUID());
        usage.flush();
        assertThat(Http.get(url("/api/v1/search?q=" + word)).json().get("total").asLong()).isPositive();
        Http.get(url("/api/v1/search?q=" + word));
        Http.get(url("/api/v1/search?q=" + word));
        assertThat(Http.get(url("/api/v1/search?q=" + missing)).json().get("total").asLong()).isZero();
        await(() -> stats(mine, "?top=100").get("zeroResultQueries").toString().contains(missing), Duration.ofSeconds(20),
                "the zero-result search never reached the statistics");

        JsonNode after = stats(mine, "?top=100");
        assertThat(after.get("library").asString()).isEqualTo("HN-TVHN");
        assertThat(after.get("interval").asString()).isEqualTo("DAY");
        assertThat(after.get("series")).hasSize(30);
        assertThat(after.get("searchScope").asString()).isEqualTo("SITE");
        JsonNode day = today(after);
        assertThat(day.get("views").asLong()).isEqualTo(before.get("views").asLong() + 1);
        assertThat(day.get("downloads").asLong()).isEqualTo(before.get("downloads").asLong() + 1);
        assertThat(day.get("searches").asLong()).isGreaterThanOrEqualTo(before.get("searches").asLong() + 4);
        assertThat(day.get("zeroResultSearches").asLong())
                .isGreaterThanOrEqualTo(before.get("zeroResultSearches").asLong() + 1);
        assertThat(after.get("mostUsed").toString()).contains("\"resourceId\":" + ours).doesNotContain("\"resourceId\":" + other + ",");
        assertThat(after.get("topQueries").toString()).contains("{\"query\":\"" + word + "\",\"asks\":3}");
        assertThat(after.get("zeroResultQueries").toString()).contains("{\"query\":\"" + missing + "\",\"asks\":1}")
                .doesNotContain(word);
        assertThat(after.get("totals").get("views").asLong()).isGreaterThanOrEqualTo(1);

        // the other library's librarian sees their own view, not ours; an administrator sees both
        JsonNode theirDay = today(stats(theirs, ""));
        assertThat(stats(theirs, "?top=100").get("mostUsed").toString()).contains("\"resourceId\":" + other)
                .doesNotContain("\"resourceId\":" + ours + ",");
        JsonNode all = today(stats("admin", ""));
        assertThat(all.get("views").asLong()).isGreaterThanOrEqualTo(day.get("views").asLong()
                + theirDay.get("views").asLong());
        assertThat(stats("admin", "?library=HN-THPT-BDM").get("library").asString()).isEqualTo("HN-THPT-BDM");
    }

    @Test
    void aLibrarianMayNotReadAnotherLibrarysStatisticsNorMayTeachersOrTheAnonymous() {
        Http.Response other = Http.get(url("/api/v1/stats?library=HN-THPT-BDM"), "Authorization",
                Http.basic(librarian(), PASSWORD));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("detail").asString()).contains("thư viện mình").contains("HN-THPT-BDM");
        String teacher = account("teacher-stats", Role.TEACHER, "HN-TVHN");
        assertThat(Http.get(url("/api/v1/stats"), "Authorization", Http.basic(teacher, PASSWORD)).status())
                .isEqualTo(403);
        assertThat(Http.get(url("/api/v1/stats")).status()).isEqualTo(401);
        Http.Response unknown = Http.get(url("/api/v1/stats?library=KHONG-CO"), "Authorization",
                Http.basic("admin", PASSWORD));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("KHONG-CO");
    }

    @Test
    void longPeriodsArePerWeekAndBadOnesAreExplained() {
        LocalDate to = LocalDate.now();
        JsonNode weeks = stats(librarian(), "?from=" + to.minusDays(89) + "&to=" + to);
        assertThat(weeks.get("interval").asString()).isEqualTo("WEEK");
        assertThat(weeks.get("series")).hasSize(13);
        assertThat(weeks.get("series").get(0).get("start").asString()).isEqualTo(to.minusDays(89).toString());
        assertThat(weeks.get("series").get(0).get("end").asString()).isEqualTo(to.minusDays(83).toString());
        assertThat(weeks.get("series").get(12).get("end").asString()).isEqualTo(to.toString());
        assertThat(stats(librarian(), "?from=" + to.minusDays(30) + "&to=" + to).get("interval").asString())
                .isEqualTo("DAY");

        for (String bad : new String[] {"?from=30-11-2026", "?from=" + to + "&to=" + to.minusDays(1),
                "?from=" + to.minusDays(800) + "&to=" + to}) {
            Http.Response r = Http.get(url("/api/v1/stats" + bad), "Authorization", Http.basic(librarian(), PASSWORD),
                    "Accept-Language", "en");
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("detail").asString()).as(bad).containsAnyOf("year-month-day", "must be on or before",
                    "At most 731 days");
        }
    }

    @Test
    void theDashboardComposesTheQueueReviewImportsAndChartsWithoutInlineScriptsOrStyles() throws Exception {
        Browser browser = new Browser(url(""));
        browser.signIn(librarian(), PASSWORD);
        HttpResponse<String> page = browser.get("/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("data-poll=\"/api/v1/ingest/queue\"").contains("<progress id=\"batch\"")
                .contains("href=\"/review\"").contains("đang chờ duyệt")
                .contains("Lịch sử nhập hàng loạt")
                .contains("<svg").contains("role=\"img\"").contains("aria-labelledby=\"usage-caption\"")
                .contains("<rect class=\"a\"").contains("Bảng số liệu")
                .contains("toàn hệ thống")
                .contains("<script src=\"/js/dashboard.js\" defer></script>");
        assertThat(html).doesNotContain(" style=\"").doesNotContain("<style");
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(html).results()
                .map(m -> m.group()).filter(s -> !s.contains("application/ld+json")).toList()).isEmpty();
        // the queue the script polls, with the session the browser has
        JsonNode queue = JsonMapper.builder().build()
                .readTree(browser.get("/api/v1/ingest/queue").body());
        assertThat(queue.get("counts").has("QUEUED")).isTrue();
        assertThat(queue.has("batchTotal")).isTrue();

        Browser teacher = new Browser(url(""));
        teacher.signIn(account("teacher-stats", Role.TEACHER, "HN-TVHN"), PASSWORD);
        assertThat(teacher.get("/dashboard").statusCode()).isEqualTo(403);
        Browser admin = new Browser(url(""));
        admin.signIn("admin", PASSWORD);
        String chosen = admin.get("/dashboard?library=HN-THPT-BDM").body();
        assertThat(chosen).contains("<option value=\"HN-THPT-BDM\" selected=\"selected\"");
    }
}
