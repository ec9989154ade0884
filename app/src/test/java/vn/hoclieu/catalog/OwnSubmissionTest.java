package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.HostileCorpus;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Multipart;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;
import vn.hoclieu.storage.BlobStore;

/**
 * A teacher replaces the file of, or withdraws, their own submission while it waits for review — on the
 * API and with the resource page's buttons — and nobody else can: another teacher does not see it, the
 * library's librarians review it (and may not swap what was submitted), and once it is reviewed the
 * uploader can no longer change it.
 */
class OwnSubmissionTest extends IntegrationTest {

    private static final String LIBRARY = "HN-THPT-BDM";

    @Autowired
    BlobStore blobs;

    private String teacher;
    private String otherTeacher;
    private String librarian;

    @BeforeEach
    void people() {
        teacher = Http.basic(account("gv-tu-sua", Role.TEACHER, LIBRARY), PASSWORD);
        otherTeacher = Http.basic(account("gv-khac-tu-sua", Role.TEACHER, LIBRARY), PASSWORD);
        librarian = Http.basic(account("tt-tu-sua", Role.LIBRARIAN, LIBRARY), PASSWORD);
    }

    @Test
    void theUploaderReplacesAPendingFileWhichIsReadAgainAndTheOldBytesAreGone() {
        String word = word();
        Uploads.Created created = Uploads.resource("Bài nộp " + word).file("ban-nhap.txt", "Bản nháp " + word)
                .by(teacher).to(url(""));
        long id = created.id();
        String oldSha = created.json().get("files").get(0).get("sha256").asString();
        awaitIngestIdle();

        String replacement = "Bản đúng " + word + " thaythe";
        Http.Response replaced = replace(teacher, id, created.fileId(), "ban-dung.txt",
                replacement.getBytes(StandardCharsets.UTF_8));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        JsonNode file = replaced.json().get("files").get(0);
        assertThat(file.get("id").asLong()).isEqualTo(created.fileId());
        assertThat(file.get("name").asString()).isEqualTo("ban-dung.txt");
        assertThat(file.get("extraction").get("status").asString()).isEqualTo("PENDING");
        assertThat(blobs.exists(oldSha)).as("the replaced bytes are removed").isFalse();

        awaitIngestIdle();
        JsonNode read = Http.get(url("/api/v1/resources/" + id), "Authorization", teacher).json().get("files").get(0);
        assertThat(read.get("extraction").get("status").asString()).isEqualTo("OK");
        assertThat(Http.get(url("/api/v1/resources/" + id + "/search?q=thaythe"), "Authorization", teacher).json()
                .get("total").asInt()).isPositive();
        JsonNode history = Http.get(url("/api/v1/resources/" + id + "/history"), "Authorization", librarian).json();
        assertThat(history.toString()).contains("FILE_REPLACED").contains("ban-nhap.txt → ban-dung.txt");
    }

    @Test
    void onlyTheUploaderWhileItIsPendingAndTheNewBytesAreJudgedLikeAnUpload() {
        Uploads.Created created = Uploads.resource("Bài chờ " + word()).by(teacher).to(url(""));
        long id = created.id();
        long fileId = created.fileId();
        byte[] other = ("Khác " + word()).getBytes(StandardCharsets.UTF_8);

        assertThat(replace(null, id, fileId, "a.txt", other).status()).isEqualTo(401);
        assertThat(replace(otherTeacher, id, fileId, "a.txt", other).status()).as("hidden from them").isEqualTo(404);
        assertThat(replace(librarian, id, fileId, "a.txt", other).status()).as("staff review, never swap").isEqualTo(403);
        assertThat(withdraw(otherTeacher, id).status()).isEqualTo(404);
        assertThat(replace(teacher, id, 999_999_999L, "a.txt", other).status()).isEqualTo(404);

        Http.Response program = replace(teacher, id, fileId, "ban-dung.pdf", HostileCorpus.pe(word()));
        assertThat(program.status()).as(program.body()).isEqualTo(415);
        assertThat(Http.get(url("/api/v1/resources/" + id), "Authorization", teacher).json().get("files").get(0)
                .get("name").asString()).as("unchanged").isEqualTo(created.json().get("files").get(0).get("name").asString());

        assertThat(Http.json("POST", url("/api/v1/resources/" + id + "/approve"), librarian, null).status()).isEqualTo(200);
        Http.Response late = replace(teacher, id, fileId, "a.txt", other);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("không còn chờ duyệt");
        assertThat(withdraw(teacher, id).status()).isEqualTo(409);
    }

    @Test
    void theUploaderWithdrawsTheirPendingSubmission() {
        String title = "Bài rút lại " + word();
        long id = Uploads.resource(title).by(teacher).to(url("")).id();
        Http.Response withdrawn = withdraw(teacher, id);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(Http.get(url("/api/v1/review?status=PENDING"), "Authorization", librarian).body()).doesNotContain(title);
        assertThat(Http.get(url("/api/v1/resources/" + id + "/history"), "Authorization", librarian).json().toString())
                .contains("WITHDRAWN").contains("gv-tu-sua");
        // staff withdraw only what is published, as before
        long pending = Uploads.resource("Bài khác " + word()).by(teacher).to(url("")).id();
        assertThat(withdraw(librarian, pending).status()).isEqualTo(409);
    }

    @Test
    void theResourcePageOffersTheUploaderTheButtonsAndTheyWork() throws Exception {
        long id = Uploads.resource("Bài trên trang " + word()).file("nhap.txt", "Nháp " + word()).by(teacher)
                .to(url("")).id();
        long fileId = Http.get(url("/api/v1/resources/" + id), "Authorization", teacher).json().get("files").get(0)
                .get("id").asLong();
        Browser browser = new Browser(url(""));
        browser.signIn("gv-tu-sua", PASSWORD);
        String page = browser.get("/resources/" + id).body();
        assertThat(page).contains("Bài bạn gửi", "Thay tệp “nhap.txt”", "Rút bài lại")
                .contains("/resources/" + id + "/files/" + fileId + "/replace");

        Multipart form = new Multipart().field("_csrf", Browser.csrf(page))
                .file("file", "sach.txt", "text/plain", ("Bản sạch " + word()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> replaced = browser.postMultipart("/resources/" + id + "/files/" + fileId + "/replace",
                form.boundary(), form.bytes());
        assertThat(replaced.statusCode()).isEqualTo(302);
        assertThat(replaced.headers().firstValue("Location").orElse("")).endsWith("/resources/" + id + "?replaced");
        assertThat(browser.get("/resources/" + id + "?replaced").body()).contains("Đã thay tệp", "sach.txt");

        Multipart refused = new Multipart().field("_csrf", Browser.csrf(page))
                .file("file", "sach.pdf", "application/pdf", HostileCorpus.pe(word()));
        HttpResponse<String> program = browser.postMultipart("/resources/" + id + "/files/" + fileId + "/replace",
                refused.boundary(), refused.bytes());
        assertThat(program.statusCode()).isEqualTo(302);
        assertThat(browser.get("/resources/" + id).body()).contains("Không nhận “sach.pdf”: đây là tệp chương trình");

        Browser staff = new Browser(url(""));
        staff.signIn("tt-tu-sua", PASSWORD);
        assertThat(staff.get("/resources/" + id).body()).doesNotContain("Rút bài lại").doesNotContain("/replace");

        HttpResponse<String> withdrawn = browser.postForm("/resources/" + id + "/withdraw", Browser.csrf(page));
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        String after = browser.get("/resources/" + id + "?withdrawn").body();
        assertThat(after).contains("Đã rút").doesNotContain("Rút bài lại");
    }

    private Http.Response replace(String auth, long id, long fileId, String name, byte[] bytes) {
        return Http.upload(url("/api/v1/resources/" + id + "/files/" + fileId + "/replace"), auth, Map.of(name, bytes),
                null);
    }

    private Http.Response withdraw(String auth, long id) {
        return Http.json("POST", url("/api/v1/resources/" + id + "/withdraw"), auth, null);
    }

    private static String word() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
