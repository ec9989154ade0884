package vn.hoclieu.search.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;

/**
 * What "did you mean" may know, on either backend: the index's words ({@link Vocabulary}, whose
 * index-wide frequencies only pick candidates) and counts of the documents one viewer may see
 * within the filters they chose (which decide). The embedded index answers with the application's
 * {@code VisibleScope}, a SolrCloud collection with its {@code SolrScope}.
 */
interface SuggestionScope {

    /** Visible documents matching the query (term, boolean and prefix queries over the index's fields). */
    int count(Query query) throws IOException;

    /** {@link #count} of each query, in their order (one request on SolrCloud). */
    default int[] counts(List<Query> queries) throws IOException {
        int[] counts = new int[queries.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = count(queries.get(i));
        }
        return counts;
    }

    /** Whether any visible document matches. */
    boolean any(Query query) throws IOException;

    /**
     * Visible documents holding each term in any of the fields (name + suffix), in their order: one
     * request on SolrCloud; counted on kept bit sets of what the viewer may see on the embedded index.
     */
    default int[] countsInAny(List<String> fields, String suffix, List<String> terms) throws IOException {
        return counts(terms.stream().map(t -> Fields.inAny(fields, suffix, t)).toList());
    }

    /** Whether a visible document holds the term in any of the fields (name + suffix). */
    default boolean anyInAny(List<String> fields, String suffix, String term) throws IOException {
        return any(Fields.inAny(fields, suffix, term));
    }

    /**
     * {@link #anyInAny} of each term, in their order: stops at the first visible document on the embedded
     * index; one request on SolrCloud.
     */
    default boolean[] anyInAny(List<String> fields, String suffix, List<String> terms) throws IOException {
        boolean[] held = new boolean[terms.size()];
        for (int i = 0; i < held.length; i++) {
            held[i] = anyInAny(fields, suffix, terms.get(i));
        }
        return held;
    }

    /** How many visible documents a search for the text finds (the ranking query of {@link QueryBuilder}). */
    long countSearch(String text) throws IOException;

    /** {@link #countSearch} of each text, in their order (one request on SolrCloud). */
    default long[] countSearches(List<String> texts) throws IOException {
        long[] counts = new long[texts.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = countSearch(texts.get(i));
        }
        return counts;
    }

    /** Terms of the text fields (name + suffix) that the pattern accepts, with index-wide document frequencies. */
    Map<String, Integer> matching(String suffix, List<String> pattern) throws IOException;

    /** Terms of the fields near the word, each field's closest ones, merged. */
    Map<String, Vocabulary.Similar> similar(List<String> fields, String word) throws IOException;
}
