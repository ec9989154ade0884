package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Multipart;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/**
 * The upload page beyond the plain form: several materials at once, the endpoint the page's
 * script sends each one to, the confirmation page filled from extraction, duplicate and
 * near-duplicate warnings. (The script itself runs in {@code BrowserJourneysTest}.)
 */
class UploadPageTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Browser teacher() throws Exception {
        account("teacher-upload-page", Role.TEACHER, "HN-TVHN");
        Browser browser = new Browser(url(""));
        browser.signIn("teacher-upload-page", PASSWORD);
        return browser;
    }

    private static String unique() {
        return "up" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void subtitlesJoinTheRecordingTheyAreNamedFor() {
        List<List<MultipartFile>> groups = UploadController.materials(List.of(file("bai-1.mp4"), file("bai-10.mp4"),
                file("bai-10.vi.vtt"), file("bai-1.vtt"), file("lone.srt"), file("sach.pdf")));
        assertThat(groups).extracting(g -> g.stream().map(MultipartFile::getOriginalFilename).toList())
                .containsExactly(List.of("bai-1.mp4", "bai-1.vtt"), List.of("bai-10.mp4", "bai-10.vi.vtt"),
                        List.of("sach.pdf"), List.of("lone.srt"));
    }

    private static MultipartFile file(String name) {
        return new MockMultipartFile("file", name, "application/octet-stream", new byte[] {1});
    }

    @Test
    void severalFilesBecomeSeveralMaterialsWithoutJavaScript() throws Exception {
        Browser browser = teacher();
        String word = unique();
        Multipart form = new Multipart().field("_csrf", Browser.csrf(browser.get("/upload").body()))
                .field("separate", "true").field("visibility", "PUBLIC")
                .file("file", "bai-a.txt", "text/plain", ("Bài A về nước sạch " + word).getBytes(StandardCharsets.UTF_8))
                .file("file", "bai-b.txt", "text/plain", ("Bài B về rừng " + word).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> posted = browser.postMultipart("/upload", form.boundary(), form.bytes());

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(posted.body()).contains("bai-a.txt").contains("bai-b.txt").contains("Kiểm tra mô tả");
        List<String> describe = Pattern.compile("href=\"(/upload/\\d+)\"").matcher(posted.body())
                .results().map(m -> m.group(1)).toList();
        assertThat(describe).hasSize(2).doesNotHaveDuplicates();
        for (String page : describe) {
            assertThat(browser.get(page).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theScriptsEndpointAnswersJsonAndPointsToTheExistingCopyOfADuplicate() throws Exception {
        Browser browser = teacher();
        String csrf = Browser.csrf(browser.get("/upload").body());
        byte[] bytes = ("Phiếu bài tập về phân số " + unique()).getBytes(StandardCharsets.UTF_8);
        Multipart first = new Multipart().field("_csrf", csrf).field("title", "Phân số lớp 4")
                .file("file", "phan-so.txt", "text/plain", bytes);
        HttpResponse<String> created = browser.postMultipart("/upload/files", first.boundary(), first.bytes());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        long id = body.get("id").asLong();
        assertThat(body.get("describe").asString()).isEqualTo("/upload/" + id);
        assertThat(body.get("title").asString()).isEqualTo("Phân số lớp 4");

        Multipart again = new Multipart().field("_csrf", csrf).file("file", "ban-sao.txt", "text/plain", bytes);
        HttpResponse<String> duplicate = browser.postMultipart("/upload/files", again.boundary(), again.bytes());
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(duplicate.body());
        assertThat(problem.get("detail").asString()).contains("đã có trong thư viện").contains("Phân số lớp 4");
        assertThat(problem.get("existing").asString()).isEqualTo("/resources/" + id);

        Multipart none = new Multipart().field("_csrf", csrf).field("title", "x");
        HttpResponse<String> empty = browser.postMultipart("/upload/files", none.boundary(), none.bytes());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).get("detail").asString()).contains("Hãy chọn ít nhất một tệp");

        // the session alone changes nothing: without the page's token the request is refused
        Multipart forged = new Multipart().file("file", "gia.txt", "text/plain", "giả mạo".getBytes(StandardCharsets.UTF_8));
        assertThat(browser.postMultipart("/upload/files", forged.boundary(), forged.bytes()).statusCode()).isEqualTo(403);
    }

    @Test
    void theUploaderConfirmsADescriptionFilledInFromTheFileUntilTheLibraryReviewsIt() throws Exception {
        Browser browser = teacher();
        String word = unique();
        String html = "<html><head><title>Nuoc sach cho moi nha " + word + "</title>"
                + "<meta name=\"keywords\" content=\"nước sạch, môi trường; Nước sạch\"></head><body>"
                + "<p>Bai hoc nay giai thich vi sao can dun soi nuoc truoc khi uong. Hoc sinh lam thi nghiem loc nuoc"
                + " bang cat va soi.</p></body></html>";
        Multipart form = new Multipart().field("_csrf", Browser.csrf(browser.get("/upload").body()))
                .file("file", "nuoc-sach.html", "text/html", html.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> posted = browser.postMultipart("/upload", form.boundary(), form.bytes());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String page = posted.headers().firstValue("Location").orElseThrow().replace(url(""), "").replace("?uploaded", "");
        long id = Long.parseLong(page.substring("/upload/".length()));
        awaitIngestIdle();

        JsonNode status = JSON.readTree(browser.get(page + "/status").body());
        assertThat(status.get("done").asBoolean()).isTrue();
        assertThat(status.get("title").asString()).isEqualTo("Nuoc sach cho moi nha " + word);
        assertThat(status.get("description").asString())
                .contains("Bai hoc nay giai thich vi sao can dun soi nuoc truoc khi uong. Hoc sinh lam thi nghiem loc"
                        + " nuoc bang cat va soi.");
        assertThat(status.get("subjects").asString()).as("the page's keywords, once each").isEqualTo("nước sạch; môi trường");
        assertThat(status.get("files").get(0).get("state").asString()).isEqualTo("OK");
        String confirm = browser.get(page).body();
        assertThat(confirm).contains("value=\"Nuoc sach cho moi nha " + word + "\"")
                .contains("Bai hoc nay giai thich vi sao").contains("data-done=\"true\"");

        HttpResponse<String> saved = browser.postForm(page, Browser.csrf(confirm), "title", "Nước sạch cho mọi nhà",
                "creators", "Cô Lan", "description", "Vì sao phải đun sôi nước", "language", "vi",
                "subjects", "Khoa học; Môi trường", "audience", "Lớp 5");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/resources/" + id + "?edited");
        JsonNode resource = Http.get(url("/api/v1/resources/" + id), "Authorization",
                Http.basic("teacher-upload-page", PASSWORD)).json();
        assertThat(resource.get("title").asString()).isEqualTo("Nước sạch cho mọi nhà");
        assertThat(resource.get("subjects").toString()).isEqualTo("[\"Khoa học\",\"Môi trường\"]");
        assertThat(resource.get("creators").toString()).isEqualTo("[\"Cô Lan\"]");
        assertThat(resource.get("licence").asString()).as("left as chosen on the upload page").isEqualTo("CC-BY-4.0");

        // once the library has approved it, corrections are the library's
        String librarian = account("librarian-upload-page", Role.LIBRARIAN, "HN-TVHN");
        assertThat(Http.json("POST", url("/api/v1/resources/" + id + "/approve"), Http.basic(librarian, PASSWORD), "")
                .status()).isEqualTo(200);
        assertThat(browser.get(page).statusCode()).isEqualTo(403);
        assertThat(browser.postForm(page, Browser.csrf(browser.get("/upload").body()), "title", "Đổi sau khi duyệt")
                .statusCode()).isEqualTo(403);
        // and nobody else's upload can be confirmed by a teacher
        account("teacher-upload-page-other", Role.TEACHER, "HN-TVHN");
        Browser other = new Browser(url(""));
        other.signIn("teacher-upload-page-other", PASSWORD);
        assertThat(other.get(page + "/status").statusCode()).isIn(403, 404);
    }

    @Test
    void aNearDuplicateOfAnEarlierMaterialIsPointedOutWithALink() throws Exception {
        String librarian = account("librarian-upload-page", Role.LIBRARIAN, "HN-TVHN");
        String word = unique();
        String text = ("Thư viện trường em mở cửa mỗi buổi chiều để học sinh đến đọc sách báo và mượn truyện. "
                + "Cô thủ thư hướng dẫn cách tìm sách theo chủ đề, cách giữ gìn sách và ghi sổ mượn trả đúng hạn. "
                + "Mỗi tháng lớp em chọn một cuốn sách hay để cùng đọc và kể lại cho các bạn nghe. " + word + " ")
                .repeat(2);
        long earlierId = Uploads.resource("Thư viện trường em " + word).file("thu-vien-truong.txt", text)
                .by(Http.basic(librarian, PASSWORD)).to(url("")).id();
        awaitIngestIdle();

        Browser browser = teacher();
        Multipart form = new Multipart().field("_csrf", Browser.csrf(browser.get("/upload").body()))
                .file("file", "thu-vien-lop.txt", "text/plain",
                        text.replace("buổi chiều", "buổi sáng").getBytes(StandardCharsets.UTF_8));
        String page = browser.postMultipart("/upload", form.boundary(), form.bytes()).headers()
                .firstValue("Location").orElseThrow().replace(url(""), "").replace("?uploaded", "");
        awaitIngestIdle();

        JsonNode similar = JSON.readTree(browser.get(page + "/status").body()).get("similar");
        assertThat(similar).hasSize(1);
        assertThat(similar.get(0).get("id").asLong()).isEqualTo(earlierId);
        assertThat(similar.get(0).get("percent").asInt()).isBetween(75, 100);
        assertThat(browser.get(page).body()).contains("Nội dung gần giống")
                .contains("href=\"/resources/" + earlierId + "\"");
    }
}
