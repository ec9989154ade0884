package vn.hoclieu.search.internal.analysis;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops the shingles that {@code ShingleFilter} builds across a position gap. With an empty
 * filler token such a shingle starts or ends with the separator (" sáng", "nội "), which no real
 * bigram does, because the tokenizer never puts a space inside a token.
 */
final class FillerShingleFilter extends FilteringTokenFilter {

    static final char SEPARATOR = ' ';

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    FillerShingleFilter(TokenStream input) {
        super(input);
    }

    @Override
    protected boolean accept() {
        int n = term.length();
        return n > 0 && term.charAt(0) != SEPARATOR && term.charAt(n - 1) != SEPARATOR;
    }
}
