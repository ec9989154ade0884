package vn.hoclieu.search.internal.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Every pair of neighbouring syllables of a folded stream, as one term ("hoc tap"): for a field
 * that only says which documents <em>could</em> hold a phrase. A phrase "a b c" can match a
 * document only if the document has the pairs "a b" and "b c"; requiring them first leaves the
 * phrase's position check a handful of candidates instead of every document with all its words
 * (Elasticsearch's {@code index_phrases} does the same with shingles).
 *
 * <p>Unlike the ranking bigrams ({@link TokenRecording#bigrams()}), the pairs do not stop at a
 * sentence break or a comma, because a phrase's positions do not: a phrase that matches must find
 * its pairs here. To stay a superset of what phrases match they err the other way: tokens at one
 * position (increment 0) pair with all of the next position's, a position gap still pairs its two
 * sides, and a value's first syllables pair with the last of the value before it in the same field
 * ({@link Carry}), as a phrase can span two values of a field. No pair is ever missing; a few extra
 * only cost terms.
 */
public final class AdjacentPairs extends TokenFilter {

    /** What one field's values hand on to the next: the syllables at the last position of a value. */
    public static final class Carry {
        private List<String> last = List.of();
    }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Carry carry;
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private List<String> previous = new ArrayList<>();
    private List<String> current = new ArrayList<>();

    /** @param carry shared by the values of one field of one document, in the order they are indexed */
    public AdjacentPairs(TokenStream folded, Carry carry) {
        super(folded);
        this.carry = carry;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        previous = new ArrayList<>();
        current = new ArrayList<>(carry.last);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (pending.isEmpty()) {
            if (!input.incrementToken()) {
                return false;
            }
            String syllable = term.toString();
            if (position.getPositionIncrement() > 0) {
                previous = current;
                current = new ArrayList<>();
            }
            current.add(syllable);
            for (String before : previous) {
                pending.add(before + FillerShingleFilter.SEPARATOR + syllable);
            }
        }
        clearAttributes();
        term.setEmpty().append(pending.poll());
        position.setPositionIncrement(1);
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        if (!current.isEmpty()) {
            carry.last = List.copyOf(current);
        }
    }

    /** The pair term of two folded syllables, as this filter writes it. */
    public static String of(String first, String second) {
        return first + FillerShingleFilter.SEPARATOR + second;
    }
}