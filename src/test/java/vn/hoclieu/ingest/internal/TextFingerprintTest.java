package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextFingerprintTest {

    private static String text(String sample) throws Exception {
        TikaExtractor tika = new TikaExtractor(new vn.hoclieu.ingest.IngestProperties(1, Duration.ofSeconds(60),
                1_000_000, 3, false, null));
        return tika.extract(Path.of("sample-resources", sample), sample, null).text();
    }

    @Test
    void theSameTextInAnotherFormatIsANearDuplicate() throws Exception {
        String pdf = text("hoc-tap-suot-doi.pdf");
        String markdown = Files.readString(Path.of("sample-resources/src/hoc-tap-suot-doi.md"));
        assertThat(TextFingerprint.similarity(TextFingerprint.of(pdf), TextFingerprint.of(markdown)))
                .isGreaterThanOrEqualTo(NearDuplicates.THRESHOLD);
    }

    @Test
    void anotherEditionWithAChangedEndingIsANearDuplicate() throws Exception {
        String[] words = text("tu-hoc-thoi-dai-so.docx").split("\\s+");
        String[] edited = Arrays.copyOf(words, words.length);
        for (int i = (int) (words.length * 0.93); i < words.length; i++) {
            edited[i] = "mới" + i; // the last 7% rewritten
        }
        double similarity = TextFingerprint.similarity(TextFingerprint.of(String.join(" ", words)),
                TextFingerprint.of(String.join(" ", edited)));
        assertThat(similarity).isGreaterThanOrEqualTo(NearDuplicates.THRESHOLD).isLessThan(1.0);
    }

    @Test
    void aTextWithAQuarterRewrittenIsNotFlagged() throws Exception {
        String[] words = text("tu-hoc-thoi-dai-so.docx").split("\\s+");
        String[] edited = Arrays.copyOf(words, words.length);
        for (int i = (int) (words.length * 0.75); i < words.length; i++) {
            edited[i] = "khac" + i; // a different last quarter: related, not the same material
        }
        double similarity = TextFingerprint.similarity(TextFingerprint.of(String.join(" ", words)),
                TextFingerprint.of(String.join(" ", edited)));
        assertThat(similarity).isLessThan(NearDuplicates.THRESHOLD);
    }

    @Test
    void differentMaterialsAreNot() throws Exception {
        double similarity = TextFingerprint.similarity(TextFingerprint.of(text("tu-hoc-thoi-dai-so.docx")),
                TextFingerprint.of(text("cong-dan-so.html")));
        assertThat(similarity).isLessThan(0.2);
    }

    @Test
    void shortTextsAreNotFingerprinted() {
        assertThat(TextFingerprint.of("Học tập suốt đời")).isNull();
        assertThat(TextFingerprint.of(null)).isNull();
        assertThat(TextFingerprint.similarity(null, "x")).isZero();
    }
}
