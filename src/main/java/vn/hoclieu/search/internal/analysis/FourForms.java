package vn.hoclieu.search.internal.analysis;

import java.io.IOException;
import java.io.StringReader;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.sinks.TeeSinkTokenFilter;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The four indexed forms of one text value — exact, exact bigrams, folded, folded bigrams — from
 * <em>one</em> pass of the front (char filters, {@code ICUTokenizer}) and one pass of each
 * syllable chain, instead of four full analyses. The streams emit exactly what the four analyzers
 * of {@link VietnameseAnalysis} emit for the same text (a test compares them); queries keep using
 * those analyzers.
 *
 * <p>How: the tokenizer's tokens are captured once ({@link TeeSinkTokenFilter}) and replayed into
 * the folded chain; each chain's output is captured again and replayed into its shingle filter.
 * A sentence break is carried as a flag on the token after it and becomes a position gap only on
 * the way into the shingles, so the unigram streams keep the analyzers' positions.
 *
 * <p>The streams must be consumed in the order of {@link Streams}, as Lucene does when the fields
 * are added to a document in that order: the exact stream drives the tokenizer, and each later
 * stream replays what an earlier one captured.
 */
public final class FourForms {

    /** Set on a token that follows sentence punctuation or a line break in the original text. */
    static final int SENTENCE_BREAK_FLAG = 1 << 20;

    private FourForms() {
    }

    /** The four streams of a text; consume them in this order (see {@link FourForms}). */
    public record Streams(TokenStream exact, TokenStream exactBigrams, TokenStream folded, TokenStream foldedBigrams) {
    }

    public static Streams of(String text) {
        TextWindow window = new TextWindow();
        ICUTokenizer tokenizer = new ICUTokenizer();
        tokenizer.setReader(VietnameseAnalyzer.front(window.record(new StringReader(text))));
        TeeSinkTokenFilter syllables = new TeeSinkTokenFilter(new BreakFlagFilter(tokenizer, window));
        TokenStream syllablesAgain = syllables.newSinkTokenStream();

        TeeSinkTokenFilter exact = new TeeSinkTokenFilter(VietnameseAnalyzer.syllableChain(
                VietnameseAnalyzer.Form.EXACT, syllables));
        TokenStream exactAgain = exact.newSinkTokenStream();
        TeeSinkTokenFilter folded = new TeeSinkTokenFilter(VietnameseAnalyzer.syllableChain(
                VietnameseAnalyzer.Form.FOLDED, syllablesAgain));
        TokenStream foldedAgain = folded.newSinkTokenStream();
        return new Streams(exact, VietnameseAnalyzer.bigrams(new BreakGapFilter(exactAgain)),
                folded, VietnameseAnalyzer.bigrams(new BreakGapFilter(foldedAgain)));
    }

    /** Marks each token that follows a break, as {@link SentenceBreakFilter} would open a gap before it. */
    private static final class BreakFlagFilter extends TokenFilter {

        private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
        private final FlagsAttribute flags = addAttribute(FlagsAttribute.class);
        private final TextWindow text;
        private int previousEnd = -1;

        BreakFlagFilter(TokenStream input, TextWindow text) {
            super(input);
            this.text = text;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            int start = offsets.startOffset();
            if (previousEnd >= 0 && text.hasBreak(previousEnd, start)) {
                flags.setFlags(flags.getFlags() | SENTENCE_BREAK_FLAG);
            }
            previousEnd = Math.max(previousEnd, offsets.endOffset());
            text.release(previousEnd);
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            previousEnd = -1;
        }
    }

    /** Turns the break flag into the position gap that keeps bigrams inside a sentence. */
    private static final class BreakGapFilter extends TokenFilter {

        private final FlagsAttribute flags = addAttribute(FlagsAttribute.class);
        private final PositionIncrementAttribute positions = addAttribute(PositionIncrementAttribute.class);

        BreakGapFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if ((flags.getFlags() & SENTENCE_BREAK_FLAG) != 0) {
                positions.setPositionIncrement(positions.getPositionIncrement() + 1);
            }
            return true;
        }
    }
}
