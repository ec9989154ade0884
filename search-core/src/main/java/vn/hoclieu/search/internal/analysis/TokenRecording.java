package vn.hoclieu.search.internal.analysis;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Passes a token stream through and keeps, for each token, only what the index and the later
 * chains read — term, offsets, position increment and flags — in flat arrays; each
 * {@link #replay()} plays those tokens again (and the final offset and increment at
 * {@code end()}). A lean stand-in for {@code TeeSinkTokenFilter}, which clones and restores every
 * attribute of every token: in a profile of a bulk import, that copying cost about a quarter of
 * the analysis. The other attributes (type, script, position length) are not replayed; nothing
 * downstream of a replay indexes or reads them ({@code FourFormsTest} compares the streams with
 * the four analyzers).
 *
 * <p>A replay must be consumed after the recording stream has been consumed to its end, as Lucene
 * does when the fields are added to a document in order.
 */
final class TokenRecording extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final FlagsAttribute flags = addAttribute(FlagsAttribute.class);

    private char[] chars = new char[1024];
    private int charCount;
    /** Per token: where its term starts in {@link #chars}; one more entry marks the end of the last. */
    private int[] termStart = new int[129];
    private int[] startOffset = new int[128];
    private int[] endOffset = new int[128];
    private int[] increment = new int[128];
    private int[] flagBits = new int[128];
    private int count;
    private int finalOffset;
    private int finalIncrement;

    TokenRecording(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (count == startOffset.length) {
            int n = count * 2;
            termStart = Arrays.copyOf(termStart, n + 1);
            startOffset = Arrays.copyOf(startOffset, n);
            endOffset = Arrays.copyOf(endOffset, n);
            increment = Arrays.copyOf(increment, n);
            flagBits = Arrays.copyOf(flagBits, n);
        }
        int length = term.length();
        if (charCount + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + length));
        }
        System.arraycopy(term.buffer(), 0, chars, charCount, length);
        termStart[count] = charCount;
        charCount += length;
        termStart[count + 1] = charCount;
        startOffset[count] = offset.startOffset();
        endOffset[count] = offset.endOffset();
        increment[count] = position.getPositionIncrement();
        flagBits[count] = flags.getFlags();
        count++;
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        finalOffset = offset.endOffset();
        finalIncrement = position.getPositionIncrement();
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        count = 0;
        charCount = 0;
        termStart[0] = 0;
        finalOffset = 0;
        finalIncrement = 0;
    }

    /** The recorded tokens once more, as a stream of their own; any number of replays may be made. */
    TokenStream replay() {
        return new Replay();
    }

    /**
     * The syllable bigrams of the recorded tokens: exactly what {@code VietnameseAnalyzer.bigrams}
     * (a {@code ShingleFilter} of two, unigrams only if there is no shingle, an empty filler, then
     * {@link FillerShingleFilter}) emits for them after a {@link SentenceGapFilter}, built straight
     * from the recording instead of through a window of cloned attribute sets.
     *
     * <p>The rules it follows are the shingle filter's: a token whose increment (plus one after a
     * sentence break) exceeds one is preceded by one empty filler, and one more filler follows the
     * last token if the final increment is positive; each pair of neighbours in that sequence is a
     * shingle at its own position (increment one), joined by {@link FillerShingleFilter#SEPARATOR}
     * and dropped if either side is empty, its positions going to the next one kept and, after the
     * last, to the final increment; a sequence of one token gives that token alone.
     */
    TokenStream bigrams() {
        return new Bigrams();
    }

    private int effectiveIncrement(int token) {
        return increment[token] + ((flagBits[token] & SentenceBreakFilter.FLAG) != 0 ? 1 : 0);
    }

    private final class Bigrams extends TokenStream {

        private static final int FILLER = -1;

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
        /** The shingle filter's input with its fillers: a token's index, or {@link #FILLER}. */
        private int[] sequence = new int[0];
        private int length;
        private int next;
        private int skipped;

        @Override
        public void reset() throws IOException {
            super.reset();
            if (sequence.length < 2 * count + 1) {
                sequence = new int[2 * count + 1];
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                if (effectiveIncrement(i) > 1) {
                    sequence[length++] = FILLER;
                }
                sequence[length++] = i;
            }
            if (finalIncrement > 0) {
                sequence[length++] = FILLER;
            }
            next = 0;
            skipped = 0;
        }

        @Override
        public boolean incrementToken() {
            if (length == 1) {
                // no shingle at all: the shingle filter gives the one token as it is (a filler: nothing)
                if (next > 0 || sequence[0] == FILLER) {
                    return false;
                }
                next = 1;
                int only = sequence[0];
                if (!kept(only, only)) {
                    skipped++;
                    return false;
                }
                clearAttributes();
                term.copyBuffer(chars, termStart[only], termLength(only));
                offset.setOffset(startOffset[only], endOffset[only]);
                position.setPositionIncrement(1);
                return true;
            }
            while (next + 1 < length) {
                int first = sequence[next];
                int second = sequence[next + 1];
                next++;
                if (first == FILLER && second == FILLER) {
                    // the shingle filter stops at a pair of fillers (never built: one filler per gap)
                    next = length;
                    return false;
                }
                if (first == FILLER || second == FILLER || !kept(first, second)) {
                    skipped++;
                    continue;
                }
                clearAttributes();
                int a = termLength(first);
                int b = termLength(second);
                char[] buffer = term.resizeBuffer(a + 1 + b);
                System.arraycopy(chars, termStart[first], buffer, 0, a);
                buffer[a] = FillerShingleFilter.SEPARATOR;
                System.arraycopy(chars, termStart[second], buffer, a + 1, b);
                term.setLength(a + 1 + b);
                offset.setOffset(startOffset[first], endOffset[second]);
                position.setPositionIncrement(1 + skipped);
                skipped = 0;
                return true;
            }
            return false;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(finalOffset, finalOffset);
            position.setPositionIncrement(finalIncrement + skipped);
        }
    }

    /** What {@link FillerShingleFilter} keeps: a term that neither starts nor ends with the separator. */
    private boolean kept(int first, int last) {
        return termLength(first) > 0 && termLength(last) > 0
                && chars[termStart[first]] != FillerShingleFilter.SEPARATOR
                && chars[termStart[last + 1] - 1] != FillerShingleFilter.SEPARATOR;
    }

    private int termLength(int token) {
        return termStart[token + 1] - termStart[token];
    }

    private final class Replay extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
        private final FlagsAttribute flags = addAttribute(FlagsAttribute.class);
        private int next;

        @Override
        public boolean incrementToken() {
            if (next >= count) {
                return false;
            }
            clearAttributes();
            int from = termStart[next];
            term.copyBuffer(chars, from, termStart[next + 1] - from);
            offset.setOffset(startOffset[next], endOffset[next]);
            position.setPositionIncrement(increment[next]);
            flags.setFlags(flagBits[next]);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(finalOffset, finalOffset);
            position.setPositionIncrement(finalIncrement);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
