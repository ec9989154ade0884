package vn.hoclieu.ingest.internal.legacy;

import java.text.Normalizer;

/**
 * Detects Vietnamese text that was typed in a pre-Unicode encoding (TCVN3, VNI, VISCII) or stored
 * as Windows-1258, and converts it to Unicode NFC.
 *
 * <p>The decision is made once per document, never per character: a global character mapping
 * would corrupt ñ, ö, ô… in Spanish, German or French text. The text is read as each candidate
 * encoding, and a reading wins only if it turns most accented words into well-formed Vietnamese
 * syllables where the text as given had far fewer (see {@link #repair(String)}).
 */
public final class LegacyVietnamese {

    /** At least this many words must become valid syllables. */
    static final int MIN_VALID_WORDS = 2;
    /** Share of the converted accented words that must be valid syllables. */
    static final double MIN_VALID_SHARE = 0.6;
    /** Valid syllables gained over the text as given, as a share of the accented words. */
    static final double MIN_GAIN_SHARE = 0.3;

    private LegacyVietnamese() {
    }

    /**
     * The result of {@link #repair(String)}.
     *
     * @param text the converted text in NFC, or the original text when nothing was converted
     * @param encoding "TCVN3", "VNI", "VISCII" or "WINDOWS-1258", or {@code null} when the text
     *     was left unchanged
     */
    public record Repair(String text, String encoding) {

        /** Whether the text was converted from a legacy encoding. */
        public boolean converted() {
            return encoding != null;
        }
    }

    /**
     * Converts pre-Unicode Vietnamese to Unicode NFC, or returns the text unchanged.
     *
     * <p>Only words of two or more letters with at least one non-ASCII letter count as evidence
     * ("accented words"); ASCII words read the same in every encoding, and lone symbols such as
     * bullets, dashes or guillemets map to one-letter words too easily. A reading is chosen if,
     * among its accented words, at least {@value #MIN_VALID_WORDS} and at least 60% are valid
     * Vietnamese syllables, and it has at least 30% of its accented words (and at least two) more
     * valid syllables than the text as given. Of several such readings, the one with the most
     * valid syllables wins. Runs in linear time.
     */
    public static Repair repair(String text) {
        if (text == null || !mayBeLegacy(text)) {
            return new Repair(text, null);
        }
        Evidence original = Evidence.of(text);
        LegacyEncoding bestEncoding = null;
        String bestText = null;
        Evidence best = null;
        for (LegacyEncoding encoding : LegacyEncoding.values()) {
            String raw = encoding.convert(text);
            if (raw.equals(text) && encoding != LegacyEncoding.WINDOWS_1258) {
                continue; // only NFC would change, which is the Windows-1258 reading
            }
            String converted = Normalizer.normalize(raw, Normalizer.Form.NFC);
            if (converted.equals(text)) {
                continue;
            }
            Evidence evidence = Evidence.of(converted);
            if (best == null || evidence.valid() > best.valid()) {
                bestEncoding = encoding;
                bestText = converted;
                best = evidence;
            }
        }
        if (best != null && best.isConvincingOver(original)) {
            return new Repair(bestText, bestEncoding.label());
        }
        return new Repair(text, null);
    }

    /** Whether any character could come from a legacy byte or is a combining tone mark. */
    private static boolean mayBeLegacy(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && ByteView.byteOf(c) >= 0 || c >= 0x300 && c <= 0x323
                    || c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                return true;
            }
        }
        return false;
    }

    /** Accented words (two or more letters, one of them non-ASCII) and how many are syllables. */
    record Evidence(int accented, int valid) {

        static Evidence of(String text) {
            int accented = 0;
            int valid = 0;
            int i = 0;
            int n = text.length();
            while (i < n) {
                if (!isWordChar(text.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                boolean nonAscii = false;
                while (i < n && isWordChar(text.charAt(i))) {
                    nonAscii |= text.charAt(i) >= 0x80;
                    i++;
                }
                if (nonAscii && i - start >= 2) {
                    accented++;
                    if (VietnameseSyllable.isValid(text, start, i)) {
                        valid++;
                    }
                }
            }
            return new Evidence(accented, valid);
        }

        private static boolean isWordChar(char c) {
            if (c < 0x80) {
                return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            }
            return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
        }

        boolean isConvincingOver(Evidence original) {
            return valid >= MIN_VALID_WORDS
                    && valid >= MIN_VALID_SHARE * accented
                    && valid - original.valid >= Math.max(MIN_VALID_WORDS, MIN_GAIN_SHARE * accented);
        }
    }
}
