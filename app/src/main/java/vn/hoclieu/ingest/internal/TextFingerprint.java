package vn.hoclieu.ingest.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
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
        Arrays.fill(min, Integer.MAX_VALUE);
        // a shingle seen before cannot lower any minimum: texts repeat many of theirs, and the 64
        // hashes of each are most of the work (the signature is the same with or without this)
        LongSet seen = new LongSet(words.length);
        byte[] first = words[0].getBytes(StandardCharsets.UTF_8);
        byte[] second = words[1].getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 2 < words.length; i++) {
            byte[] third = words[i + 2].getBytes(StandardCharsets.UTF_8);
            long shingle = shingleHash(first, second, third);
            first = second;
            second = third;
            if (!seen.add(shingle)) {
                continue;
            }
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

    /** Estimated Jaccard similarity of two signatures, 0 to 1 (0 if either is missing or malformed). */
    static double similarity(String a, String b) {
        int[] x = slots(a);
        int[] y = slots(b);
        if (x == null || y == null) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < SLOTS; i++) {
            same += x[i] == y[i] ? 1 : 0;
        }
        return (double) same / SLOTS;
    }

    /** The signature's {@value #SLOTS} minimum hashes, to compare one signature with many; null if missing or malformed. */
    static int[] slots(String signature) {
        if (signature == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (bytes.length != SLOTS * 4) {
            return null;
        }
        int[] values = new int[SLOTS];
        ByteBuffer.wrap(bytes).asIntBuffer().get(values);
        return values;
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

    /** FNV-1a of the UTF-8 of "a b c", mixed: the hash of one word 3-shingle. */
    private static long shingleHash(byte[] a, byte[] b, byte[] c) {
        long h = 0xCBF29CE484222325L;
        h = fnv(h, a);
        h = (h ^ ' ') * 0x100000001B3L;
        h = fnv(h, b);
        h = (h ^ ' ') * 0x100000001B3L;
        return mix(fnv(h, c));
    }

    private static long fnv(long h, byte[] bytes) {
        for (byte b : bytes) {
            h ^= b;
            h *= 0x100000001B3L;
        }
        return h;
    }

    /**
     * A set of longs by open addressing, sized once for {@code n} of them but never above 16 MB:
     * when full, it keeps what it has and answers "new" for anything else (safe here: a shingle
     * taken twice changes nothing).
     */
    private static final class LongSet {
        private static final int MAX_SLOTS = 1 << 21;
        private final long[] slots;
        private int size;
        private boolean hasZero;

        LongSet(int n) {
            slots = new long[Math.min(MAX_SLOTS, Integer.highestOneBit(Math.max(4, Math.min(n, MAX_SLOTS)) * 2) << 1)];
        }

        /** @return whether {@code v} was not there yet (or the set is full) */
        boolean add(long v) {
            if (size >= slots.length / 2) {
                return !contains(v);
            }
            if (v == 0) {
                boolean added = !hasZero;
                hasZero = true;
                return added;
            }
            int mask = slots.length - 1;
            for (int i = (int) (v ^ (v >>> 32)) & mask; ; i = (i + 1) & mask) {
                if (slots[i] == v) {
                    return false;
                }
                if (slots[i] == 0) {
                    slots[i] = v;
                    size++;
                    return true;
                }
            }
        }

        private boolean contains(long v) {
            if (v == 0) {
                return hasZero;
            }
            int mask = slots.length - 1;
            for (int i = (int) (v ^ (v >>> 32)) & mask; slots[i] != 0; i = (i + 1) & mask) {
                if (slots[i] == v) {
                    return true;
                }
            }
            return false;
        }
    }
}
