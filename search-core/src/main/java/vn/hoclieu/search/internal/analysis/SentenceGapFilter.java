package vn.hoclieu.search.internal.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** Opens a position gap before each token {@link SentenceBreakFilter} flagged, so bigrams stay inside a sentence. */
final class SentenceGapFilter extends TokenFilter {

    private final FlagsAttribute flags = addAttribute(FlagsAttribute.class);
    private final PositionIncrementAttribute positions = addAttribute(PositionIncrementAttribute.class);

    SentenceGapFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if ((flags.getFlags() & SentenceBreakFilter.FLAG) != 0) {
            positions.setPositionIncrement(positions.getPositionIncrement() + 1);
        }
        return true;
    }
}
