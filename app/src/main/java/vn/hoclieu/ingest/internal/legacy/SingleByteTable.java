package vn.hoclieu.ingest.internal.legacy;

/**
 * A legacy 8-bit encoding where each byte is one Vietnamese letter (TCVN3, VISCII,
 * Windows-1258). Bytes without an entry keep the character Tika decoded them to.
 */
final class SingleByteTable {

    private final char[] table = new char[256];

    /**
     * @param rows entries as "XX chars": the hexadecimal byte of the first character, a space,
     *     then the characters of that byte and the following ones
     */
    SingleByteTable(String... rows) {
        for (String row : rows) {
            int first = Integer.parseInt(row.substring(0, 2), 16);
            String chars = row.substring(3);
            for (int i = 0; i < chars.length(); i++) {
                table[first + i] = chars.charAt(i);
            }
        }
    }

    /** The Unicode character the byte stands for, or '\0' if the table leaves it alone. */
    char get(int b) {
        return table[b];
    }

    /** The character {@code c} was decoded from, re-read through this table. */
    char map(char c) {
        int b = ByteView.byteOf(c);
        return b >= 0 && table[b] != 0 ? table[b] : c;
    }

    /** Maps every character, except in words that hold Unicode-only letters. */
    String decode(String text) {
        char[] out = text.toCharArray();
        int i = 0;
        while (i < out.length) {
            int end = ByteView.wordEnd(text, i);
            if (!ByteView.isUnicodeOnly(text, i, end)) {
                for (int j = i; j < end; j++) {
                    out[j] = map(out[j]);
                }
            }
            i = end + 1;
        }
        return new String(out);
    }
}
