package vn.hoclieu.ingest.internal.legacy;

import java.text.Normalizer;

/**
 * VNI Windows (fonts VNI-Times, VNI-Helve…): a letter is a base character followed by a mark
 * character, both shown through Windows-1252 when the font is lost ("Hoïc taäp" = "Học tập").
 *
 * <p>Source: the VNI Windows font encoding as published by VNI Software and implemented by
 * Vietnamese keyboard drivers (written from that table; checked against the VNI tables of the
 * xvnkb keyboard driver and of the npm package vietnamese-conversion, which agree). Standalone characters: ô ö = ơ ư, ñ = đ, and the toned i and ỵ
 * (ì í æ ó ò = ì í ỉ ĩ ị, î = ỵ). Mark characters after a, e, o, u, y, ơ, ư: ù ø û õ ï = the tones
 * sắc huyền hỏi ngã nặng; â = circumflex and á à å ã ä = circumflex with those tones; ê = breve and
 * é è ú ü ë = breve with tones. Capitals use the same bytes minus 0x20 (Ô Ö Ñ Ì Í Æ Ó Ò Î, Ù Ø Û Õ Ï,
 * Â Á À Å Ã Ä, Ê É È Ú Ü Ë). A mark in either case is accepted after a base in either case; the
 * base decides the case of the letter.
 */
final class Vni {

    /** Per lowercase byte: [modifier, tone] of a mark character; modifier 0 none, 1 ^, 2 breve. */
    private static final int[][] MARKS = new int[256][];
    static final String BASES = "aeouyAEOUYơưƠƯ";
    /** Letter for [base index × 64 + lowercase mark byte − 0xC0], '\0' for no letter. */
    private static final char[] COMBINED = new char[BASES.length() * 64];
    static final SingleByteTable STANDALONE = new SingleByteTable(
            "C6 Ỉ", "CC ÌÍỴ", "D1 Đ", "D2 ỊĨƠ", "D6 Ư",
            "E6 ỉ", "EC ìíỵ", "F1 đ", "F2 ịĩơ", "F6 ư");

    static {
        int[] plain = {0xF8, 0xFB, 0xF5, 0xF9, 0xEF};       // ø û õ ù ï
        int[] circumflex = {0xE0, 0xE5, 0xE3, 0xE1, 0xE4};  // à å ã á ä
        int[] breve = {0xE8, 0xFA, 0xFC, 0xE9, 0xEB};       // è ú ü é ë
        for (int t = 0; t < 5; t++) {
            int tone = t + 1; // GRAVE, HOOK, TILDE, ACUTE, DOT
            MARKS[plain[t]] = new int[] {0, tone};
            MARKS[circumflex[t]] = new int[] {1, tone};
            MARKS[breve[t]] = new int[] {2, tone};
        }
        MARKS[0xE2] = new int[] {1, VietnameseSyllable.NO_TONE}; // â
        MARKS[0xEA] = new int[] {2, VietnameseSyllable.NO_TONE}; // ê
        for (int row = 0; row < BASES.length(); row++) {
            for (int b = 0xE0; b < 0x100; b++) {
                if (MARKS[b] != null) {
                    COMBINED[row * 64 + b - 0xC0] = compose(BASES.charAt(row), MARKS[b]);
                }
            }
        }
    }

    private Vni() {
    }

    static String decode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = ByteView.wordEnd(text, i);
            if (ByteView.isUnicodeOnly(text, i, end)) {
                out.append(text, i, end);
            } else {
                decodeWord(text, i, end, out);
            }
            if (end < text.length()) {
                out.append(text.charAt(end));
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static void decodeWord(String text, int start, int end, StringBuilder out) {
        for (int i = start; i < end; i++) {
            char c = STANDALONE.map(text.charAt(i));
            if (i + 1 < end) {
                char letter = combine(c, text.charAt(i + 1));
                if (letter != 0) {
                    out.append(letter);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
    }

    /** The letter a base and a mark character make, or '\0' if the second is no mark for it. */
    static char combine(char base, char markChar) {
        int b = ByteView.byteOf(markChar);
        int row = BASES.indexOf(base);
        return b < 0xC0 || row < 0 ? 0 : COMBINED[row * 64 + ((b | 0x20) - 0xC0)];
    }

    private static char compose(char base, int[] mark) {
        char lower = Character.toLowerCase(base);
        boolean fits = switch (mark[0]) {
            case 1 -> lower == 'a' || lower == 'e' || lower == 'o';
            case 2 -> lower == 'a';
            default -> true;
        };
        if (!fits) {
            return 0;
        }
        String decomposed = base
                + (mark[0] == 1 ? "\u0302" : mark[0] == 2 ? "\u0306" : "")
                + (mark[1] == VietnameseSyllable.NO_TONE ? ""
                        : String.valueOf(VietnameseSyllable.TONE_MARKS.charAt(mark[1])));
        String letter = Normalizer.normalize(decomposed, Normalizer.Form.NFC);
        return letter.length() == 1 ? letter.charAt(0) : 0;
    }
}
