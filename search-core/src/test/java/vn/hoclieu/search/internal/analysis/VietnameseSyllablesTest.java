package vn.hoclieu.search.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VietnameseSyllablesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // old style -> new style
        "hòa, hoà", "hoà, hoà", "thủy, thuỷ", "thuỷ, thuỷ", "ủy, uỷ", "uỷ, uỷ",
        "khỏe, khoẻ", "khoẻ, khoẻ", "hóa, hoá", "tùy, tuỳ", "hòai, hoài", "khủyu, khuỷu",
        "ngọeo, ngoẹo",
        // qu and gi belong to the onset
        "qúy, quý", "quý, quý", "qủa, quả", "qúôc, quốc", "gía, giá", "giá, giá", "gìn, gìn",
        "gìưa, giừa",
        // a marked vowel takes the tone; in ươ the ơ
        "ngừơi, người", "người, người", "cúa, cúa", "mưá, mứa", "tiếng, tiếng", "tíêng, tiếng",
        "thuờ, thuờ", "hoăc, hoăc", "họăc, hoặc", "hóặc, hóặc",
        // with a final consonant the last vowel
        "hòang, hoàng", "húynh, huýnh", "hoạt, hoạt",
        // falling pairs keep the first vowel
        "mùa, mùa", "múa, múa", "túi, túi", "hái, hái", "kìa, kìa", "ý, ý", "yến, yến",
        // case is kept
        "HÒA, HOÀ", "Thủy, Thuỷ", "KHỎE, KHOẺ", "Qúy, Quý"
    })
    void placesToneOnTheCanonicalVowel(String input, String expected) {
        assertThat(VietnameseSyllables.canonicalTone(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hòa", "thủy", "khỏe", "qúy", "ngừơi", "HÒA"})
    void placesToneTheSameWayForDecomposedInput(String input) {
        String nfd = Normalizer.normalize(input, Normalizer.Form.NFD);
        assertThat(VietnameseSyllables.canonicalTone(nfd))
                .isEqualTo(VietnameseSyllables.canonicalTone(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"café", "José", "résumé", "Müller", "hòàng", "hoa", "tập", "ñandú",
        "3ò", "đ", "xyz"})
    void leavesTextThatIsNotOneTonedSyllableUnchanged(String input) {
        assertThat(VietnameseSyllables.canonicalTone(input)).isEqualTo(input);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ky, ki", "ly, li", "my, mi", "ty, ti", "sy, si", "hy, hi", "quy, qui",
        "qui, qui", "ki, ki"})
    void mergesYIntoIAfterConsonants(String input, String expected) {
        assertThat(VietnameseSyllables.mergeIY(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"y", "yeu", "tuy", "huy", "thuy", "khuya", "uy", "tuyet", "quyen",
        "quynh", "key", "yes", "you", "system", "by", "sky", "vy", "thy"})
    void keepsYAfterVowelsAtTheStartAndInLongerWords(String input) {
        assertThat(VietnameseSyllables.mergeIY(input)).isEqualTo(input);
    }
}
