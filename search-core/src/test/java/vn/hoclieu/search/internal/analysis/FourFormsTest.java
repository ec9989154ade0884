package vn.hoclieu.search.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-pass streams give exactly the tokens of the four analyzers (terms, offsets, positions,
 * final offset and increment) — what the index records of a token.
 */
class FourFormsTest {

    private static final Analyzer EXACT = VietnameseAnalysis.exact();
    private static final Analyzer EXACT2 = VietnameseAnalysis.exactBigrams();
    private static final Analyzer FOLDED = VietnameseAnalysis.folded();
    private static final Analyzer FOLDED2 = VietnameseAnalysis.foldedBigrams();

    static Stream<String> texts() throws IOException {
        List<String> texts = new ArrayList<>(List.of(
                "Học tập suốt đời là chìa khóa mở cửa tương lai",
                "Thành phố Đà Nẵng. Sáng nay trời đã nặng lắm rồi; máy in đa năng!",
                Normalizer.normalize("Học sinh tập thể dục suốt buổi sáng, cả đời", Normalizer.Form.NFD),
                "ÐÀ NẴNG và ðà nẵng", "Kĩ năng mềm – kỹ năng sống: hòa/hoà, thủy/thuỷ, qui/quy",
                "một", "…", "A. B", "  \n\n  ", "x\fy\fz", "2024-05-01 lúc 07:30, 1.000.000 đồng",
                "English text, with punctuation: e.g. U.S.A. and e-mail addresses a@b.vn.",
                "日本語のテキストと한국어 and ไทย mixed with tiếng Việt",
                "emoji 📚 sách 🙂 và ký tự điều khiển \u0001\u0007 ở giữa",
                "học tập ".repeat(3000),
                // pre-Unicode text that was not converted (TCVN3 and VNI bytes read as code page 1252)
                "Hµ Néi lµ thñ ®« cña ViÖt Nam. Hä ®· häc",
                "Haø Noäi laø thuû ñoâ cuûa Vieät Nam; hoï ñaõ hoïc",
                // decomposed Windows-1258 style (base letter + combining tone), and a mix with NFC
                Normalizer.normalize("Tiếng Việt có dấu: ngã, hỏi, nặng.", Normalizer.Form.NFD) + " và Tiếng Việt",
                ". , ; bắt đầu bằng dấu câu", "kết thúc bằng dấu câu ...", "a", ""));
        try (Stream<Path> sources = Files.list(Path.of(System.getProperty("hoclieu.samples.dir", "../sample-resources"), "src"))) {
            for (Path p : sources.filter(Files::isRegularFile).toList()) {
                texts.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return texts.stream();
    }

    @ParameterizedTest
    @MethodSource("texts")
    void oneReadingGivesTheTokensOfTheFourAnalyzers(String text) {
        FourForms.Streams forms = FourForms.of(text);
        // consumed in the order the index consumes them
        assertThat(tokens(forms.exact())).isEqualTo(tokens(EXACT.tokenStream("f", text)));
        assertThat(tokens(forms.exactBigrams())).isEqualTo(tokens(EXACT2.tokenStream("f", text)));
        assertThat(tokens(forms.folded())).isEqualTo(tokens(FOLDED.tokenStream("f", text)));
        assertThat(tokens(forms.foldedBigrams())).isEqualTo(tokens(FOLDED2.tokenStream("f", text)));
        assertThat(tokens(forms.foldedAgain())).isEqualTo(tokens(FOLDED.tokenStream("f", text)));
        // the pairs of a short value (from the recording) and of a long one (from the analyzer) are the same
        assertThat(AdjacentPairsTest.terms(forms.foldedPairs(new AdjacentPairs.Carry()))).isEqualTo(
                AdjacentPairsTest.terms(new AdjacentPairs(FOLDED.tokenStream("f", text), new AdjacentPairs.Carry())));
    }

    /** term@start-end+increment for every token, then the final offset. */
    private static List<String> tokens(TokenStream stream) {
        List<String> out = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute position = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term + "@" + offset.startOffset() + "-" + offset.endOffset() + "+" + position.getPositionIncrement());
            }
            stream.end();
            out.add("end@" + offset.endOffset() + "+" + position.getPositionIncrement());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
