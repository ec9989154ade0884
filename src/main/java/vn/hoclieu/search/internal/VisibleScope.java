package vn.hoclieu.search.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/**
 * The documents one viewer may see, within the filters they chose. Every count a suggestion is
 * based on is taken here, never from the index-wide document frequencies, so that no suggestion
 * can reveal a word that only occurs in material the viewer may not see.
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
        BooleanQuery.Builder filter = new BooleanQuery.Builder().add(VisibilityFilter.of(viewer), Occur.FILTER);
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

    /** Whether any visible document matches; stops at the first. */
    @Override
    public boolean any(Query query) throws IOException {
        Query q = new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
        return searcher.search(q, new TopScoreDocCollectorManager(1, 1)).totalHits.value > 0;
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

    /** The term in any of the given text fields (each name + suffix). */
    static Query inAny(List<String> fields, String suffix, String term) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String f : fields) {
            b.add(new TermQuery(new Term(f + suffix, term)), Occur.SHOULD);
        }
        return b.build();
    }
}
