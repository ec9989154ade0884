package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoclieu.Messages.english;
import static vn.hoclieu.Messages.vietnamese;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import vn.hoclieu.RequiresTool;
import vn.hoclieu.TestFiles;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Tool;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.ingest.IngestProperties;

/** Tika with its limits, on real files: bad documents become statuses, never exceptions. */
class TikaExtractorTest {

    @TempDir
    Path dir;

    private static TikaExtractor extractor(Duration timeout, int writeLimit) throws Exception {
        return new TikaExtractor(new IngestProperties(1, timeout, writeLimit, 3, false, null));
    }

    /** A PDF with no text layer: the sample poster, as a scanner would make it. */
    private Path scannedPdf() throws Exception {
        Path pdf = dir.resolve("scan.pdf");
        try (PDDocument doc = new PDDocument()) {
            var image = PDImageXObject.createFromFile(TestFiles.sample("doc-sach-hieu-qua-poster.png").toString(), doc);
            var page = new PDPage(new PDRectangle(image.getWidth() * 72f / 300, image.getHeight() * 72f / 300));
            doc.addPage(page);
            try (var content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            doc.save(pdf.toFile());
        }
        return pdf;
    }

    @Test
    @Tag(TestGroups.PROCESS)
    @RequiresTool(Tool.TESSERACT)
    void scannedPdfPagesAreReadWithTesseract() throws Exception {
        TikaExtractor withOcr = new TikaExtractor(new IngestProperties(1, Duration.ofSeconds(120), 1_000_000, 3,
                true, "vie+eng"));
        assertThat(withOcr.ocr().available()).as("Tesseract with vie+eng is installed: %s", withOcr.ocr().problem())
                .isTrue();
        Extraction e = withOcr.extract(scannedPdf(), "scan.pdf", "application/pdf");
        assertThat(e.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(e.ocr()).isTrue();
        assertThat(e.text()).contains("bút chì");
    }

    @Test
    void withOcrSwitchedOffAScanSaysWhyItHasNoText() throws Exception {
        Extraction e = extractor(Duration.ofSeconds(60), 1_000_000).extract(scannedPdf(), "scan.pdf", "application/pdf");
        assertThat(e.text()).isBlank();
        assertThat(e.ocr()).isFalse();
        assertThat(english(e.reason())).contains("(OCR) is switched off");
    }

    @Test
    @Tag(TestGroups.PROCESS)
    @RequiresTool(Tool.TESSERACT)
    void aMissingTesseractLanguageIsReportedOnTheFileAndInHealthNotACrash() throws Exception {
        // "xyz" stands for a language pack that is not installed (or Tesseract itself missing)
        IngestProperties settings = new IngestProperties(1, Duration.ofSeconds(60), 1_000_000, 3, true, "vie+xyz");
        TikaExtractor lacking = new TikaExtractor(settings);
        Extraction e = lacking.extract(scannedPdf(), "scan.pdf", "application/pdf");
        assertThat(e.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(e.ocr()).isFalse();
        assertThat(english(e.reason())).contains("lacks the language data xyz").contains("tesseract-ocr-xyz");
        assertThat(vietnamese(e.reason())).contains("thiếu dữ liệu ngôn ngữ xyz");

        Health health = new OcrHealth(lacking, settings).health();
        assertThat(health.getStatus().getCode()).as("OCR is optional: the application stays UP").isEqualTo("UP");
        assertThat(health.getDetails()).containsEntry("ocr", "unavailable");
        assertThat(String.valueOf(health.getDetails().get("problem"))).contains("xyz");
    }

    @Test
    void pdfsWithATextLayerAreNotOcrd() throws Exception {
        TikaExtractor withOcr = new TikaExtractor(new IngestProperties(1, Duration.ofSeconds(120), 1_000_000, 3,
                true, "vie+eng"));
        Extraction e = withOcr.extract(TestFiles.sample("hoc-tap-suot-doi.pdf"), "a.pdf", "application/pdf");
        assertThat(e.ocr()).isFalse();
        assertThat(e.text()).contains("Đà Nẵng");
    }

    @Test
    void readsTextTitleLanguageAndPagesOfAPdf() throws Exception {
        Extraction e = extractor(Duration.ofSeconds(60), 1_000_000)
                .extract(TestFiles.sample("hoc-tap-suot-doi.pdf"), "hoc-tap-suot-doi.pdf", "application/pdf");
        assertThat(e.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(e.text()).contains("Đà Nẵng").contains("\f");
        assertThat(e.pages()).isEqualTo(2);
        assertThat(e.language()).isEqualTo("vi");
        assertThat(e.mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void textBeyondTheWriteLimitIsMarkedTruncated() throws Exception {
        Path big = dir.resolve("dai.txt");
        Files.writeString(big, "Học tập suốt đời. ".repeat(10_000));
        Extraction e = extractor(Duration.ofSeconds(60), 1_000).extract(big, "dai.txt", "text/plain");
        assertThat(e.status()).isEqualTo(ExtractionStatus.TRUNCATED);
        assertThat(english(e.reason())).contains("1000 characters");
        assertThat(e.text().length()).isBetween(900, 1_000);
    }

    @Test
    void aParseThatTakesTooLongEndsTimedOut() throws Exception {
        Extraction e = extractor(Duration.ofMillis(1), 1_000_000)
                .extract(TestFiles.sample("tim-kiem-thong-tin-hieu-qua.pptx"), "slides.pptx", null);
        assertThat(e.status()).isEqualTo(ExtractionStatus.TIMED_OUT);
        assertThat(e.reason()).isNotBlank();
    }

    @Test
    void tcvn3TextIsConvertedToUnicodeAndTheEncodingRecorded() throws Exception {
        // "Học tập suốt đời là chìa khóa của mỗi người. …" typed with a .VnTime (TCVN3) font
        String tcvn3 = "H\u00e4c t\u00cbp su\u00e8t \u00ae\u00eai l\u00b5 ch\u00d7a kh\u00e3a c\u00f1a m\u00e7i "
                + "ng\u00ad\u00eai. Th\u00ad vi\u00d6n m\u00eb c\u00f6a cho m\u00e4i ng\u00ad\u00eai d\u00a9n "
                + "\u00ae\u00d5n \u00ae\u00e4c s\u00b8ch mi\u00d4n ph\u00dd.";
        Path file = dir.resolve("cu.txt");
        Files.write(file, tcvn3.getBytes(Charset.forName("windows-1252")));
        Extraction e = extractor(Duration.ofSeconds(60), 1_000_000).extract(file, "cu.txt", "text/plain");
        assertThat(e.legacyEncoding()).isEqualTo("TCVN3");
        assertThat(e.text()).contains("Học tập suốt đời là chìa khóa").contains("đọc sách miễn phí");
    }

    @Test
    void frenchTextIsLeftAsItIs() throws Exception {
        Path file = dir.resolve("fr.txt");
        String french = "La bibliothèque où l'élève apprend: déjà ça, être à l'heure, Noël et l'été à côté.";
        Files.writeString(file, french);
        Extraction e = extractor(Duration.ofSeconds(60), 1_000_000).extract(file, "fr.txt", "text/plain");
        assertThat(e.legacyEncoding()).isNull();
        assertThat(e.text()).isEqualTo(french);
    }

    @Test
    void subtitlesGiveTheirSpokenTextOnly() throws Exception {
        Path vtt = dir.resolve("phu-de.vtt");
        Files.writeString(vtt, """
                WEBVTT

                NOTE ghi chú không được đọc

                intro
                00:00:01.000 --> 00:00:04.000
                Xin chào <b>các bạn</b>

                2
                00:00:05.000 --> 00:00:07.500 align:start
                Hôm nay ta học tìm kiếm
                """);
        Extraction e = extractor(Duration.ofSeconds(10), 1_000_000).extract(vtt, "phu-de.vtt", "text/vtt");
        assertThat(e.text()).isEqualTo("Xin chào các bạn\fHôm nay ta học tìm kiếm");
        assertThat(e.cueStarts()).containsExactly(1.0, 5.0);
    }

    @Test
    void emptyAndGarbageFilesAreStatusesNotExceptions() throws Exception {
        Path empty = dir.resolve("rong.docx");
        Files.write(empty, new byte[] {'P', 'K', 3, 4, 0, 0});
        Extraction e = extractor(Duration.ofSeconds(30), 1_000_000).extract(empty, "rong.docx", null);
        assertThat(e.status()).isIn(ExtractionStatus.FAILED, ExtractionStatus.UNSUPPORTED, ExtractionStatus.OK);
        assertThat(e.text()).isNotNull();
    }

    @Test
    @Tag(TestGroups.PROCESS)
    @RequiresTool(Tool.FFMPEG)
    void subtitlesEmbeddedInAVideoAreReadWithTheirMoments() throws Exception {
        Path srt = Files.writeString(dir.resolve("phu-de.srt"), """
                1
                00:00:00,500 --> 00:00:01,500
                Thư viện số mở cửa cả ngày

                2
                00:00:02,000 --> 00:00:03,000
                Mượn sách không cần đến tận nơi
                """);
        Path video = dir.resolve("co-phu-de.mp4");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y",
                "-i", TestFiles.sample("video-tim-kiem-an-toan.mp4").toString(), "-i", srt.toString(),
                "-map", "0:v", "-map", "1:s", "-c:v", "copy", "-c:s", "mov_text", video.toString())
                .redirectErrorStream(true).start();
        String log = new String(ffmpeg.getInputStream().readAllBytes());
        assertThat(ffmpeg.waitFor()).as("ffmpeg (Debian: apt-get install ffmpeg): " + log).isZero();

        Extraction e = extractor(Duration.ofSeconds(120), 1_000_000).extract(video, "co-phu-de.mp4", "video/mp4");
        assertThat(e.text()).isEqualTo("Thư viện số mở cửa cả ngày\fMượn sách không cần đến tận nơi");
        assertThat(e.cueStarts()).containsExactly(0.5, 2.0);
        assertThat(e.thumbnail()).as("a frame of the video").isNotEmpty();
    }
}
