package vn.hoclieu.search.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/**
 * The documents one viewer may see, within the filters they chose. Every count a suggestion is
 * based on is taken here, never from the index-wide document frequencies, so that no suggestion
 * can reveal a word that only occurs in material the viewer may not see.
 *
 * <p>The counts of one word in any text field ({@link #countInAny}), of which did-you-mean takes a
 * dozen per query, are taken on bit sets: the visible documents of a segment, for this viewer's
 * filter, are read once and kept until the segment changes ({@link VisibleDocs}, shared by every
 * viewer whose filter is the same: all anonymous visitors, say); the word's postings in each field
 * are OR-ed into a scratch set and intersected with it. The same counts as {@link #count} of
 * {@link #inAny}, without a query's disjunction and conjunction per document.
 */
final class VisibleScope implements SuggestionScope {

    /** Thread-safe (its analyzers reuse their streams per thread): one for every scope. */
    private static final QueryBuilder QUERIES = new QueryBuilder(VietnameseAnalysis.folded(), VietnameseAnalysis.exact());

    private final IndexSearcher searcher;
    private final Query filter;

    private VisibleScope(IndexSearcher searcher, Query filter) {
        this.searcher = searcher;
        this.filter = filter;
    }

    static VisibleScope of(IndexSearcher searcher, FacetsConfig facets, Viewer viewer,
                           Map<String, List<String>> chosen) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(VisibleDocs.filter(VisibilityFilter.of(viewer)), Occur.FILTER);
        DrillDownQuery drill = new DrillDownQuery(facets);
        boolean any = false;
        for (Map.Entry<String, List<String>> e : chosen.entrySet()) {
            if (Fields.FACETS.contains(e.getKey())) {
                for (String value : e.getValue()) {
                    if (value != null && !value.isBlank()) {
                        drill.add(e.getKey(), value.strip());
                        any = true;
                    }
                }
            }
        }
        if (any) {
            filter.add(drill, Occur.FILTER);
        }
        return new VisibleScope(searcher, filter.build());
    }

    /** Visible documents matching the query. */
    @Override
    public int count(Query query) throws IOException {
        return searcher.count(new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build());
    }

    /**
     * Visible documents holding {@code term} in any of the fields (each name + suffix): the same as
     * {@code count(inAny(fields, suffix, term))}, on bit sets.
     */
    int countInAny(List<String> fields, String suffix, String term) throws IOException {
        return inAny(fields, suffix, term, false);
    }

    @Override
    public int[] countsInAny(List<String> fields, String suffix, List<String> terms) throws IOException {
        int[] counts = new int[terms.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = countInAny(fields, suffix, terms.get(i));
        }
        return counts;
    }

    /** Whether a visible document holds {@code term} in any of the fields: {@code any(inAny(…))}, on bit sets. */
    @Override
    public boolean anyInAny(List<String> fields, String suffix, String term) throws IOException {
        return inAny(fields, suffix, term, true) > 0;
    }

    /** The count, or with {@code first} 1 as soon as one visible document holds the term (else 0). */
    private int inAny(List<String> fields, String suffix, String term, boolean first) throws IOException {
        BytesRef bytes = new BytesRef(term);
        int total = 0;
        Weight[] visibleWeight = new Weight[1];
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FixedBitSet holding = null;
            PostingsEnum postings = null;
            for (String f : fields) {
                Terms terms = leaf.reader().terms(f + suffix);
                if (terms == null) {
                    continue;
                }
                TermsEnum te = terms.iterator();
                if (!te.seekExact(bytes)) {
                    continue;
                }
                postings = te.postings(postings, PostingsEnum.NONE);
                if (first) {
                    FixedBitSet visible = visible(leaf, visibleWeight);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        if (visible.get(doc)) {
                            return 1;
                        }
                    }
                } else {
                    if (holding == null) {
                        holding = new FixedBitSet(leaf.reader().maxDoc());
                    }
                    holding.or(postings);
                }
            }
            if (holding == null) {
                continue;
            }
            total += (int) FixedBitSet.intersectionCount(holding, visible(leaf, visibleWeight));
        }
        return total;
    }

    /** The segment's visible documents, kept or read (with the filter's weight, made once per count). */
    private FixedBitSet visible(LeafReaderContext leaf, Weight[] weight) throws IOException {
        FixedBitSet visible = VisibleDocs.get(leaf, filter);
        if (visible == null) {
            if (weight[0] == null) {
                weight[0] = VisibleDocs.filterWeight(searcher, filter);
            }
            visible = VisibleDocs.read(leaf, weight[0], filter);
        }
        return visible;
    }

    /** Whether any visible document matches; stops at the first. */
    @Override
    public boolean any(Query query) throws IOException {
        Query q = new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
        return FirstMatch.exists(searcher, q);
    }

    @Override
    public long countSearch(String text) throws IOException {
        return count(QUERIES.build(text).query());
    }

    @Override
    public Map<String, Integer> matching(String suffix, List<String> pattern) throws IOException {
        Map<String, Integer> df = new HashMap<>();
        for (String field : Fields.TEXT_FIELDS) {
            Vocabulary.matching(searcher.getIndexReader(), field + suffix, pattern, df);
        }
        return df;
    }

    @Override
    public Map<String, Vocabulary.Similar> similar(List<String> fields, String word) throws IOException {
        Map<String, Vocabulary.Similar> merged = new HashMap<>();
        for (String field : fields) {
            Vocabulary.similar(searcher.getIndexReader(), field, word, merged);
        }
        return merged;
    }
}
