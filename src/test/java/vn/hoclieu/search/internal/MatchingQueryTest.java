package vn.hoclieu.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoclieu.search.relevance.RelevanceCollection;

/**
 * Totals and facets are counted with the cheap matching query (one clause per word, on the
 * catch-all field); it must match exactly the resources the ranking query matches, for every kind
 * of query: with and without diacritics, phrases, long questions, words nobody wrote.
 */
class MatchingQueryTest {

    private static RelevanceCollection collection;
    private static HoclieuRanker hoclieu;

    @BeforeAll
    static void index() {
        collection = RelevanceCollection.load();
        hoclieu = new HoclieuRanker(collection.materials());
    }

    @AfterAll
    static void close() {
        hoclieu.close();
    }

    @Test
    void theCheapCountEqualsTheRankingQuerysMatchesForEveryQueryOfTheRelevanceSuite() throws Exception {
        List<String> queries = new ArrayList<>();
        collection.cases().forEach(c -> queries.add(c.query()));
        queries.addAll(List.of("hoc", "hoc hoc hoc", "\"hoc tap\" suot doi", "\"Đà Nẵng\"", "zzqx", "the", "ky nang",
                "Ð", "học sinh tập thể dục suốt buổi sáng cả đời ở trường làng", "(hoc AND tap)"));
        assertThat(hoclieu.countsOnCatchAll()).as("every document has the catch-all field").isTrue();
        int checked = 0;
        for (String q : queries) {
            long[] counts = hoclieu.countBothWays(q);
            assertThat(counts[1]).as(q).isEqualTo(counts[0]);
            checked++;
        }
        assertThat(checked).isGreaterThan(300);
    }
}
