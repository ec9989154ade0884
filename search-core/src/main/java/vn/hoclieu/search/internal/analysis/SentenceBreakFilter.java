package vn.hoclieu.search.internal.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Flags a token when the original text between it and the previous token holds sentence
 * punctuation or a line break. The tokenizer drops that punctuation; {@link SentenceGapFilter}
 * turns the flag into a position gap before the shingle filter, which would otherwise pair
 * "Nội" and "Sáng" in "Hà Nội. Sáng nay" into a bigram that the text never says. The flag rides
 * along through the syllable chains, so one reading of the text serves unigrams (no gap) and
 * bigrams alike ({@link FourForms}).
 */
final class SentenceBreakFilter extends TokenFilter {

    /** Set on a token that follows sentence punctuation or a line break in the original text. */
    static final int FLAG = 1 << 20;

    private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
    private final FlagsAttribute flags = addAttribute(FlagsAttribute.class);
    private final TextWindow text;
    private int previousEnd = -1;

    SentenceBreakFilter(TokenStream input, TextWindow text) {
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
            flags.setFlags(flags.getFlags() | FLAG);
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
