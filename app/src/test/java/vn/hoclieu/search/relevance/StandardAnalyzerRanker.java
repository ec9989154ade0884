package vn.hoclieu.search.relevance;

import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import vn.hoclieu.search.relevance.RelevanceCollection.Material;

/**
 * The plainest baseline: Lucene's {@link StandardAnalyzer} (Unicode word breaks, lower case, no stop
 * words), one catch-all field, BM25. Typed with diacritics it matches Vietnamese syllables exactly;
 * without them it finds only the syllables that carry no marks.
 */
public final class StandardAnalyzerRanker extends OneFieldRanker {

    public StandardAnalyzerRanker(List<Material> materials) {
        super(new StandardAnalyzer(), materials);
    }

    @Override
    public String name() {
        return "Lucene StandardAnalyzer, one field";
    }
}
