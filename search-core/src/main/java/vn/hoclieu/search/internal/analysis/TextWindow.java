package vn.hoclieu.search.internal.analysis;

import java.io.IOException;
import java.io.Reader;

/**
 * Keeps the recently read part of the original text, so that {@link SentenceBreakFilter} can see
 * the punctuation the tokenizer drops between two tokens. Offsets are those of the original
 * text, the same ones the tokenizer reports after its char filters correct them. Only text not
 * yet passed by the filter is kept, so memory stays bounded by the tokenizer's read-ahead.
 */
final class TextWindow {

    private static final int COMPACT_AT = 8192;

    private final StringBuilder buffer = new StringBuilder();
    private int base; // original offset of buffer.charAt(0)
    private int consumed; // original offset before which text is no longer needed

    /** Starts recording a new text; returns the reader the analysis chain must read from. */
    Reader record(Reader original) {
        buffer.setLength(0);
        base = 0;
        consumed = 0;
        return new Reader() {
            @Override
            public int read(char[] chars, int off, int len) throws IOException {
                int read = original.read(chars, off, len);
                if (read > 0) {
                    compact();
                    buffer.append(chars, off, read);
                }
                return read;
            }

            @Override
            public void close() throws IOException {
                original.close();
            }
        };
    }

    /** True when the original text in [from, to) holds a sentence or line break. */
    boolean hasBreak(int from, int to) {
        int start = Math.max(from, base);
        int stop = Math.min(to, base + buffer.length());
        for (int i = start; i < stop; i++) {
            if (isBreak(buffer.charAt(i - base))) {
                return true;
            }
        }
        return false;
    }

    /** Text before this original offset will not be asked for again. */
    void release(int offset) {
        consumed = Math.max(consumed, offset);
    }

    private void compact() {
        int drop = Math.min(consumed - base, buffer.length());
        if (drop >= COMPACT_AT) {
            buffer.delete(0, drop);
            base += drop;
        }
    }

    static boolean isBreak(char c) {
        switch (c) {
            case '.': case ',': case ';': case ':': case '!': case '?':
            case '\u2026': // …
            case '\u3002': case '\uFF0E': case '\uFF0C': case '\u3001': // 。 ． ， 、
            case '\uFF1B': case '\uFF1A': case '\uFF01': case '\uFF1F': // ； ： ！ ？
            case '\n': case '\r': case '\u000B': case '\u000C':
            case '\u0085': case '\u2028': case '\u2029':
                return true;
            default:
                return false;
        }
    }
}
