package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.RequiresTool;
import vn.hoclieu.TestFiles;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Tool;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;

/**
 * The sample library, imported on first start, ends with every format read and every material
 * findable by words of its content (typed with or without diacritics).
 */
class SampleLibraryTest extends IntegrationTest {

    private final Map<String, Long> resourceOfFile = new HashMap<>();

    @BeforeEach
    void ingested() {
        awaitIngestIdle();
        for (JobView job : ingest.jobs(null, 1000)) {
            resourceOfFile.put(job.fileName(), job.resourceId());
        }
    }

    @ParameterizedTest(name = "{0} is found by \"{1}\" and \"{2}\"")
    @CsvSource({
            "hoc-tap-suot-doi.pdf, thợ may, tho may",
            "ham-so-bac-nhat-lop-10.pdf, hệ số góc, he so goc",
            "search-smarter-stay-safer.pdf, bánh chưng, banh chung",
            "tu-hoc-thoi-dai-so.docx, xao nhãng, xao nhang",
            "chuyen-dong-thang-bien-doi-deu.docx, hãm phanh, ham phanh",
            "digital-footprint.docx, uốn lưỡi, uon luoi",
            "doc-hieu-tho-tru-tinh-lop-10.odt, lục bát, luc bat",
            "tim-kiem-thong-tin-hieu-qua.pptx, hình thang, hinh thang",
            "doc-sach-moi-ngay.epub, bưu thiếp, buu thiep",
            "cong-dan-so.html, quán net, quan net",
            "present-perfect-experiences.html, đàn bầu, dan bau",
            "thu-vien-so-cho-nguoi-cao-tuoi.html, trồng rau sạch, trong rau sach",
            "lich-su-ha-noi.txt, Quốc Tử Giám, quoc tu giam",
            "reading-challenge-30-days.txt, Dế Mèn, de men",
            "thu-vien-noi-hoc-tap.mp3, máy chiếu, may chieu",
            "video-tim-kiem-an-toan.mp4, lượt chia sẻ, luot chia se",
    })
    void everySampleFormatIsFoundByAWordOfItsContent(String file, String accented, String unaccented) {
        assertFoundByWordsOfItsContent(file, accented, unaccented);
    }

    /** The scanned poster has no text but what Tesseract reads off its pixels. */
    @Test
    @Tag(TestGroups.PROCESS)
    @RequiresTool(Tool.TESSERACT)
    void theScannedPosterIsReadByOcrAndFoundByAWordOfIt() {
        assertFoundByWordsOfItsContent("doc-sach-hieu-qua-poster.png", "bút chì", "but chi");
        JsonNode png = Http.get(url("/api/v1/resources/" + resourceOfFile.get("doc-sach-hieu-qua-poster.png"))).json();
        assertThat(png.get("files").get(0).get("extraction").get("ocr").asBoolean()).isTrue();
    }

    private void assertFoundByWordsOfItsContent(String file, String accented, String unaccented) {
        Long id = resourceOfFile.get(file);
        assertThat(id).as("imported " + file).isNotNull();

        JsonNode resource = Http.get(url("/api/v1/resources/" + id)).json();
        assertThat(resource.get("files").get(0).get("extraction").get("status").asString()).isEqualTo("OK");

        for (String q : new String[] {"\"" + accented + "\"", "\"" + unaccented + "\""}) {
            JsonNode hits = Http.get(url("/api/v1/search?q=" + Http.q(q))).json().get("hits");
            assertThat(hits.size()).as("hits for " + q).isGreaterThan(0);
            assertThat(hits.get(0).get("id").asLong()).as("first hit for " + q).isEqualTo(id);
            assertThat(hits.get(0).get("snippet").asString()).as("snippet for " + q).contains("<mark>");
        }
        JsonNode loose = Http.get(url("/api/v1/search?q=" + Http.q(unaccented))).json().get("hits");
        assertThat(ids(loose, 3)).as("top 3 for " + unaccented).contains(id);
    }

    /**
     * This instance runs in app/, which has no sample-resources folder, and names none, as a jar started from
     * another folder does: every material of the repository's sample library is in it all the same, from the
     * copy packaged on the class path (the folder imported again below finds each one a duplicate, byte for byte).
     */
    @Test
    void theSampleLibraryIsImportedFromInsideTheApplicationWhenNoFolderIsNamed(@Autowired Environment settings)
            throws Exception {
        assertThat(settings.getProperty("hoclieu.samples.dir")).isNull();
        assertThat(Path.of("sample-resources")).doesNotExist();
        List<String> listed = Files.readAllLines(TestFiles.sample("metadata.csv")).stream().skip(1)
                .filter(line -> !line.isBlank()).map(line -> line.substring(0, line.indexOf(','))).toList();
        assertThat(listed).hasSize(17);
        assertThat(resourceOfFile).containsKeys(listed.toArray(String[]::new));
    }

    @Test
    void extractionRecordsPagesDurationAndLanguage() {
        JsonNode pdf = Http.get(url("/api/v1/resources/" + resourceOfFile.get("hoc-tap-suot-doi.pdf"))).json();
        assertThat(pdf.get("files").get(0).get("extraction").get("pages").asInt()).isEqualTo(2);
        assertThat(pdf.get("files").get(0).get("extraction").get("language").asString()).isEqualTo("vi");

        JsonNode mp3 = Http.get(url("/api/v1/resources/" + resourceOfFile.get("thu-vien-noi-hoc-tap.mp3"))).json();
        assertThat(mp3.get("files").get(0).get("extraction").get("durationSeconds").asDouble()).isBetween(40.0, 70.0);

        JsonNode video = Http.get(url("/api/v1/resources/" + resourceOfFile.get("video-tim-kiem-an-toan.mp4"))).json();
        assertThat(video.get("files")).hasSize(2);
        assertThat(video.get("files").get(0).get("extraction").get("durationSeconds").asDouble()).isBetween(10.0, 25.0);
        assertThat(video.get("files").get(1).get("name").asString()).isEqualTo("video-tim-kiem-an-toan.vtt");

        JsonNode english = Http.get(url("/api/v1/resources/" + resourceOfFile.get("digital-footprint.docx"))).json();
        assertThat(english.get("language").asString()).isEqualTo("en");
    }

    @Test
    void previewsAreMadeForDocumentsSlidesAndImages() {
        for (String file : new String[] {"hoc-tap-suot-doi.pdf", "tim-kiem-thong-tin-hieu-qua.pptx",
                "doc-sach-hieu-qua-poster.png"}) {
            assertHasAJpegPreview(file);
        }
        JsonNode text = Http.get(url("/api/v1/resources/" + resourceOfFile.get("lich-su-ha-noi.txt"))).json();
        assertThat(text.get("thumbnail").isNull()).isTrue();
    }

    @Test
    void theSameTextUploadedInAnotherFormatIsFlaggedAsANearDuplicate() throws Exception {
        String librarian = Http.basic(account("librarian-near", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        byte[] markdown = Files.readAllBytes(TestFiles.sample("src/hoc-tap-suot-doi.md"));
        Http.Response created = Http.upload(url("/api/v1/resources"), librarian, Map.of("ban-khac.txt", markdown), null);
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        awaitIngestIdle();
        JsonNode file = Http.get(url("/api/v1/resources/" + id)).json().get("files").get(0);
        assertThat(file.get("nearDuplicate").get("resourceId").asLong()).isEqualTo(resourceOfFile.get("hoc-tap-suot-doi.pdf"));
        assertThat(Http.get(url("/resources/" + id)).body()).contains("Nội dung gần giống");
    }

    @Test
    void importingTheSameFolderAgainReportsEveryFileAsADuplicate() throws Exception {
        ImportReport again = ingest.importFolder(TestFiles.sample(), null,
                new Viewer(0L, "system:test-import", Role.ADMIN, null));
        assertThat(again.entries()).hasSize(17);
        assertThat(again.count(ImportReport.Outcome.DUPLICATE)).isEqualTo(17);
        assertThat(again.entries()).allSatisfy(e -> assertThat(e.resourceId()).isNotNull());
        assertThat(ingest.unfinished()).isZero();
    }

    /** A frame of the video, drawn by ffmpeg. */
    @Test
    @Tag(TestGroups.PROCESS)
    @RequiresTool(Tool.FFMPEG)
    void aVideoGetsAFrameAsItsPreview() {
        assertHasAJpegPreview("video-tim-kiem-an-toan.mp4");
    }

    private void assertHasAJpegPreview(String file) {
        JsonNode resource = Http.get(url("/api/v1/resources/" + resourceOfFile.get(file))).json();
        assertThat(resource.get("thumbnail").asString()).as(file).endsWith("/thumbnail");
        Http.Response image = Http.get(url(resource.get("thumbnail").asString()));
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.header("Content-Type")).isEqualTo("image/jpeg");
    }

    private static List<Long> ids(JsonNode hits, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < Math.min(n, hits.size()); i++) {
            ids.add(hits.get(i).get("id").asLong());
        }
        return ids;
    }
}
