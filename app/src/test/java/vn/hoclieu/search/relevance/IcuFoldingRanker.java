package vn.hoclieu.search.relevance;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import vn.hoclieu.search.relevance.RelevanceCollection.Material;

/**
 * The baseline of repository software that folds accents: DSpace's Solr search schema (its
 * {@code text} field type) — {@link ICUTokenizer}, English stop words, {@link ICUFoldingFilter}
 * (marks removed, đ → d, case folded), English Porter stemming — over one catch-all field, BM25.
 * Accent-insensitive, so a query typed without marks finds what one typed with them finds; but
 * folding merges different Vietnamese words (Đà Nẵng, đã nặng, đa năng all become "da nang"), and
 * the stemmer, made for English, cuts Vietnamese syllables that end like English suffixes.
 */
public final class IcuFoldingRanker extends OneFieldRanker {

    public IcuFoldingRanker(List<Material> materials) {
        super(new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                ICUTokenizer tokenizer = new ICUTokenizer();
                TokenStream s = new StopFilter(tokenizer, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                s = new ICUFoldingFilter(s);
                return new TokenStreamComponents(tokenizer, new PorterStemFilter(s));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new ICUFoldingFilter(in);
            }
        }, materials);
    }

    @Override
    public String name() {
        return "ICU folding + English stemming (DSpace), one field";
    }
}
