package vn.hoclieu.ingest.internal.legacy;

/**
 * Recovers the byte a legacy 8-bit character was stored as, from the character Tika decoded it
 * to. Tika decodes such bytes as Windows-1252 (Word, RTF, HTML) or, for some plain-text files, as
 * ISO-8859-1; both agree on 0xA0–0xFF and differ only on 0x80–0x9F, so both spellings are
 * accepted there.
 */
final class ByteView {

    /** The Windows-1252 characters at 0x80–0x9F; '\0' where Windows-1252 leaves a hole. */
    private static final String CP1252_HIGH =
            "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0"
            + "\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";

    private ByteView() {
    }

    /** The byte value 0–255 this character stands for, or -1 if no legacy byte decodes to it. */
    static int byteOf(char c) {
        if (c < 0x100) {
            return c;
        }
        if (c >= 0x152 && c <= 0x2122) {
            int i = CP1252_HIGH.indexOf(c);
            if (i >= 0) {
                return 0x80 + i;
            }
        }
        return -1;
    }

    /**
     * Whether a word must be left alone because it cannot be legacy text: it holds a letter or
     * combining mark that no legacy byte decodes to (ư, ộ, a Cyrillic letter…). This keeps the
     * Unicode parts of a mixed document intact.
     */
    static boolean isUnicodeOnly(char c) {
        return c >= 0x100 && byteOf(c) < 0
                && (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK);
    }

    /**
     * Whether a character separates words for the Unicode-only check. Only true white space:
     * a few C0 controls (0x02, 0x05, 0x06, 0x14, 0x19, 0x1E) are VISCII letters, and U+00A0 is
     * VISCII Õ.
     */
    static boolean isSeparator(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0x0B
                || c > 0xFF && Character.isWhitespace(c);
    }

    /** The end of the run of non-separators that starts at {@code start}. */
    static int wordEnd(CharSequence text, int start) {
        int i = start;
        while (i < text.length() && !isSeparator(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isUnicodeOnly(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (isUnicodeOnly(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
