package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.HostileCorpus;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/** {@code /api/v1/resources} over real HTTP: upload, extraction status, duplicates, downloads, refusals. */
@Tag(TestGroups.POSTGRES)
class ResourceApiTest extends IntegrationTest {

    private String uploader;

    @BeforeEach
    void accounts() {
        uploader = Http.basic(account("librarian-api-bdm", Role.LIBRARIAN, "HN-THPT-BDM"), PASSWORD);
    }

    @Test
    void uploadedFileBecomesSearchableByItsContent() {
        String word = "zyx" + UUID.randomUUID().toString().substring(0, 8);
        byte[] text = ("Bài học về tiết kiệm nước ở trường. Mã riêng " + word + " dùng cho kiểm thử.")
                .getBytes(StandardCharsets.UTF_8);
        Http.Response created = Uploads.resource("Tiết kiệm nước").subjects("Môi trường").audience("Lớp 6")
                .licence("CC-BY-4.0").visibility("PUBLIC").file("tiet-kiem-nuoc.txt", text).by(uploader).send(url(""));

        assertThat(created.status()).isEqualTo(201);
        JsonNode resource = created.json();
        long id = resource.get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/resources/" + id);
        assertThat(resource.get("title").asString()).isEqualTo("Tiết kiệm nước");
        assertThat(resource.get("library").asString()).isEqualTo("HN-THPT-BDM");
        assertThat(resource.get("materialType").asString()).isEqualTo("BOOK");
        assertThat(resource.get("files").get(0).get("sha256").asString()).hasSize(64);

        await(() -> Http.get(url("/api/v1/search?q=" + word)).json().get("total").asLong() == 1,
                Duration.ofSeconds(30), "uploaded text not searchable");
        JsonNode hit = Http.get(url("/api/v1/search?q=" + word)).json().get("hits").get(0);
        assertThat(hit.get("id").asLong()).isEqualTo(id);
        assertThat(hit.get("snippet").asString()).contains("<mark>" + word + "</mark>");
        // and by its title typed without diacritics
        JsonNode byTitle = Http.get(url("/api/v1/search?q=" + Http.q("tiet kiem nuoc"))).json();
        assertThat(byTitle.get("hits").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(Http.get(url("/api/v1/resources/" + id)).json().get("files").get(0).get("extraction")
                .get("status").asString()).isEqualTo("OK");
    }

    @Test
    void secondUploadOfTheSameBytesIsReportedAsDuplicate() {
        byte[] bytes = ("Nội dung trùng lặp " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Http.Response first = Http.upload(url("/api/v1/resources"), uploader, Map.of("a.txt", bytes), null);
        assertThat(first.status()).isEqualTo(201);
        long id = first.json().get("id").asLong();

        Http.Response second = Http.upload(url("/api/v1/resources"), uploader, Map.of("b-copy.txt", bytes), null);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        assertThat(second.json().get("existingResourceId").asLong()).isEqualTo(id);
        assertThat(second.json().get("detail").asString()).contains("b-copy.txt").contains("đã có trong thư viện");
    }

    @Test
    void corruptPdfEndsFailedWithAReason() {
        byte[] corrupt = ("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + UUID.randomUUID()
                + "\ngarbage garbage\n%%EOF").getBytes(StandardCharsets.ISO_8859_1);
        JsonNode file = uploadAndAwait("hong.pdf", corrupt);
        assertThat(file.get("extraction").get("status").asString()).isEqualTo("FAILED");
        assertThat(file.get("extraction").get("reason").asString()).isNotBlank();
    }

    @Test
    void encryptedPdfEndsEncrypted() throws Exception {
        JsonNode file = uploadAndAwait("mat-khau.pdf", encryptedPdf());
        assertThat(file.get("extraction").get("status").asString()).isEqualTo("ENCRYPTED");
        assertThat(file.get("extraction").get("reason").asString()).as("Vietnamese by default").contains("mật khẩu");
        long id = lastUploaded;
        assertThat(Http.get(url("/api/v1/resources/" + id), "Authorization", uploader, "Accept-Language", "en").json()
                .get("files").get(0).get("extraction").get("reason").asString()).contains("password");
    }

    @Test
    void unknownBinaryEndsUnsupportedAndTheWorkerKeepsWorking() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        random[0] = 0x7f;
        random[1] = 0x00;
        JsonNode file = uploadAndAwait("du-lieu.bin", random);
        assertThat(file.get("extraction").get("status").asString()).isIn("UNSUPPORTED", "FAILED");
        // the next file is still processed
        JsonNode next = uploadAndAwait("sau-do.txt", ("Vẫn chạy " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        assertThat(next.get("extraction").get("status").asString()).isEqualTo("OK");
    }

    @Test
    void anonymousUploadIsRefused() {
        Http.Response r = Http.upload(url("/api/v1/resources"), null,
                Map.of("x.txt", "xin chào".getBytes(StandardCharsets.UTF_8)), null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void readerMayNotUpload() {
        String reader = Http.basic(account("reader-1", Role.READER, null), PASSWORD);
        Http.Response r = Http.upload(url("/api/v1/resources"), reader,
                Map.of("x.txt", "xin chào".getBytes(StandardCharsets.UTF_8)), null);
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void badMetadataIsA400InTheCallersLanguage() {
        Map<String, byte[]> file = Map.of("m.txt", ("meta " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        Http.Response vi = Http.upload(url("/api/v1/resources"), uploader, file, "{\"materialType\":\"NOVEL\"}");
        assertThat(vi.status()).isEqualTo(400);
        assertThat(vi.json().get("detail").asString()).contains("NOVEL").contains("không hợp lệ");

        Http.Response broken = Http.upload(url("/api/v1/resources"), uploader, file, "{not json");
        assertThat(broken.status()).isEqualTo(400);

        Http.Response empty = Http.upload(url("/api/v1/resources"), uploader, Map.of("empty.txt", new byte[0]), null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asString()).contains("empty.txt");
    }

    @Test
    void requestsThatMissTheContractGetProblemDetails() throws Exception {
        Http.Response notANumber = Http.get(url("/api/v1/resources/abc"));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("detail").asString()).contains("abc");

        HttpResponse<String> json = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/api/v1/resources")))
                        .header("Authorization", uploader).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.body()).contains("multipart/form-data");
    }

    @Test
    void singleValuesAreAcceptedWhereListsAreExpected() {
        Http.Response created = Http.upload(url("/api/v1/resources"), uploader,
                Map.of("sinh-hoc.txt", ("Tế bào " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)),
                "{\"subjects\":\"Sinh học\",\"audience\":\"Lớp 10\",\"date\":\"2024\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("subjects").get(0).asString()).isEqualTo("Sinh học");
        assertThat(created.json().get("date").asString()).isEqualTo("2024-01-01");
    }

    @Test
    void libraryOnlyResourceIsInvisibleToOthers() {
        String word = "kin" + UUID.randomUUID().toString().substring(0, 8);
        Uploads.Created created = Uploads.resource().visibility("LIBRARY").file("noi-bo.txt", "Tài liệu nội bộ " + word)
                .by(uploader).to(url(""));
        long id = created.id();
        awaitIngestIdle();
        String colleague = Http.basic(account("librarian-bdm", Role.LIBRARIAN, "HN-THPT-BDM"), PASSWORD);
        String outsider = Http.basic(account("teacher-other", Role.TEACHER, "HN-TVHN"), PASSWORD);

        assertThat(Http.get(url("/api/v1/resources/" + id)).status()).isEqualTo(404);
        assertThat(Http.get(url("/api/v1/resources/" + id), "Authorization", outsider).status()).isEqualTo(404);
        assertThat(Http.get(url("/api/v1/resources/" + id), "Authorization", colleague).status()).isEqualTo(200);
        long fileId = created.fileId();
        assertThat(Http.get(url("/api/v1/resources/" + id + "/files/" + fileId + "/content")).status()).isEqualTo(404);

        assertThat(Http.get(url("/api/v1/search?q=" + word)).json().get("total").asLong()).isZero();
        assertThat(Http.get(url("/api/v1/search?q=" + word), "Authorization", outsider).json().get("total").asLong())
                .isZero();
        assertThat(Http.get(url("/api/v1/search?q=" + word), "Authorization", colleague).json().get("total").asLong())
                .isEqualTo(1);
        assertThat(Http.get(url("/resources/" + id)).status()).isEqualTo(404);
    }

    @Test
    void sameBytesAsAHiddenResourceAreNotReportedAndRevealNothing() {
        byte[] bytes = ("Kế hoạch riêng " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Uploads.Created hidden = Uploads.resource("Tiêu đề bí mật").visibility("LIBRARY").file("rieng.txt", bytes)
                .by(uploader).to(url(""));
        String outsider = Http.basic(account("teacher-far", Role.TEACHER, "HN-GDTX-CG"), PASSWORD);

        Http.Response again = Http.upload(url("/api/v1/resources"), outsider, Map.of("cua-toi.txt", bytes), null);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).doesNotContain("bí mật");
        assertThat(again.json().get("id").asLong()).isNotEqualTo(hidden.json().get("id").asLong());
        assertThat(again.json().get("files").get(0).get("sha256").asString())
                .isEqualTo(hidden.json().get("files").get(0).get("sha256").asString());
    }

    @Test
    void pdfsArePreviewedInlineInAFrameOfTheSite() throws Exception {
        JsonNode r = Http.upload(url("/api/v1/resources"), uploader, Map.of("xem-truoc.pdf", encryptedPdfFree()), null)
                .json();
        Http.Response served = Http.get(url("/api/v1/resources/" + r.get("id").asLong() + "/files/"
                + r.get("files").get(0).get("id").asLong() + "/content"));
        assertThat(served.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(served.header("Content-Disposition")).startsWith("inline");
        assertThat(served.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(served.headers().allValues("Content-Security-Policy")).noneMatch(v -> v.contains("sandbox"));
    }

    @Test
    void downloadsCarryTypeDispositionEtagAndRanges() {
        byte[] bytes = ("Tải xuống " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        JsonNode r = Http.upload(url("/api/v1/resources"), uploader, Map.of("Bài đọc.txt", bytes), null).json();
        String content = url("/api/v1/resources/" + r.get("id").asLong() + "/files/"
                + r.get("files").get(0).get("id").asLong() + "/content");

        Http.Response full = Http.get(content);
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.body()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        assertThat(full.header("Content-Type")).startsWith("text/plain");
        assertThat(full.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(full.header("Content-Disposition")).startsWith("inline").contains("filename*=UTF-8''");
        assertThat(full.header("ETag")).contains(r.get("files").get(0).get("sha256").asString());

        Http.Response part = Http.get(content, "Range", "bytes=0-4");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.body()).isEqualTo("Tải");

        assertThat(Http.get(content, "If-None-Match", full.header("ETag")).status()).isEqualTo(304);
    }

    @Test
    void htmlUploadsAreNeverServedAsPagesOfTheSite() {
        byte[] html = ("<html><body><script>alert(document.cookie)</script>" + UUID.randomUUID() + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        JsonNode r = Http.upload(url("/api/v1/resources"), uploader, Map.of("trang.html", html), null).json();
        Http.Response served = Http.get(url("/api/v1/resources/" + r.get("id").asLong() + "/files/"
                + r.get("files").get(0).get("id").asLong() + "/content"));
        assertThat(served.header("Content-Disposition")).startsWith("attachment");
        assertThat(served.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(served.header("Content-Security-Policy")).contains("sandbox");
    }

    private long lastUploaded;

    private JsonNode uploadAndAwait(String name, byte[] bytes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(name, bytes);
        Http.Response created = Http.upload(url("/api/v1/resources"), uploader, files, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        lastUploaded = id;
        await(() -> !Http.get(url("/api/v1/resources/" + id), "Authorization", uploader).json().get("files").get(0)
                .get("extraction").get("status").asString().equals("PENDING"), Duration.ofSeconds(90),
                "extraction of " + name + " did not finish");
        return Http.get(url("/api/v1/resources/" + id), "Authorization", uploader).json().get("files").get(0);
    }

    private static byte[] encryptedPdfFree() throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.getDocumentInformation().setTitle("Xem trước " + UUID.randomUUID());
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] encryptedPdf() {
        return HostileCorpus.encryptedPdf(UUID.randomUUID().toString());
    }
}
