package vn.hoclieu.ingest.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A MinHash signature of a text's word 3-shingles, after folding case and Vietnamese marks, so
 * the same text typed again, converted to another format or lightly edited gives nearly the same
 * signature. The share of equal slots of two signatures estimates the Jaccard similarity of their
 * shingle sets.
 */
final class TextFingerprint {

    static final int SLOTS = 64;
    /** Shorter texts say too little to be compared. */
    static final int MIN_WORDS = 40;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextFingerprint() {
    }

    /** The signature, Base64 of {@value #SLOTS} ints, or null for a text too short to compare. */
    static String of(String text) {
        if (text == null) {
            return null;
        }
        String folded = MARKS.matcher(Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'),
                Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        String[] words = NON_WORD.split(folded.strip());
        if (words.length < MIN_WORDS) {
            return null;
        }
        int[] min = new int[SLOTS];
        java.util.Arrays.fill(min, Integer.MAX_VALUE);
        for (int i = 0; i + 2 < words.length; i++) {
            long shingle = hash64(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
            for (int s = 0; s < SLOTS; s++) {
                int h = (int) mix(shingle + SEEDS[s]);
                if (h < min[s]) {
                    min[s] = h;
                }
            }
        }
        ByteBuffer bytes = ByteBuffer.allocate(SLOTS * 4);
        for (int m : min) {
            bytes.putInt(m);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** Estimated Jaccard similarity of two signatures, 0 to 1. */
    static double similarity(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        ByteBuffer x = ByteBuffer.wrap(Base64.getDecoder().decode(a));
        ByteBuffer y = ByteBuffer.wrap(Base64.getDecoder().decode(b));
        if (x.remaining() != SLOTS * 4 || y.remaining() != SLOTS * 4) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < SLOTS; i++) {
            same += x.getInt() == y.getInt() ? 1 : 0;
        }
        return (double) same / SLOTS;
    }

    private static final long[] SEEDS = new long[SLOTS];

    static {
        long seed = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < SLOTS; i++) {
            seed = mix(seed + i);
            SEEDS[i] = seed;
        }
    }

    /** SplitMix64's finalizer: a fast, well-spread 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long hash64(String s) {
        long h = 0xCBF29CE484222325L; // FNV-1a
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001B3L;
        }
        return mix(h);
    }
}
