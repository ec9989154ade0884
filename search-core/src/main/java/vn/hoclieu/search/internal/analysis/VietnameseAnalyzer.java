package vn.hoclieu.search.internal.analysis;

import com.ibm.icu.text.Normalizer2;
import java.io.Reader;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.shingle.ShingleFilter;

/**
 * The one analyzer behind the four factories of {@link VietnameseAnalysis}: a shared front
 * (Ð/ð→Đ/đ, NFC as char filters so offsets stay on the original text, ICU syllable tokenizer),
 * then either the exact or the folded chain, optionally followed by syllable bigrams.
 *
 * <p>The char filters are applied in the components' reader consumer rather than in
 * {@code initReader}, because the bigram variant has to record the original text before any
 * char filter touches it (see {@link TextWindow}).
 */
final class VietnameseAnalyzer extends Analyzer {

    enum Form { EXACT, FOLDED }

    // Ð/ð (Icelandic eth) is a frequent look-alike of Đ/đ in Vietnamese text.
    private static final NormalizeCharMap ETH_TO_DYET;

    static {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        builder.add("\u00D0", "\u0110");
        builder.add("\u00F0", "\u0111");
        ETH_TO_DYET = builder.build();
    }

    private final Form form;
    private final boolean bigrams;

    VietnameseAnalyzer(Form form, boolean bigrams) {
        this.form = form;
        this.bigrams = bigrams;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        ICUTokenizer tokenizer = new ICUTokenizer();
        TextWindow window = bigrams ? new TextWindow() : null;
        TokenStream stream = window == null ? tokenizer : new SentenceBreakFilter(tokenizer, window);
        stream = syllableChain(form, stream);
        if (bigrams) {
            stream = bigrams(new SentenceGapFilter(stream));
        }
        Consumer<Reader> source = window == null
                ? reader -> tokenizer.setReader(front(reader))
                : reader -> tokenizer.setReader(front(window.record(reader)));
        return new TokenStreamComponents(source, stream);
    }

    /** Used by query parsers for prefix, wildcard and fuzzy terms, which skip tokenization. */
    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return front(reader);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return syllableChain(form, in);
    }

    /** Adjacent pairs only (a lone syllable stays); pairs across a position gap (a sentence break) are dropped. */
    static TokenStream bigrams(TokenStream syllables) {
        ShingleFilter shingles = new ShingleFilter(syllables, 2, 2);
        shingles.setOutputUnigrams(false);
        shingles.setOutputUnigramsIfNoShingles(true);
        shingles.setTokenSeparator(String.valueOf(FillerShingleFilter.SEPARATOR));
        shingles.setFillerToken("");
        return new FillerShingleFilter(shingles);
    }

    static Reader front(Reader original) {
        return new ICUNormalizer2CharFilter(
                new MappingCharFilter(ETH_TO_DYET, original), Normalizer2.getNFCInstance());
    }

    static TokenStream syllableChain(Form form, TokenStream in) {
        return switch (form) {
            case EXACT -> new CanonicalToneFilter(
                    new ICUNormalizer2Filter(in, Normalizer2.getNFKCCasefoldInstance()));
            case FOLDED -> new IYMergeFilter(new ICUFoldingFilter(in));
        };
    }
}
