package vn.hoclieu.ingest.internal.legacy;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Set;

/**
 * Tells whether a word is a well-formed Vietnamese syllable: onset consonant, rhyme (medial,
 * nucleus, coda) and at most one tone mark, with the rule that syllables closed by c, ch, p or t
 * carry only the sắc or nặng tone. It accepts both tone placements (hòa/hoà) and i/y spellings; it
 * is a plausibility test for choosing an encoding, not a spelling checker.
 */
final class VietnameseSyllable {

    static final int NO_TONE = 0;
    static final int GRAVE = 1;   // huyền
    static final int HOOK = 2;    // hỏi
    static final int TILDE = 3;   // ngã
    static final int ACUTE = 4;   // sắc
    static final int DOT = 5;     // nặng

    /** Combining marks for the tones, indexed by the constants above. */
    static final String TONE_MARKS = "\0\u0300\u0309\u0303\u0301\u0323";

    static final String[] ONSETS = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu",
        "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
        ""};

    // Rhymes without tone, written out from Vietnamese phonology (medial o/u, nucleus, coda).
    static final Set<String> RHYMES = Set.of((""
            + "a e ê i o ô ơ u ư y "
            + "ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi ua uê ui uơ uy ưa ưi ưu "
            + "oai oay oao oeo uây uôi ươi ươu uya uyu iêu yêu "
            + "ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât "
            + "ec em en eng ep et êch êm ên ênh êp êt ich im in inh ip it "
            + "oc om on ong op ot ooc oong ôc ôm ôn ông ôp ôt ơm ơn ơp ơt "
            + "uc um un ung up ut ưc ưm ưn ưng ưt "
            + "iêc iêm iên iêng iêp iêt yêm yên yêng yêt uôc uôm uôn uông uôt "
            + "ươc ươm ươn ương ươp ươt oac oach oam oan oang oanh oap oat "
            + "oăc oăm oăn oăng oăt oem oen oet uân uâng uât uêch uênh "
            + "uych uyn uynh uyp uyt uyên uyêt").split(" "));

    private static final int TABLE_START = 0xC0;
    private static final int TABLE_END = 0x1EFA;
    /** For each precomposed lowercase vowel: its vowel without tone, and the tone. */
    private static final char[] BASE = new char[TABLE_END - TABLE_START];
    private static final byte[] TONE = new byte[TABLE_END - TABLE_START];

    static {
        for (int c = TABLE_START; c < TABLE_END; c++) {
            String nfd = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
            if (nfd.length() < 2 || "aeiouy".indexOf(nfd.charAt(0)) < 0) {
                continue;
            }
            StringBuilder base = new StringBuilder().append(nfd.charAt(0));
            int tone = NO_TONE;
            boolean ok = true;
            for (int i = 1; i < nfd.length(); i++) {
                char mark = nfd.charAt(i);
                int t = TONE_MARKS.indexOf(mark, 1);
                if (t > 0 && tone == NO_TONE) {
                    tone = t;
                } else if (t < 0 && "\u0302\u0306\u031B".indexOf(mark) >= 0) {
                    base.append(mark);
                } else {
                    ok = false;
                }
            }
            String vowel = Normalizer.normalize(base, Normalizer.Form.NFC);
            if (ok && vowel.length() == 1 && "aăâeêioôơuưy".indexOf(vowel.charAt(0)) >= 0) {
                BASE[c - TABLE_START] = vowel.charAt(0);
                TONE[c - TABLE_START] = (byte) tone;
            }
        }
    }

    /** The letters of syllables without tone (no f, j, w, z), numbered from 1 in {@link #LETTER_NUMBERS}. */
    private static final String LETTERS = "abcdeghiklmnopqrstuvxyđăâêôơư";
    private static final int BITS = 5;
    private static final int MAX_LENGTH = 7;
    private static final byte[] LETTER_NUMBERS = new byte[LETTERS.chars().max().orElseThrow() + 1];
    /** Every onset + rhyme, packed as {@link #isValid(CharSequence, int, int)} packs a word, sorted. */
    private static final long[] SYLLABLES;

    static {
        for (int i = 0; i < LETTERS.length(); i++) {
            LETTER_NUMBERS[LETTERS.charAt(i)] = (byte) (i + 1);
        }
        SYLLABLES = Arrays.stream(ONSETS)
                .flatMap(onset -> RHYMES.stream().<String>mapMulti((rhyme, syllables) -> {
                    syllables.accept(onset + rhyme);
                    // "qu" holds the medial u: quốc is qu + ôc as well as q + uôc
                    if (onset.equals("qu") && rhyme.startsWith("u")) {
                        syllables.accept(onset + rhyme.substring(1));
                    }
                }))
                .filter(syllable -> syllable.length() <= MAX_LENGTH)
                .mapToLong(VietnameseSyllable::pack).distinct().sorted().toArray();
    }

    private static long pack(String syllable) {
        long code = 0;
        for (int i = 0; i < syllable.length(); i++) {
            code = code << BITS | LETTER_NUMBERS[syllable.charAt(i)];
        }
        return code;
    }

    private VietnameseSyllable() {
    }

    /** The vowel without its tone (ộ → ô, Ộ → Ô), or the character itself. */
    static char withoutTone(char c) {
        char lower = Character.toLowerCase(c);
        if (lower >= TABLE_START && lower < TABLE_END && BASE[lower - TABLE_START] != 0) {
            char base = BASE[lower - TABLE_START];
            return Character.isUpperCase(c) ? Character.toUpperCase(base) : base;
        }
        return c;
    }

    /** The tone of a precomposed vowel, {@link #NO_TONE} for anything else. */
    static int toneOf(char c) {
        char lower = Character.toLowerCase(c);
        return lower >= TABLE_START && lower < TABLE_END ? TONE[lower - TABLE_START] : NO_TONE;
    }

    /** Whether {@code s[start, end)} is one Vietnamese syllable in NFC, in any letter case. */
    static boolean isValid(CharSequence s, int start, int end) {
        int length = end - start;
        if (length < 1 || length > MAX_LENGTH) {
            return false;
        }
        // the letters without tone, packed into a number; no allocation: this runs for every
        // accented word of every reading of every document
        long code = 0;
        int tone = NO_TONE;
        char last = 0;
        char beforeLast = 0;
        for (int i = 0; i < length; i++) {
            char c = Character.toLowerCase(s.charAt(start + i));
            char base;
            if (c >= TABLE_START && c < TABLE_END && BASE[c - TABLE_START] != 0) {
                int t = TONE[c - TABLE_START];
                if (t != NO_TONE) {
                    if (tone != NO_TONE) {
                        return false;
                    }
                    tone = t;
                }
                base = BASE[c - TABLE_START];
            } else {
                base = c;
            }
            int letter = base < LETTER_NUMBERS.length ? LETTER_NUMBERS[base] : 0;
            if (letter == 0) {
                return false;
            }
            code = code << BITS | letter;
            beforeLast = last;
            last = base;
        }
        if (Arrays.binarySearch(SYLLABLES, code) < 0) {
            return false;
        }
        // syllables closed by a stop consonant take only the sắc or nặng tone
        boolean stop = last == 'c' || last == 'p' || last == 't' || last == 'h' && beforeLast == 'c';
        return !stop || tone == ACUTE || tone == DOT;
    }

    static boolean isValid(String word) {
        return isValid(word, 0, word.length());
    }
}
