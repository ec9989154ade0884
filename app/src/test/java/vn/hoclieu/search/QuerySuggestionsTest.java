package vn.hoclieu.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.account.Role;
import vn.hoclieu.search.internal.QueryLog;
import vn.hoclieu.search.internal.QuerySuggestions;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/** The search log and the frequent queries suggested from it: privacy first, then usefulness. */
@Tag(TestGroups.POSTGRES)
class QuerySuggestionsTest extends IntegrationTest {

    @Autowired
    QueryLog queryLog;
    @Autowired
    QuerySuggestions querySuggestions;
    @Autowired
    SearchLogProperties properties;
    @Autowired
    SearchService search;
    @Autowired
    JdbcTemplate jdbc;

    private String uploader;

    @BeforeEach
    void accounts() {
        uploader = Http.basic(account("librarian-qs", Role.LIBRARIAN, "HN-THPT-BDM"), PASSWORD);
    }

    private long ask(String q, String... headers) {
        Http.Response r = Http.get(url("/api/v1/search?q=" + Http.q(q)), headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("total").asLong();
    }

    /** What the background thread and the scheduled refresh do within minutes, done now. */
    private void logged() {
        queryLog.flush();
        querySuggestions.refresh();
    }

    private List<JsonNode> suggest(String prefix, String... headers) {
        Http.Response r = Http.get(url("/api/v1/suggest?q=" + Http.q(prefix)), headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }

    private static List<String> texts(List<JsonNode> suggestions) {
        return suggestions.stream().map(s -> s.get("text").asString()).toList();
    }

    @Test
    void aQueryIsSuggestedOnlyOnceItFoundResultsSeveralTimes() {
        String word = Made.word();
        Made.upload(url(""), uploader, "Tài liệu thử nghiệm", "Sổ tay " + word + " cho học sinh.", "PUBLIC");
        awaitIngestIdle();
        String query = word + " so tay";
        int needed = properties.suggestMinAsks();
        assertThat(needed).isGreaterThanOrEqualTo(2);

        for (int i = 1; i < needed; i++) {
            assertThat(ask(query)).isPositive();
            logged();
            // asked fewer times than that, it may be someone's name or private note
            assertThat(texts(suggest(word.substring(0, 6)))).doesNotContain(query);
        }
        ask(query.toUpperCase());
        logged();
        List<JsonNode> found = suggest(word.substring(0, 6));
        assertThat(texts(found)).contains(query);
        assertThat(found.get(texts(found).indexOf(query)).get("resourceId").isNull()).isTrue();
        // accent-insensitive prefix
        assertThat(texts(suggest(word + " sổ t"))).contains(query);
    }

    @Test
    void aQueryThatFoundNothingIsNeverSuggested() {
        String query = Made.word() + " " + Made.word(); // two words no material holds: both are required
        for (int i = 0; i < properties.suggestMinAsks() + 1; i++) {
            assertThat(ask(query)).isZero();
        }
        logged();
        assertThat(texts(suggest(query.substring(0, 6)))).isEmpty();
    }

    @Test
    void aQueryWhoseResultsAreRestrictedIsSuggestedOnlyToThoseWhoMaySeeThem() {
        String word = Made.word();
        Made.upload(url(""), uploader, "Nội bộ", "Kế hoạch " + word + " của tổ chuyên môn.", "LIBRARY");
        awaitIngestIdle();
        String colleague = Http.basic(account("librarian-qs", Role.LIBRARIAN, "HN-THPT-BDM"), PASSWORD);
        String query = word + " ke hoach";
        for (int i = 0; i < properties.suggestMinAsks(); i++) {
            assertThat(ask(query, "Authorization", colleague)).isPositive();
        }
        logged();

        assertThat(texts(suggest(word.substring(0, 6)))).doesNotContain(query);
        String outsider = Http.basic(account("teacher-qs-far", Role.TEACHER, "HN-TVHN"), PASSWORD);
        assertThat(texts(suggest(word.substring(0, 6), "Authorization", outsider))).doesNotContain(query);
        assertThat(texts(suggest(word.substring(0, 6), "Authorization", colleague))).contains(query);
    }

    @Test
    void queriesAndTitlesAreMergedOncePerFoldedText() {
        String word = Made.word();
        long id = Made.upload(url(""), uploader, word + " bản đồ hành chính", "Bản đồ và lịch sử " + word + ".",
                "PUBLIC");
        awaitIngestIdle();
        for (int i = 0; i < properties.suggestMinAsks(); i++) {
            ask(word + " ban do hanh chinh");
            ask(word + " lich su");
        }
        logged();

        List<JsonNode> found = suggest(word.substring(0, 6));
        assertThat(texts(found)).containsExactlyInAnyOrder(word + " bản đồ hành chính", word + " lich su");
        JsonNode title = found.get(texts(found).indexOf(word + " bản đồ hành chính"));
        assertThat(title.get("resourceId").asLong()).isEqualTo(id);
        assertThat(found.get(texts(found).indexOf(word + " lich su")).get("resourceId").isNull()).isTrue();
        assertThat(suggest("h")).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void theLogCountsSpellingsTogetherForStatistics() {
        String word = Made.word();
        ask("  Học   TẬP  " + word + " ");
        ask("hoc tap " + word);
        ask(word + "x");
        ask(word + "x");
        logged();
        Instant from = Instant.now().minus(Duration.ofHours(1));
        Instant to = Instant.now().plus(Duration.ofMinutes(1));

        assertThat(search.topQueries(from, to, 1000)).contains(new QueryCount("học tập " + word, 2));
        List<QueryCount> zero = search.zeroResultQueries(from, to, 1000);
        assertThat(zero).contains(new QueryCount(word + "x", 2));
        assertThat(zero).extracting(QueryCount::query).doesNotContain("học tập " + word);
    }

    @Test
    void aFailingLogNeverFailsASearch() {
        String word = Made.word();
        queryLog.flush();
        jdbc.execute("alter table search_log rename to search_log_away");
        try {
            assertThat(ask("hoc tap " + word)).isPositive();
            assertThat(queryLog.flush()).isZero();
            assertThat(Http.get(url("/search?q=" + word)).status()).isEqualTo(200);
        } finally {
            jdbc.execute("alter table search_log_away rename to search_log");
        }
        // what was asked meanwhile is lost, and logging goes on
        ask("hoc tap " + word);
        queryLog.flush();
        assertThat(jdbc.queryForObject("select count(*) from search_log where folded = ?", Long.class,
                "hoc tap " + word)).isEqualTo(1);
    }
}
