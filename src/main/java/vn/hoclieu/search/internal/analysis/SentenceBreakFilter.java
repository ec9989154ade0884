package vn.hoclieu.search.internal.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Opens a position gap before a token when the original text between it and the previous token
 * holds sentence punctuation or a line break. The tokenizer drops that punctuation, so without
 * the gap the shingle filter would pair "Nội" and "Sáng" in "Hà Nội. Sáng nay" into a bigram
 * that the text never says.
 */
final class SentenceBreakFilter extends TokenFilter {

    private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute positions =
            addAttribute(PositionIncrementAttribute.class);
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
            positions.setPositionIncrement(positions.getPositionIncrement() + 1);
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
