package vn.hoclieu.search.internal;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * The visible documents (live, matching a viewer's filter, {@link VisibilityFilter}) of each segment
 * as a bit set, read once and kept while the segment is open and unchanged: the key is the segment
 * reader's, which changes with its deletions, and an entry goes when its reader closes. Shared by
 * every viewer whose filter is the same (all anonymous visitors; a signed-in account's filter names it,
 * so each has its own). At most {@value #MAX_FILTERS} filters per segment, one bit per document
 * each (12 KB for 100,000 documents). This caches who may see what, never what a query found.
 */
final class VisibleDocs {

    static final int MAX_FILTERS = 64;
    private static final Map<IndexReader.CacheKey, Map<Query, FixedBitSet>> CACHE = new ConcurrentHashMap<>();

    private VisibleDocs() {
    }

    /** The filter as a query answered from the kept bit sets (an administrator's, matching everything, as it is). */
    static Query filter(Query filter) {
        return filter instanceof MatchAllDocsQuery ? filter : new Kept(filter);
    }

    static FixedBitSet get(LeafReaderContext leaf, Query filter) {
        IndexReader.CacheHelper helper = leaf.reader().getReaderCacheHelper();
        Map<Query, FixedBitSet> byFilter = helper == null ? null : CACHE.get(helper.getKey());
        return byFilter == null ? null : byFilter.get(filter);
    }

    static Weight filterWeight(IndexSearcher searcher, Query filter) throws IOException {
        return searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }

    /** Reads the segment's visible documents with the filter's weight, and keeps them. */
    static FixedBitSet read(LeafReaderContext leaf, Weight weight, Query filter) throws IOException {
        LeafReader reader = leaf.reader();
        FixedBitSet bits = new FixedBitSet(reader.maxDoc());
        Scorer scorer = weight.scorer(leaf);
        if (scorer != null) {
            Bits live = reader.getLiveDocs();
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live == null || live.get(doc)) {
                    bits.set(doc);
                }
            }
        }
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper != null) {
            Map<Query, FixedBitSet> byFilter = CACHE.computeIfAbsent(helper.getKey(), key -> {
                helper.addClosedListener(CACHE::remove);
                return new ConcurrentHashMap<>();
            });
            if (byFilter.size() >= MAX_FILTERS) {
                byFilter.clear();
            }
            byFilter.put(filter, bits);
        }
        return bits;
    }

    /** Bit sets kept, over all segments and filters (for tests). */
    static int size() {
        return CACHE.values().stream().mapToInt(Map::size).sum();
    }

    /** A filter query whose matches come from the kept bit sets; constant score. */
    private static final class Kept extends Query {

        private final Query filter;

        Kept(Query filter) {
            this.filter = filter;
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
            return new ConstantScoreWeight(this, boost) {
                private Weight inner;

                @Override
                public Scorer scorer(LeafReaderContext leaf) throws IOException {
                    FixedBitSet bits = get(leaf, filter);
                    if (bits == null) {
                        synchronized (this) {
                            if (inner == null) {
                                inner = filterWeight(searcher, filter);
                            }
                        }
                        bits = read(leaf, inner, filter);
                    }
                    return new ConstantScoreScorer(this, score(), scoreMode, 
                            new BitSetIterator(bits, bits.approximateCardinality()));
                }

                @Override
                public boolean isCacheable(LeafReaderContext leaf) {
                    return false; // kept here already
                }
            };
        }

        @Override
        public void visit(QueryVisitor visitor) {
            filter.visit(visitor.getSubVisitor(BooleanClause.Occur.FILTER, this));
        }

        @Override
        public String toString(String field) {
            return "visible(" + filter.toString(field) + ")";
        }

        @Override
        public boolean equals(Object other) {
            return sameClassAs(other) && filter.equals(((Kept) other).filter);
        }

        @Override
        public int hashCode() {
            return 31 * classHash() + filter.hashCode();
        }
    }
}
