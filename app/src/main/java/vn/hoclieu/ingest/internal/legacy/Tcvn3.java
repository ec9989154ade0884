package vn.hoclieu.ingest.internal.legacy;

import java.util.Arrays;
import java.util.BitSet;

/**
 * TCVN3 ("ABC", fonts .VnTime/.VnArial…): the VN3 character set of TCVN 5712:1993, as typed
 * with the ABC and Vietkey keyboards and shown through Windows-1252 when the font is lost.
 *
 * <p>Source: the VN3 repertoire of TCVN 5712:1993 (the code points agree with the VN1 table that
 * glibc ships as TCVN5712-1). VN3 has the seven capitals Ă Â Ê Ô Ơ Ư Đ and all 134 lowercase
 * letters, but no capitals with tones: those were typed with the uppercase fonts (.VnTimeH),
 * which draw the lowercase code points as capitals. Extracted text has lost the font, so this
 * class restores capitals from context:
 * <ul>
 *   <li>in a word whose other letters are capitals ("HäC" → "HỌC", "§¹I" → "ĐẠI");</li>
 *   <li>in a word with a single other capital ("Hµ") when the nearest word of the same line and
 *       sentence that decides (the previous one, else the next) is all capitals ("Hµ NéI" →
 *       "HÀ NỘI", but "Hµ Néi" → "Hà Nội");</li>
 *   <li>a letter from a lowercase code that starts a sentence (at the start of the text or after
 *       . ! or ?) becomes a capital ("ë n«ng th«n" → "Ở nông thôn");</li>
 *   <li>a capital vowel followed by the toned lowercase form of the same vowel becomes one toned
 *       capital ("A¸" → "Á", "¢Ê" → "Ấ"): some converters write TCVN3 capitals this way.</li>
 * </ul>
 * Text typed entirely in lowercase codes with a .VnTimeH font comes back in lowercase.
 */
final class Tcvn3 {

    static final SingleByteTable TABLE = new SingleByteTable(
            "A1 ĂÂÊÔƠƯĐăâêôơưđ",
            "B5 àảãáạ",
            "BB ằẳẵắ",
            "C6 ặầẩẫấậè",
            "CE ẻẽéẹềểễếệìỉ",
            "DC ĩíịò",
            "E1 ỏõóọồổỗốộờởỡớợù",
            "F1 ủũúụừửữứựỳỷỹýỵ");

    private static final int LOWER = 0;
    private static final int UPPER = 1;
    private static final int UNDECIDED = 2;

    private Tcvn3() {
    }

    static String decode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        BitSet fromLowerCode = new BitSet();
        int i = 0;
        while (i < text.length()) {
            int end = ByteView.wordEnd(text, i);
            boolean keep = ByteView.isUnicodeOnly(text, i, end);
            int wordStart = out.length();
            for (int j = i; j < end; j++) {
                char c = text.charAt(j);
                int b = ByteView.byteOf(c);
                char m = keep || b < 0 ? 0 : TABLE.get(b);
                if (m == 0) {
                    out.append(c);
                } else if (out.length() > wordStart && isCapitalOfSameVowel(out.charAt(out.length() - 1), m)) {
                    out.setCharAt(out.length() - 1, Character.toUpperCase(m));
                } else {
                    if (Character.isLowerCase(m)) {
                        fromLowerCode.set(out.length());
                    }
                    out.append(m);
                }
            }
            if (end < text.length()) {
                out.append(text.charAt(end));
            }
            i = end + 1;
        }
        restoreCapitals(out, fromLowerCode);
        return out.toString();
    }

    private static boolean isCapitalOfSameVowel(char previous, char toned) {
        return VietnameseSyllable.toneOf(toned) != VietnameseSyllable.NO_TONE
                && Character.isLowerCase(toned)
                && previous == Character.toUpperCase(VietnameseSyllable.withoutTone(toned));
    }

    /** Upper-cases the letters from lowercase codes in words that the context shows are capitals. */
    private static void restoreCapitals(StringBuilder out, BitSet fromLowerCode) {
        if (fromLowerCode.isEmpty()) {
            return;
        }
        // Words as letter runs: start, end, case state, segment (line or sentence) number.
        int[] starts = new int[64];
        int[] ends = new int[64];
        int[] states = new int[64];
        int[] lines = new int[64];
        int count = 0;
        int line = 0;
        boolean sentenceStart = true;
        int i = 0;
        while (i < out.length()) {
            char c = out.charAt(i);
            if (!Character.isLetter(c)) {
                if (c == '\n' || c == '\r') {
                    line++;
                }
                if (c == '.' || c == '!' || c == '?') {
                    line++;
                    sentenceStart = true;
                } else if (Character.isDigit(c) || c == ',' || c == ';' || c == ':') {
                    sentenceStart = false;
                }
                i++;
                continue;
            }
            if (sentenceStart && fromLowerCode.get(i)) {
                out.setCharAt(i, Character.toUpperCase(c));
                fromLowerCode.clear(i);
            }
            sentenceStart = false;
            int start = i;
            int upper = 0;
            int lower = 0;
            while (i < out.length() && Character.isLetter(out.charAt(i))) {
                if (!fromLowerCode.get(i)) {
                    if (Character.isUpperCase(out.charAt(i))) {
                        upper++;
                    } else if (Character.isLowerCase(out.charAt(i))) {
                        lower++;
                    }
                }
                i++;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                states = Arrays.copyOf(states, count * 2);
                lines = Arrays.copyOf(lines, count * 2);
            }
            starts[count] = start;
            ends[count] = i;
            states[count] = lower > 0 ? LOWER : upper >= 2 ? UPPER : UNDECIDED;
            lines[count] = line;
            count++;
        }
        // The nearest deciding word before and after each word on its line.
        int[] before = new int[count];
        int last = -1;
        for (int w = 0; w < count; w++) {
            if (last >= 0 && lines[last] != lines[w]) {
                last = -1;
            }
            before[w] = last;
            if (states[w] != UNDECIDED) {
                last = w;
            }
        }
        int next = -1;
        for (int w = count - 1; w >= 0; w--) {
            if (next >= 0 && lines[next] != lines[w]) {
                next = -1;
            }
            boolean capitals = states[w] == UPPER
                    || states[w] == UNDECIDED
                            && (before[w] >= 0 ? states[before[w]] == UPPER
                                    : next >= 0 && states[next] == UPPER);
            if (capitals) {
                for (int k = fromLowerCode.nextSetBit(starts[w]); k >= 0 && k < ends[w];
                        k = fromLowerCode.nextSetBit(k + 1)) {
                    out.setCharAt(k, Character.toUpperCase(out.charAt(k)));
                }
            }
            if (states[w] != UNDECIDED) {
                next = w;
            }
        }
    }
}
