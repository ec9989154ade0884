package vn.hoclieu.search.internal.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene analysis for Vietnamese text typed with or without diacritics.
 *
 * <p>All analyzers share one front: Ð/ð (U+00D0/U+00F0, look-alikes of Đ/đ) are mapped to Đ/đ
 * and the text is NFC-normalized, both as char filters so token offsets point into the original
 * text (highlighting works on NFD input too); {@code ICUTokenizer} then splits it into
 * syllables. Then:
 *
 * <ul>
 *   <li>{@link #exact()}: case folding (NFKC_Casefold) and canonical tone placement in the
 *       "new style" (hoà, thuỷ, khoẻ, uỷ, quý), so spelling habits do not split a word;
 *   <li>{@link #folded()}: ICU folding (tone and vowel marks removed, đ→d, case folded) and the
 *       i/y merge of whole syllables after h, k, l, m, s, t, qu (kỹ/kĩ→ki, quy→qui);
 *   <li>{@link #exactBigrams()}, {@link #foldedBigrams()}: the same, then adjacent syllable
 *       pairs only ("hoc tap", "tap suot"); a one-syllable text yields that syllable. Pairs never
 *       span sentence punctuation (. , ; : ! ? …) or line breaks.
 * </ul>
 *
 * <p>The rules are documented on {@link VietnameseSyllables}. No stop words are removed: they
 * would break bigram adjacency. Each factory returns a new analyzer; like any Lucene analyzer it
 * is thread-safe and should be reused and closed by its owner.
 */
public final class VietnameseAnalysis {

    private static final Analyzer EXACT = exact();
    private static final Analyzer FOLDED = folded();

    private VietnameseAnalysis() {
    }

    /** Syllables case-folded, with canonical tone placement; diacritics kept. */
    public static Analyzer exact() {
        return new VietnameseAnalyzer(VietnameseAnalyzer.Form.EXACT, false);
    }

    /** Syllables without diacritics, i/y spellings merged. */
    public static Analyzer folded() {
        return new VietnameseAnalyzer(VietnameseAnalyzer.Form.FOLDED, false);
    }

    /** Adjacent pairs of {@link #exact()} syllables within a sentence. */
    public static Analyzer exactBigrams() {
        return new VietnameseAnalyzer(VietnameseAnalyzer.Form.EXACT, true);
    }

    /** Adjacent pairs of {@link #folded()} syllables within a sentence. */
    public static Analyzer foldedBigrams() {
        return new VietnameseAnalyzer(VietnameseAnalyzer.Form.FOLDED, true);
    }

    /**
     * True when the text (NFC or NFD) carries any Vietnamese diacritic or đ/Đ/ð/Ð, i.e. the user
     * typed accents. Accented foreign letters sharing a Vietnamese mark (é, ñ) also count.
     */
    public static boolean hasDiacritics(String s) {
        return VietnameseSyllables.hasDiacritics(s);
    }

    /** The {@link #folded()} terms of the text joined by single spaces ("Kỹ năng" → "ki nang"). */
    public static String fold(String s) {
        return joinTerms(FOLDED, s);
    }

    /** The {@link #exact()} terms of the text joined by single spaces ("Hòa Bình" → "hoà bình"). */
    public static String exactForm(String s) {
        return joinTerms(EXACT, s);
    }

    private static String joinTerms(Analyzer analyzer, String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        try (TokenStream stream = analyzer.tokenStream("", s)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(term);
            }
            stream.end();
        } catch (IOException e) {
            // Reading a String cannot fail; keep the signature free of checked exceptions.
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
