package vn.hoclieu.search.internal.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Merges the i and y spellings of folded syllables (ky→ki, ly→li, quy→qui) so that "ky nang"
 * finds "Kĩ năng" as well as "Kỹ năng". Must run after folding; the rule and its limits are in
 * {@link VietnameseSyllables#mergeIY}.
 */
final class IYMergeFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    IYMergeFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        int n = term.length();
        if (n >= 2 && n <= 3 && term.buffer()[n - 1] == 'y') {
            String merged = VietnameseSyllables.mergeIY(term.toString());
            term.buffer()[n - 1] = merged.charAt(n - 1);
        }
        return true;
    }
}
