package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.hoclieu.TestFiles;
import vn.hoclieu.ingest.IngestProperties;

class TextFingerprintTest {

    private static String text(String sample) throws Exception {
        TikaExtractor tika = new TikaExtractor(new IngestProperties(1, Duration.ofSeconds(60),
                1_000_000, 3, false, null));
        return tika.extract(TestFiles.sample(sample), sample, null).text();
    }

    @Test
    void theSameTextInAnotherFormatIsANearDuplicate() throws Exception {
        String pdf = text("hoc-tap-suot-doi.pdf");
        String markdown = Files.readString(TestFiles.sample("src/hoc-tap-suot-doi.md"));
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

    /**
     * Signatures stored in the database are compared with new ones: the same text must give the
     * same signature in every version (these were computed before repeated shingles were skipped
     * and the hashing stopped building strings).
     */
    @Test
    void signaturesAreTheSameAsThoseAlreadyStored() throws Exception {
        assertThat(TextFingerprint.of(Files.readString(TestFiles.sample("src/hoc-tap-suot-doi.md"))))
                .isEqualTo("gF4JAYHHqXyBl9aegG0sa4AwAUyAF6tCgP1VZIB+GKiAAQfNgQpZ+YCdRk6BX8RhgSg9P4BXBP+AVXHigIHAKoAp5PSAxy5HgDU3x4C+"
                        + "QQaBJOJ1gJTKUYAuOqqAQ/SWgFpWgoAM9SCARCVxgJvzN4EZJYuBRXqagB8kp4AMus2AEW5VgESMlIIG0MSAd1TbgYai24BGFwy"
                        + "AEnD/gA/HrYBEVvyAgR9hgFMuHoBZ/mOAN+3QgHEax4DGuBGAAhe7gA3Kt4B4nSKAxVVigNk78oAcBxSAGZCogDJkq4A1Tz+AW8Vwg"
                        + "AKMzIElW5+A7d0hgEMgaoDWuNGATSA0gHshPQ==");
        // repeated shingles, marks, case, digits of other scripts, punctuation at the start
        assertThat(TextFingerprint.of("—“Đà Nẵng” đã nặng, ĐA NĂNG! 12 con cá; ca cà 3½ ٣ Ⅻ ngươi người. ".repeat(30)))
                .isEqualTo("lQ+aKpbj7h2FOPwyjiiMFpVIIv+RPfm9gbNG+oVWI5SejAnYyjymu4UNRu2NZKG6kH0cQJDqsZqFqAyFhmPCabTRGLyOQe7gmMJtspNb"
                        + "m4GNGaX9jCzQoolYBHmjim4AhMiz/YxIRRiUoKRigKNYy4OUeRyXK+K+i5hmmIA/S0uEaOSDjhgzfIDDleiDy3Mxiy3NfIZ535qO0R"
                        + "EDlDoOurBXPXmOQxu8gF0isoMUNeyHhFhDp8E2MZG6G/yP53RtjNoUAZHXDyGSSwlnjhYd3Yauy0eW7KUWgWprS7EBd26XwP4AiOPS/I"
                        + "3KoJiBtqcJpezmEIIUHIGCb5XTgb89ig==");
        String a = TextFingerprint.of(Files.readString(TestFiles.sample("src/hoc-tap-suot-doi.md")));
        assertThat(TextFingerprint.similarity(a, a)).isEqualTo(1.0);
        assertThat(TextFingerprint.similarity(a, "not a signature")).isZero();
        assertThat(TextFingerprint.similarity(a, a.substring(4))).isZero();
    }
}
