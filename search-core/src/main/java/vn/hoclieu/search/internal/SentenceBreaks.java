package vn.hoclieu.search.internal;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Sentence boundaries for snippets, found by looking only at the characters around an offset: a
 * sentence ends at {@code . ! ?} followed by white space, and the next starts at the first
 * character after it (where the JDK's sentence iterator puts them for such text). The JDK's sentence iterator, which the highlighter used
 * before, re-scans from far back on every {@code following}/{@code preceding} call; the highlighter
 * makes such calls for each match, so on a long text with a common word most of a search's time
 * went there (profiled over 100,000 resources: see docs/performance.md, search).
 */
final class SentenceBreaks extends BreakIterator {

    private String text = "";
    private int current;

    @Override
    public void setText(String newText) {
        text = newText;
        current = 0;
    }

    @Override
    public void setText(CharacterIterator it) {
        StringBuilder b = new StringBuilder(it.getEndIndex() - it.getBeginIndex());
        for (char c = it.first(); c != CharacterIterator.DONE; c = it.next()) {
            b.append(c);
        }
        setText(b.toString());
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text, current);
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public int first() {
        return current = 0;
    }

    @Override
    public int last() {
        return current = text.length();
    }

    @Override
    public int next() {
        return current == text.length() ? DONE : following(current);
    }

    @Override
    public int next(int n) {
        int result = current;
        for (int i = 0; i < n && result != DONE; i++) {
            result = next();
        }
        for (int i = 0; i > n && result != DONE; i--) {
            result = previous();
        }
        return result;
    }

    @Override
    public int previous() {
        return current == 0 ? DONE : preceding(current);
    }

    @Override
    public int following(int offset) {
        check(offset);
        if (offset == text.length()) {
            return DONE;
        }
        int b = offset + 1;
        while (b < text.length() && !startsSentence(b)) {
            b++;
        }
        return current = b;
    }

    @Override
    public int preceding(int offset) {
        check(offset);
        if (offset == 0) {
            return DONE;
        }
        int b = offset - 1;
        while (b > 0 && !startsSentence(b)) {
            b--;
        }
        return current = b;
    }

    @Override
    public boolean isBoundary(int offset) {
        check(offset);
        current = offset;
        return offset == 0 || offset == text.length() || startsSentence(offset);
    }

    /** Whether a sentence starts at {@code i} (0 < i < length): after white space that follows an end of sentence. */
    private boolean startsSentence(int i) {
        // like the JDK's: a lower-case word after a full stop continues the sentence ("v.v. và", "ca. 5")
        if (Character.isWhitespace(text.charAt(i)) || !Character.isWhitespace(text.charAt(i - 1))
                || Character.isLowerCase(text.charAt(i))) {
            return false;
        }
        int j = i - 1;
        while (j >= 0 && Character.isWhitespace(text.charAt(j))) {
            j--;
        }
        if (j < 0) {
            return false;
        }
        char end = text.charAt(j);
        return end == '.' || end == '!' || end == '?';
    }

    private void check(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset " + offset + " outside 0.." + text.length());
        }
    }
}
