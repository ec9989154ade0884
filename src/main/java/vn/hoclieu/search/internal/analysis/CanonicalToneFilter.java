package vn.hoclieu.search.internal.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Moves each syllable's tone mark to its canonical vowel, so that hòa and hoà, thủy and thuỷ,
 * which writers use interchangeably, index and query as one exact term. The rule lives in
 * {@link VietnameseSyllables#canonicalTone}.
 */
final class CanonicalToneFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    CanonicalToneFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!isAscii(term)) {
            String before = term.toString();
            String after = VietnameseSyllables.canonicalTone(before);
            if (after != before) {
                term.setEmpty().append(after);
            }
        }
        return true;
    }

    private static boolean isAscii(CharTermAttribute term) {
        char[] buffer = term.buffer();
        for (int i = 0; i < term.length(); i++) {
            if (buffer[i] >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
