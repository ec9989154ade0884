package vn.hoclieu.search.internal;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The documents counting already found ({@link Searcher.Hits}), as a query: to sort them by a field
 * without evaluating the words, and their phrases' positions, a second time. Valid only on the
 * reader the hits were collected from; never cached.
 */
final class HitsQuery extends Query {

    private final Searcher.Hits hits;

    HitsQuery(Searcher.Hits hits) {
        this.hits = hits;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext leaf) {
                FixedBitSet bits = hits.of(leaf);
                return bits == null ? null
                        : new ConstantScoreScorer(this, score(), scoreMode,
                                new BitSetIterator(bits, bits.approximateCardinality()));
            }

            @Override
            public boolean isCacheable(LeafReaderContext leaf) {
                return false;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "hits(" + hits.total() + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
