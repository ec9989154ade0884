package vn.hoclieu.search.solr;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/**
 * One of Hoclieu's four analyzers ({@code VietnameseAnalysis}), for a Solr field type
 * ({@code <analyzer class="vn.hoclieu.search.solr.HoclieuAnalyzer$Folded"/>}). Each delegates to
 * the very analyzer the embedded index uses, so Solr indexes and queries the same terms at the
 * same positions and offsets.
 */
public abstract class HoclieuAnalyzer extends DelegatingAnalyzerWrapper {

    private final Analyzer delegate;

    HoclieuAnalyzer(Analyzer delegate) {
        super(PER_FIELD_REUSE_STRATEGY);
        this.delegate = delegate;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return delegate;
    }

    @Override
    public void close() {
        delegate.close();
        super.close();
    }

    /** Syllables case-folded, canonical tone placement, diacritics kept. */
    public static final class Exact extends HoclieuAnalyzer {
        public Exact() {
            super(VietnameseAnalysis.exact());
        }
    }

    /** Syllables without diacritics, i/y spellings merged. */
    public static final class Folded extends HoclieuAnalyzer {
        public Folded() {
            super(VietnameseAnalysis.folded());
        }
    }

    /** Adjacent pairs of exact syllables within a sentence. */
    public static final class ExactBigrams extends HoclieuAnalyzer {
        public ExactBigrams() {
            super(VietnameseAnalysis.exactBigrams());
        }
    }

    /** Adjacent pairs of folded syllables within a sentence. */
    public static final class FoldedBigrams extends HoclieuAnalyzer {
        public FoldedBigrams() {
            super(VietnameseAnalysis.foldedBigrams());
        }
    }
}
