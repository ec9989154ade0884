package vn.hoclieu.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.internal.QueryLog;
import vn.hoclieu.search.internal.QuerySuggestions;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/**
 * A popular query is offered to a viewer only if the search itself, as they would run it, finds something:
 * a quoted phrase that only LIBRARY or PENDING material holds is not offered to the public, though every one
 * of its words occurs in public material; nor is a query that finds nothing with the filters they chose.
 */
@Tag(TestGroups.POSTGRES)
class PopularQueriesVisibilityTest extends IntegrationTest {

    @Autowired
    QueryLog queryLog;
    @Autowired
    QuerySuggestions querySuggestions;
    @Autowired
    SearchService search;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SearchLogProperties properties;

    @Test
    void aPhraseOnlyRestrictedMaterialHoldsIsNeverOfferedToThoseWhoCannotSeeIt() {
        String library = "HN-THPT-BDM";
        String librarianName = account("librarian-popular", Role.LIBRARIAN, library);
        String teacherName = account("teacher-popular", Role.TEACHER, library);
        String librarian = Http.basic(librarianName, PASSWORD);
        String teacher = Http.basic(teacherName, PASSWORD);
        String a = Made.word();
        String b = Made.word();
        String c = Made.word();
        String d = Made.word();
        String e = Made.word();
        // the phrases, in restricted material only; their words apart, in public material
        Made.upload(url(""), librarian, "Tài liệu nội bộ", "Ghi chép " + a + " " + b + " của thư viện.", "LIBRARY");
        Made.upload(url(""), teacher, "Bài chờ duyệt", "Bản nháp " + c + " " + d + " của giáo viên.", "PUBLIC");
        Made.upload(url(""), librarian, "Tài liệu công khai",
                b + " là một từ, còn đây là nhiều chữ khác ở giữa, rồi mới đến " + a + "; cũng vậy " + d
                        + " rồi xa hơn nữa mới có " + c + ". Và " + e + " nữa.", "PUBLIC");
        awaitIngestIdle();
        String libraryPhrase = "\"" + a + " " + b + "\"";
        String pendingPhrase = "\"" + c + " " + d + "\"";
        for (int i = 0; i < properties.suggestMinAsks(); i++) {
            assertThat(ask(libraryPhrase, librarian)).isEqualTo(1);
            assertThat(ask(pendingPhrase, teacher)).isEqualTo(1);
            assertThat(ask(e, null)).isEqualTo(1);
        }
        assertThat(ask(libraryPhrase, null)).as("the public finds nothing with the phrase").isZero();
        assertThat(ask(pendingPhrase, null)).isZero();
        queryLog.flush();
        querySuggestions.refresh();

        List<String> forThePublic = texts(search.popularQueries(Viewer.ANONYMOUS, 1_000));
        assertThat(forThePublic).contains(e).doesNotContain(libraryPhrase, pendingPhrase);
        Long libraryId = jdbc.queryForObject("select id from library where code = ?", Long.class, library);
        Viewer staff = new Viewer(0L, librarianName, Role.LIBRARIAN, libraryId);
        assertThat(texts(search.popularQueries(staff, 1_000))).contains(libraryPhrase, pendingPhrase, e);

        // the no-results page keeps the viewer's filters in its links: a query offered there finds something with them
        assertThat(texts(search.popularQueries(Viewer.ANONYMOUS, Map.of("materialType", List.of("VIDEO")), 1_000)))
                .doesNotContain(e);
        assertThat(texts(search.popularQueries(Viewer.ANONYMOUS, Map.of("language", List.of("vi")), 1_000)))
                .contains(e);
    }

    private long ask(String q, String authorization) {
        Http.Response r = authorization == null ? Http.get(url("/api/v1/search?q=" + Http.q(q)))
                : Http.get(url("/api/v1/search?q=" + Http.q(q)), "Authorization", authorization);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("total").asLong();
    }

    private static List<String> texts(List<Suggestion> suggestions) {
        return suggestions.stream().map(Suggestion::text).toList();
    }
}
