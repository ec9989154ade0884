package vn.hoclieu.search.internal.analysis;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Moves each syllable's tone mark to its canonical vowel, so that hòa and hoà, thủy and thuỷ,
 * which writers use interchangeably, index and query as one exact term. The rule lives in
 * {@link VietnameseSyllables#canonicalTone}.
 *
 * <p>The rule is a pure function of the syllable and texts repeat their syllables, while the rule
 * itself normalizes twice (NFD, then NFC): the answers are remembered ({@value #REMEMBERED} at
 * most, forgotten all at once beyond that): in a profile of a bulk import the rule had been about
 * 5% of the application's CPU samples.
 */
final class CanonicalToneFilter extends TokenFilter {

    static final int REMEMBERED = 50_000;
    /** Remembered for a syllable the rule leaves as it is (the rule then returns its input itself). */
    private static final String UNCHANGED = new String("unchanged");
    private static final ConcurrentHashMap<String, String> KNOWN = new ConcurrentHashMap<>();

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
            String after = canonicalTone(before);
            if (after != before) {
                term.setEmpty().append(after);
            }
        }
        return true;
    }

    /** {@link VietnameseSyllables#canonicalTone}, remembered; the input itself when the rule leaves it as it is. */
    static String canonicalTone(String syllable) {
        String known = KNOWN.get(syllable);
        if (known == null) {
            String after = VietnameseSyllables.canonicalTone(syllable);
            if (KNOWN.mappingCount() >= REMEMBERED) {
                KNOWN.clear();
            }
            known = after == syllable ? UNCHANGED : after;
            KNOWN.put(syllable, known);
        }
        return known == UNCHANGED ? syllable : known;
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
