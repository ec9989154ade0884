package vn.hoclieu.search.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * How Hoclieu weighs what it finds: every number of the ranking in one place, so that the embedded
 * index, the Solr plugin (whose configset repeats {@link #bm25}) and the experiments that chose them
 * read the same values. {@link #DEFAULT} is the design in use; each of its values was chosen by
 * measurement on the tuning half of the Debian collection (docs/search.md, <i>Ranking decisions</i>).
 *
 * @param weights     weight of each text field ({@link Fields#TEXT_FIELDS}) in a word's maximum over fields
 * @param exact       a word typed with marks: its exact form's factor inside the same maximum (0: folded only)
 * @param bigram      adjacent words: the factor of their folded pair (0: no pair clauses)
 * @param exactBigram two adjacent words both typed with marks: their exact pair's factor over the folded
 *                    pair's inside the same maximum (0: folded pairs only)
 * @param tieBreaker  share of the other fields' scores added to the best field's in every maximum
 * @param allPairs    every adjacent pair of the words typed found in one field: the factor of that bonus
 *                    (0: none)
 * @param bm25        BM25's k1 and b per text field, for all four forms of the field
 * @param shortMissing how many words of a three- or four-word query a match may lack
 * @param longMatch   share of the words of a query of five or more that a match must contain
 */
record Ranking(Map<String, Float> weights, float exact, float bigram, float exactBigram, float tieBreaker,
               float allPairs, Map<String, Bm25> bm25, int shortMissing, double longMatch) {

    /** BM25's saturation of a term's frequency ({@code k1}) and the weight of a field's length ({@code b}). */
    record Bm25(float k1, float b) {
    }

    /** Lucene's own BM25 parameters. */
    static final Bm25 LUCENE_BM25 = new Bm25(1.2f, 0.75f);

    /**
     * The design in use, each value measured on the tuning half of the Debian collection (docs/search.md,
     * <i>Ranking decisions</i>): the body outweighs the title (a title match is already a strong BM25 score
     * in a short field, and real pages are found by what they say, not what they are called); the body's
     * length counts little (b 0.2: long pages are the ones that answer more questions, and Lucene's 0.75
     * buried them); every adjacent pair of the words typed found in one field earns a bonus (a heading
     * found in the page); a pair of adjacent words counts as much as one word; from five words on, half
     * must match. Subjects, creators and description keep their weights: the Debian pages have none, and
     * our own suite cannot tell their variants apart.
     */
    static final Ranking DEFAULT = new Ranking(
            ordered(Fields.TITLE, 0.7f, Fields.SUBJECTS, 1.5f, Fields.CREATORS, 1.2f, Fields.DESCRIPTION, 1.0f,
                    Fields.TEXT, 0.8f),
            1.15f, 1.0f, 1.15f, 0.1f, 1.0f,
            ordered(Fields.TITLE, LUCENE_BM25, Fields.SUBJECTS, LUCENE_BM25, Fields.CREATORS, LUCENE_BM25,
                    Fields.DESCRIPTION, LUCENE_BM25, Fields.TEXT, new Bm25(1.2f, 0.2f)),
            1, 0.5);

    Ranking {
        weights = Map.copyOf(weights);
        bm25 = Map.copyOf(bm25);
        if (!weights.keySet().equals(Fields.TEXT_FIELDS.stream().collect(Collectors.toSet()))
                || !bm25.keySet().equals(weights.keySet())) {
            throw new IllegalArgumentException("a weight and BM25 parameters for each of " + Fields.TEXT_FIELDS);
        }
    }

    /** The weight of a text field. */
    float weight(String field) {
        return weights.get(field);
    }

    /**
     * How many of a query's words a material must contain. Short queries need every word; longer ones
     * forgive a word or two that is not in the material: questions carry filler no material contains
     * ("làm sao để", "có nên … không").
     */
    int minimumToMatch(int words) {
        if (words <= 2) {
            return words;
        }
        if (words <= 4) {
            return Math.max(1, words - shortMissing);
        }
        return (int) Math.ceil(words * longMatch);
    }

    /**
     * BM25 with each text field's parameters, for all four forms of the field; Lucene's defaults for
     * every other field. Only the scoring differs: BM25 stores the same length norm whatever its
     * parameters, so an index need not be rebuilt when they change.
     */
    Similarity similarity() {
        Map<String, Similarity> perField = new HashMap<>();
        bm25.forEach((field, p) -> {
            BM25Similarity s = new BM25Similarity(p.k1(), p.b());
            for (String form : new String[] {Fields.FOLDED, Fields.EXACT, Fields.FOLDED_BIGRAMS, Fields.EXACT_BIGRAMS}) {
                perField.put(field + form, s);
            }
        });
        Similarity other = new BM25Similarity();
        return new PerFieldSimilarityWrapper() {
            @Override
            public Similarity get(String name) {
                return perField.getOrDefault(name, other);
            }
        };
    }

    /** The text fields in the order given, for a readable {@code toString}. */
    static <V> Map<String, V> ordered(Object... pairs) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            V v = (V) pairs[i + 1];
            m.put((String) pairs[i], v);
        }
        return m;
    }
}
