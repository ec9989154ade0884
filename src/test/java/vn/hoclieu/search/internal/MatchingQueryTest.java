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

    /**
     * A quoted phrase matches what plain phrase queries over the folded fields match: every window of
     * two to four words of the collection's texts, quoted, with a comma inside some of them (a phrase
     * matches across a comma, as it always has; requiring its pairs as indexed bigrams, which stop at
     * any punctuation, would have been faster and was tried, and this test is why it was not kept).
     */
    @Test
    void aPhraseMatchesWhatPlainPhraseQueriesMatch() throws Exception {
        java.util.Random r = new java.util.Random(3);
        int checked = 0;
        int found = 0;
        for (vn.hoclieu.search.relevance.RelevanceCollection.Material m : collection.materials()) {
            String[] words = m.text().split("\\s+");
            for (int k = 0; k < 3 && words.length > 4; k++) {
                int n = 2 + r.nextInt(3);
                int from = r.nextInt(words.length - n);
                String phrase = String.join(" ", java.util.Arrays.copyOfRange(words, from, from + n));
                long[] counts = hoclieu.phraseBothWays(vn.hoclieu.search.internal.analysis.VietnameseAnalysis.fold(phrase));
                assertThat(counts[1]).as(phrase).isEqualTo(counts[0]);
                checked++;
                found += counts[0] > 0 ? 1 : 0;
            }
        }
        assertThat(checked).isGreaterThan(250);
        assertThat(found).as("phrases that match").isGreaterThan(checked / 2);
    }
}
