package vn.hoclieu.ingest.internal.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The packed-table syllable test gives the same answer as the rule written out (an onset, a known
 * rhyme, a tone that fits a closed syllable) over every onset, rhyme and tone in both letter cases,
 * and over many words that are not Vietnamese.
 */
class VietnameseSyllableTest {

    private static final String TONES = "\0\u0300\u0309\u0303\u0301\u0323";

    @Test
    void agreesWithTheRuleOnEveryOnsetRhymeAndTone() {
        List<String> words = new ArrayList<>();
        for (String onset : VietnameseSyllable.ONSETS) {
            for (String rhyme : VietnameseSyllable.RHYMES) {
                for (int vowel = 0; vowel < rhyme.length(); vowel++) {
                    for (int tone = 0; tone < TONES.length(); tone++) {
                        String word = withTone(onset + rhyme, onset.length() + vowel, tone);
                        words.add(word);
                        words.add(word.toUpperCase(Locale.ROOT));
                        words.add(word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
                    }
                }
            }
        }
        int valid = 0;
        for (String word : words) {
            boolean expected = byTheRule(word);
            assertThat(VietnameseSyllable.isValid(word)).as(word).isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        // both answers were put to the test, many times
        assertThat(valid).isGreaterThan(10_000);
        assertThat(words.size() - valid).isGreaterThan(10_000);
    }

    @Test
    void agreesWithTheRuleOnRandomWords() {
        // Vietnamese letters with and without tones, letters of other languages, a digit, a mark
        String letters = "abcdefghijklmnopqrstuvwxyzđăâêôơưáàảãạấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
                + "ÁĐƯßñöçœ9\u0301";
        Random random = new Random(42);
        int valid = 0;
        for (int n = 0; n < 300_000; n++) {
            StringBuilder word = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int i = 0; i < length; i++) {
                word.append(letters.charAt(random.nextInt(letters.length())));
            }
            String w = word.toString();
            boolean expected = byTheRule(w);
            assertThat(VietnameseSyllable.isValid(w)).as(w).isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).isGreaterThan(100);
    }

    @Test
    void looksOnlyAtTheWordBetweenItsBounds() {
        assertThat(VietnameseSyllable.isValid("xx học xx", 3, 6)).isTrue();
        assertThat(VietnameseSyllable.isValid("xx học xx", 2, 6)).isFalse();
        assertThat(VietnameseSyllable.isValid("học", 1, 1)).isFalse();
    }

    /** A syllable with the tone mark put on the vowel at {@code at}, in NFC. */
    private static String withTone(String syllable, int at, int tone) {
        if (tone == 0) {
            return syllable;
        }
        String marked = syllable.substring(0, at + 1) + TONES.charAt(tone) + syllable.substring(at + 1);
        return java.text.Normalizer.normalize(marked, java.text.Normalizer.Form.NFC);
    }

    /** The rule as written: some onset, then a known rhyme, with at most one tone that fits it. */
    private static boolean byTheRule(String word) {
        if (word.isEmpty() || word.length() > 7) {
            return false;
        }
        StringBuilder base = new StringBuilder();
        int tone = 0;
        for (char c : word.toCharArray()) {
            char lower = Character.toLowerCase(c);
            int t = VietnameseSyllable.toneOf(lower);
            if (t != 0) {
                if (tone != 0) {
                    return false;
                }
                tone = t;
            }
            char b = VietnameseSyllable.withoutTone(lower);
            if ("abcdeghiklmnopqrstuvxyđăâêôơư".indexOf(b) < 0) {
                return false;
            }
            base.append(b);
        }
        String syllable = base.toString();
        for (String onset : VietnameseSyllable.ONSETS) {
            if (syllable.startsWith(onset)) {
                String rhyme = syllable.substring(onset.length());
                boolean known = VietnameseSyllable.RHYMES.contains(rhyme)
                        || onset.equals("qu") && VietnameseSyllable.RHYMES.contains("u" + rhyme);
                boolean stop = rhyme.endsWith("c") || rhyme.endsWith("ch") || rhyme.endsWith("p")
                        || rhyme.endsWith("t");
                if (known && (!stop || tone == VietnameseSyllable.ACUTE || tone == VietnameseSyllable.DOT)) {
                    return true;
                }
            }
        }
        return false;
    }
}
