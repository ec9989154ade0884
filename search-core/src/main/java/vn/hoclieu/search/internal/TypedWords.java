package vn.hoclieu.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/**
 * The syllables of what a person typed, each with its place in the text, so that a correction can
 * replace just those syllables and keep everything else (quotes, punctuation, spacing) as typed.
 */
record TypedWords(String text, List<Word> words) {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final Analyzer FOLDED = VietnameseAnalysis.folded();
    private static final Analyzer EXACT = VietnameseAnalysis.exact();

    /** One syllable: where it is, its folded and exact terms, whether it was typed with marks. */
    record Word(int start, int end, String folded, String exact, boolean accented) {
    }

    /** Reads at most {@code limit} syllables; returns null when the text has more (the caller gives up). */
    static TypedWords of(String text, int limit) {
        List<Term> folded = terms(FOLDED, text, limit + 1);
        List<Term> exact = terms(EXACT, text, limit + 1);
        if (folded.size() > limit || folded.size() != exact.size()) {
            return null;
        }
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < folded.size(); i++) {
            Term f = folded.get(i);
            words.add(new Word(f.start(), f.end(), f.text(), exact.get(i).text(),
                    VietnameseAnalysis.hasDiacritics(text.substring(f.start(), f.end()))));
        }
        return new TypedWords(text, List.copyOf(words));
    }

    /**
     * The text with word {@code i} replaced by {@code forms[i]}, in the case it was typed in
     * ("Da Nang" → "Đà Nẵng"); a null form keeps the word exactly as typed.
     */
    String with(String[] forms) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int at = 0;
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            String typed = text.substring(w.start(), w.end());
            out.append(text, at, w.start()).append(forms[i] == null ? typed : sameCase(typed, forms[i]));
            at = w.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    private static String sameCase(String typed, String form) {
        if (typed.length() > 1 && typed.equals(typed.toUpperCase(VIETNAMESE))
                && !typed.equals(typed.toLowerCase(VIETNAMESE))) {
            return form.toUpperCase(VIETNAMESE);
        }
        if (!typed.isEmpty() && Character.isUpperCase(typed.codePointAt(0))) {
            return form.substring(0, form.offsetByCodePoints(0, 1)).toUpperCase(VIETNAMESE)
                    + form.substring(form.offsetByCodePoints(0, 1));
        }
        return form;
    }

    /** A term of an analyzed text and the offsets of the text it came from. */
    record Term(String text, int start, int end) {
    }

    /** The first {@code limit} terms of the text, with their offsets (clamped to the text). */
    static List<Term> terms(Analyzer analyzer, String text, int limit) {
        List<Term> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (out.size() < limit && ts.incrementToken()) {
                int start = Math.min(offset.startOffset(), text.length());
                out.add(new Term(term.toString(), start, Math.min(Math.max(offset.endOffset(), start), text.length())));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
