package vn.hoclieu.search.internal.analysis;

import java.text.Normalizer;
import java.util.Set;

/**
 * String-level rules for Vietnamese syllables, kept free of Lucene so they can be tested and
 * reasoned about on their own. The token filters of this package only delegate here.
 *
 * <h2>Canonical tone placement ("new style")</h2>
 *
 * <p>Vietnamese text puts the tone mark on different vowels depending on the writer's habit
 * (hòa/hoà, thủy/thuỷ, khỏe/khoẻ, qúy/quý). {@link #canonicalTone} moves the single tone mark of
 * a syllable to the vowel chosen by the modern rules (the Ministry of Education's 2018 style):
 *
 * <ol>
 *   <li>"qu" and "gi" before another vowel are part of the onset (quý, giá), so the u/i never
 *       carries the tone;
 *   <li>a vowel with a quality mark (ă â ê ô ơ ư) takes the tone; in ươ it is the ơ (người);
 *   <li>otherwise, with a final consonant the last vowel takes it (hoàng, huỳnh);
 *   <li>otherwise, in oa, oe, uy the second vowel takes it (hoà, khoẻ, thuỷ, uỷ); in any other
 *       pair the first (mùa, túi, hái); in a triple the middle one (hoài, khuỷu, ngoẹo).
 * </ol>
 *
 * <p>Anything that is not a plausible Vietnamese syllable (foreign words such as "café" or
 * "José", several tone marks, unknown marks) is returned unchanged, so the rule is
 * deterministic and never damages text it does not understand.
 *
 * <h2>i/y merge</h2>
 *
 * <p>Spelling reforms left two spellings for the same syllable: kĩ/kỹ, lí/lý, mĩ/mỹ, sĩ/sỹ,
 * tỉ/tỷ, hi/hy, qui/quy. {@link #mergeIY} maps a folded syllable that is exactly one of
 * h, k, l, m, s, t, qu followed by y to the i spelling. It applies only to the whole syllable:
 * "y" after a vowel (tuy, huy, thuy, khuya), at the start (yeu, y) or with more letters
 * (key, you, yes, system, quyen) stays, and so do onsets whose y spelling is a different word
 * or name in practice (v as in the name Vy, n, d, b...). The English "my" becoming "mi" is the
 * accepted collateral.
 */
final class VietnameseSyllables {

    private VietnameseSyllables() {
    }

    // Tone marks (dấu thanh) in NFD: huyền, sắc, ngã, hỏi, nặng.
    private static final char GRAVE = '\u0300';
    private static final char ACUTE = '\u0301';
    private static final char TILDE = '\u0303';
    private static final char HOOK = '\u0309';
    private static final char DOT_BELOW = '\u0323';

    // Vowel quality marks (dấu mũ, dấu trăng, dấu móc): â ê ô, ă, ơ ư.
    private static final char CIRCUMFLEX = '\u0302';
    private static final char BREVE = '\u0306';
    private static final char HORN = '\u031B';

    private static final Set<String> ONSETS = Set.of(
            "", "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
            "nh", "p", "ph", "q", "r", "s", "t", "th", "tr", "v", "x");

    private static final Set<String> CODAS = Set.of("", "c", "ch", "m", "n", "ng", "nh", "p", "t");

    private static final Set<String> IY_ONSETS = Set.of("h", "k", "l", "m", "s", "t", "qu");

    static boolean isToneMark(char c) {
        return c == GRAVE || c == ACUTE || c == TILDE || c == HOOK || c == DOT_BELOW;
    }

    private static boolean isQualityMark(char c) {
        return c == CIRCUMFLEX || c == BREVE || c == HORN;
    }

    private static boolean isVowel(char lower) {
        return lower == 'a' || lower == 'e' || lower == 'i' || lower == 'o' || lower == 'u'
                || lower == 'y';
    }

    /**
     * True when the text holds a Vietnamese diacritic (a tone mark, â ê ô ă ơ ư in either
     * composed or decomposed form) or one of đ Đ ð Ð. Foreign letters that share a mark
     * (é, ñ) count too: the router only needs to know that the user typed accents.
     */
    static boolean hasDiacritics(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        String nfd = Normalizer.normalize(s, Normalizer.Form.NFD);
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (isToneMark(c) || isQualityMark(c)
                    || c == 'đ' || c == 'Đ' || c == '\u00F0' || c == '\u00D0') {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the syllable with its tone mark on the canonical vowel (see the class comment),
     * in NFC, keeping the letters' case; returns the input itself when there is nothing to move
     * or the text is not a single Vietnamese syllable.
     */
    static String canonicalTone(String syllable) {
        if (isAscii(syllable)) {
            return syllable;
        }
        String nfd = Normalizer.normalize(syllable, Normalizer.Form.NFD);
        int n = nfd.length();
        // One slot per base letter: its lower-case form and whether it carries a quality mark.
        char[] lower = new char[n];
        boolean[] marked = new boolean[n];
        int[] end = new int[n]; // index in nfd just after the letter's quality mark(s)
        int letters = 0;
        char tone = 0;
        for (int i = 0; i < n; i++) {
            char c = nfd.charAt(i);
            if (isToneMark(c)) {
                if (tone != 0 || letters == 0) {
                    return syllable; // two tones, or a mark with no letter: not a syllable
                }
                tone = c;
            } else if (isQualityMark(c)) {
                if (letters == 0 || !isVowel(lower[letters - 1])) {
                    return syllable;
                }
                marked[letters - 1] = true;
                end[letters - 1] = i + 1;
            } else {
                char l = Character.toLowerCase(c);
                if (!((l >= 'a' && l <= 'z') || l == 'đ')) {
                    return syllable; // digits, other scripts, other combining marks
                }
                lower[letters] = l;
                end[letters] = i + 1;
                letters++;
            }
        }
        if (tone == 0) {
            return syllable;
        }

        int first = 0;
        while (first < letters && !isVowel(lower[first])) {
            first++;
        }
        int last = first;
        while (last < letters && isVowel(lower[last])) {
            last++;
        }
        // Vowel run is [first, last); the rest must be a final consonant.
        if (first == letters) {
            return syllable;
        }
        String onset = new String(lower, 0, first);
        String coda = new String(lower, last, letters - last);
        if (!CODAS.contains(coda)) {
            return syllable;
        }
        int nucleus = first;
        if (onset.equals("q")) {
            if (lower[first] != 'u' || marked[first] || last - first < 2) {
                return syllable;
            }
            nucleus++; // "qu" is the onset: quý, quốc
        } else if (onset.equals("g") && lower[first] == 'i' && !marked[first]
                && last - first >= 2) {
            nucleus++; // "gi" is the onset: giá, giữa
        } else if (!ONSETS.contains(onset)) {
            return syllable;
        }
        int length = last - nucleus;
        if (length > 3) {
            return syllable;
        }

        int target = -1;
        for (int i = nucleus; i < last; i++) {
            if (marked[i]) {
                target = i; // the last marked vowel: ơ in ươ
            }
        }
        if (target < 0) {
            if (!coda.isEmpty()) {
                target = last - 1;
            } else if (length == 1) {
                target = nucleus;
            } else if (length == 2) {
                char a = lower[nucleus];
                char b = lower[nucleus + 1];
                boolean rising = (a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y');
                target = rising ? nucleus + 1 : nucleus;
            } else {
                target = nucleus + 1;
            }
        }

        StringBuilder out = new StringBuilder(n);
        int cut = end[target];
        for (int i = 0; i < n; i++) {
            char c = nfd.charAt(i);
            if (i == cut) {
                out.append(tone);
            }
            if (!isToneMark(c)) {
                out.append(c);
            }
        }
        if (cut == n) {
            out.append(tone);
        }
        String result = Normalizer.normalize(out, Normalizer.Form.NFC);
        return result.equals(syllable) ? syllable : result;
    }

    /**
     * Maps the y spelling of a folded (lower-case, unaccented) syllable to its i spelling when
     * the whole syllable is one of the onsets with an i/y variant followed by y; returns the
     * input otherwise.
     */
    static String mergeIY(String folded) {
        int n = folded.length();
        if (n < 2 || n > 3 || folded.charAt(n - 1) != 'y') {
            return folded;
        }
        String onset = folded.substring(0, n - 1);
        return IY_ONSETS.contains(onset) ? onset + 'i' : folded;
    }

    private static boolean isAscii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
