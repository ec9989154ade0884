package vn.hoclieu.search.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoclieu.search.internal.analysis.AnalyzedTokens.terms;
import static vn.hoclieu.search.internal.analysis.AnalyzedTokens.tokens;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VietnameseAnalysisTest {

    private static final Analyzer EXACT = VietnameseAnalysis.exact();
    private static final Analyzer FOLDED = VietnameseAnalysis.folded();
    private static final Analyzer EXACT_BIGRAMS = VietnameseAnalysis.exactBigrams();
    private static final Analyzer FOLDED_BIGRAMS = VietnameseAnalysis.foldedBigrams();

    @AfterAll
    static void close() {
        EXACT.close();
        FOLDED.close();
        EXACT_BIGRAMS.close();
        FOLDED_BIGRAMS.close();
    }

    private static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    @Test
    void exactKeepsDiacriticsAndFoldsCase() {
        assertThat(terms(EXACT, "Học tập suốt đời")).containsExactly("học", "tập", "suốt", "đời");
        assertThat(terms(EXACT, "HỌC TẬP")).isEqualTo(terms(EXACT, "học tập"));
    }

    @Test
    void foldedRemovesDiacriticsAndDyet() {
        assertThat(terms(FOLDED, "Học tập suốt đời")).containsExactly("hoc", "tap", "suot", "doi");
        assertThat(terms(FOLDED, "hoc tap suot doi")).isEqualTo(terms(FOLDED, "Học tập suốt đời"));
        assertThat(terms(FOLDED, "HỌC TẬP")).isEqualTo(terms(FOLDED, "học tập"));
    }

    @Test
    void decomposedAndComposedInputGiveTheSameTerms() {
        String nfc = "Học tập suốt đời ở Đà Nẵng";
        assertThat(nfd(nfc)).isNotEqualTo(nfc);
        for (Analyzer analyzer : List.of(EXACT, FOLDED, EXACT_BIGRAMS, FOLDED_BIGRAMS)) {
            assertThat(terms(analyzer, nfd(nfc))).isEqualTo(terms(analyzer, nfc));
        }
    }

    @Test
    void exactTellsDaNangFromItsUnaccentedNamesakes() {
        List<String> daNang = terms(EXACT, "Đà Nẵng");
        assertThat(daNang).containsExactly("đà", "nẵng");
        assertThat(terms(EXACT, "đã nặng")).isNotEqualTo(daNang);
        assertThat(terms(EXACT, "đa năng")).isNotEqualTo(daNang);
        assertThat(terms(FOLDED, "Đà Nẵng"))
                .containsExactly("da", "nang")
                .isEqualTo(terms(FOLDED, "đã nặng"))
                .isEqualTo(terms(FOLDED, "đa năng"));
    }

    @Test
    void icelandicEthReadsAsDyet() {
        for (Analyzer analyzer : List.of(EXACT, FOLDED, EXACT_BIGRAMS, FOLDED_BIGRAMS)) {
            assertThat(terms(analyzer, "Ðà Nẵng, ðã")).isEqualTo(terms(analyzer, "Đà Nẵng, đã"));
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"hòa, hoà", "thủy, thuỷ", "khỏe, khoẻ", "ủy, uỷ", "hóa, hoá", "qúy, quý",
        "Hòa Bình, HOÀ BÌNH", "Thủy Tiên, thuỷ tiên"})
    void exactMergesToneMarkPlacement(String a, String b) {
        assertThat(terms(EXACT, a)).isEqualTo(terms(EXACT, b));
        assertThat(terms(EXACT, nfd(a))).isEqualTo(terms(EXACT, b));
        assertThat(terms(EXACT_BIGRAMS, a)).isEqualTo(terms(EXACT_BIGRAMS, b));
    }

    @Test
    void exactUsesTheNewStyleToneConvention() {
        assertThat(VietnameseAnalysis.exactForm("Hòa thủy khỏe ủy quý người"))
                .isEqualTo("hoà thuỷ khoẻ uỷ quý người");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"kĩ, kỹ", "lí, lý", "qui, quy", "Mĩ, Mỹ", "sĩ, sỹ", "tỉ, tỷ", "hi vọng, hy vọng",
        "kĩ năng, ky nang", "quí, Quý"})
    void foldedMergesIAndYSpellings(String a, String b) {
        assertThat(terms(FOLDED, a)).isEqualTo(terms(FOLDED, b));
        assertThat(terms(FOLDED_BIGRAMS, a)).isEqualTo(terms(FOLDED_BIGRAMS, b));
    }

    @Test
    void iyMergeLeavesYAfterVowelsAndAtTheStart() {
        assertThat(terms(FOLDED, "yêu tuyết khuya huy tuy thuỷ uỷ quyền Quỳnh ý"))
                .containsExactly("yeu", "tuyet", "khuya", "huy", "tuy", "thuy", "uy", "quyen",
                        "quynh", "y");
    }

    @Test
    void englishWordsKeepTheirY() {
        assertThat(terms(FOLDED, "Digital citizenship")).containsExactly("digital", "citizenship");
        assertThat(terms(FOLDED, "key yes you system by sky")).containsExactly(
                "key", "yes", "you", "system", "by", "sky");
        // The documented collateral: "my" reads as the Vietnamese mi/my.
        assertThat(terms(FOLDED, "my")).containsExactly("mi");
        assertThat(terms(EXACT, "My system")).containsExactly("my", "system");
    }

    @Test
    void bigramsPairAdjacentSyllablesOnly() {
        assertThat(terms(FOLDED_BIGRAMS, "Học tập suốt đời"))
                .containsExactly("hoc tap", "tap suot", "suot doi");
        assertThat(terms(EXACT_BIGRAMS, "Học tập suốt đời"))
                .containsExactly("học tập", "tập suốt", "suốt đời");
        assertThat(terms(FOLDED_BIGRAMS, "hoc tap suot doi"))
                .isEqualTo(terms(FOLDED_BIGRAMS, "Học tập suốt đời"));
    }

    @Test
    void bigramsOfOneSyllableIsTheSyllable() {
        assertThat(terms(FOLDED_BIGRAMS, "Toán")).containsExactly("toan");
        assertThat(terms(EXACT_BIGRAMS, "  Toán. ")).containsExactly("toán");
        assertThat(terms(FOLDED_BIGRAMS, "")).isEmpty();
    }

    @Test
    void bigramsOfOneSyllableSentencesAreEmpty() {
        // Only a whole text of one syllable falls back to its unigram; the unigram fields
        // still index these syllables.
        assertThat(terms(FOLDED_BIGRAMS, "Hà. Nội")).isEmpty();
        assertThat(terms(FOLDED_BIGRAMS, "Toán, Lý, Hóa học")).containsExactly("hoa hoc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hà Nội. Sáng nay", "Hà Nội, sáng nay", "Hà Nội; sáng nay",
        "Hà Nội: sáng nay", "Hà Nội! Sáng nay", "Hà Nội? Sáng nay", "Hà Nội\n\nSáng nay",
        "Hà Nội\nSáng nay", "Hà Nội\r\nSáng nay", "Hà Nội… sáng nay", "Hà Nội . sáng nay"})
    void bigramsDoNotCrossSentencePunctuationOrLineBreaks(String text) {
        assertThat(terms(EXACT_BIGRAMS, text)).containsExactly("hà nội", "sáng nay");
        assertThat(terms(FOLDED_BIGRAMS, text)).containsExactly("ha noi", "sang nay");
    }

    @Test
    void bigramsCrossPlainSpacesAndHyphens() {
        assertThat(terms(FOLDED_BIGRAMS, "Hà Nội  sáng - nay"))
                .containsExactly("ha noi", "noi sang", "sang nay");
    }

    @Test
    void bigramsFindBreaksDeepInLongTexts() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("học tập suốt đời. ");
        }
        List<String> bigrams = terms(FOLDED_BIGRAMS, text.toString());
        assertThat(bigrams).hasSize(3 * 3000).doesNotContain("doi hoc");
    }

    @Test
    void offsetsPointIntoTheOriginalText() {
        String nfc = "Ðà Nẵng: Học tập";
        String original = nfd(nfc);
        List<String> expected = List.of("Ðà", "Nẵng", "Học", "tập");
        for (Analyzer analyzer : List.of(EXACT, FOLDED)) {
            List<String> spans = tokens(analyzer, original).stream()
                    .map(t -> Normalizer.normalize(original.substring(t.start(), t.end()),
                            Normalizer.Form.NFC))
                    .toList();
            assertThat(spans).isEqualTo(expected);
        }
        List<String> bigramSpans = tokens(EXACT_BIGRAMS, original).stream()
                .map(t -> Normalizer.normalize(original.substring(t.start(), t.end()),
                        Normalizer.Form.NFC))
                .toList();
        assertThat(bigramSpans).containsExactly("Ðà Nẵng", "Học tập");
    }

    @Test
    void foldAndExactFormJoinTermsWithSingleSpaces() {
        assertThat(VietnameseAnalysis.fold("  Kỹ   năng mềm, Ðà Nẵng!")).isEqualTo("ki nang mem da nang");
        assertThat(VietnameseAnalysis.exactForm("Kỹ năng mềm, Ðà Nẵng!"))
                .isEqualTo("kỹ năng mềm đà nẵng");
        assertThat(VietnameseAnalysis.fold("")).isEmpty();
        assertThat(VietnameseAnalysis.exactForm("...")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hoc tap suot doi", "Digital", "ky nang 2024", ""})
    void unaccentedTextHasNoDiacritics(String text) {
        assertThat(VietnameseAnalysis.hasDiacritics(text)).isFalse();
    }

    @Test
    void accentedTextHasDiacritics() {
        assertThat(VietnameseAnalysis.hasDiacritics("học")).isTrue();
        assertThat(VietnameseAnalysis.hasDiacritics(nfd("học"))).isTrue();
        assertThat(VietnameseAnalysis.hasDiacritics("đi")).isTrue();
        assertThat(VietnameseAnalysis.hasDiacritics("Ðà")).isTrue();
        assertThat(VietnameseAnalysis.hasDiacritics("ð")).isTrue();
        assertThat(VietnameseAnalysis.hasDiacritics("Ăn")).isTrue();
        assertThat(VietnameseAnalysis.hasDiacritics(nfd("ơ"))).isTrue();
    }

    @Test
    void analyzersAreReusableAcrossThreads() throws Exception {
        String[] texts = {"Học tập suốt đời", "Hà Nội. Sáng nay", "Ðà Nẵng", "thủy"};
        List<List<String>> expected = Arrays.stream(texts)
                .map(t -> terms(FOLDED_BIGRAMS, t)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        for (int j = 0; j < texts.length; j++) {
                            if (!terms(FOLDED_BIGRAMS, texts[j]).equals(expected.get(j))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void normalizeMatchesTheTokenChainForQueryParserTerms() {
        assertThat(FOLDED.normalize("body", "Kỹ").utf8ToString()).isEqualTo("ki");
        assertThat(EXACT.normalize("body", nfd("THỦY")).utf8ToString()).isEqualTo("thuỷ");
        assertThat(EXACT.normalize("body", "Ðà").utf8ToString()).isEqualTo("đà");
    }
}
