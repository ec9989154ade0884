package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/** The review pages as a browser without JavaScript uses them: forms with CSRF, redirects after POST. */
class ReviewPagesTest extends IntegrationTest {

    @Test
    void aLibrarianRejectsFromTheQueueAndTheTeacherReadsTheReason() throws Exception {
        String title = "Trang duyệt từ chối " + ReviewFlowTest.word();
        long id = Uploads.resource(title).by(uploader()).to(url("")).id();
        Browser librarian = signedIn("review-pages-librarian", Role.LIBRARIAN);

        HttpResponse<String> queue = librarian.get("/review");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains(title).contains("Duyệt và xuất bản").contains("Lý do từ chối");

        // without a reason: back to the queue, which says a reason is needed; nothing changed
        HttpResponse<String> noReason = librarian.postForm("/resources/" + id + "/reject", Browser.csrf(queue.body()),
                "next", "review", "reason", " ");
        assertThat(noReason.statusCode()).isEqualTo(302);
        assertThat(noReason.headers().firstValue("Location").orElseThrow()).endsWith("/review");
        assertThat(librarian.get("/review").body()).contains("Hãy ghi lý do từ chối").contains(title);

        HttpResponse<String> rejected = librarian.postForm("/resources/" + id + "/reject",
                Browser.csrf(librarian.get("/review").body()), "next", "review", "reason", "Ảnh bìa sai bản quyền");
        assertThat(rejected.statusCode()).isEqualTo(302);
        assertThat(rejected.headers().firstValue("Location").orElseThrow()).endsWith("/review?rejected");
        assertThat(librarian.get("/review?rejected").body()).doesNotContain(title).contains("Đã từ chối");

        Browser teacher = signedIn("review-pages-teacher", Role.TEACHER);
        String mine = teacher.get("/my/submissions").body();
        assertThat(mine).contains(title).contains("Bị từ chối").contains("Ảnh bìa sai bản quyền");
        String page = teacher.get("/resources/" + id).body();
        assertThat(page).contains("Lý do từ chối: Ảnh bìa sai bản quyền").doesNotContain("Lịch sử");
    }

    @Test
    void aLibrarianApprovesEditsAndReadsTheHistoryOnTheResourcePage() throws Exception {
        long id = Uploads.resource("Trang duyệt chấp nhận " + ReviewFlowTest.word()).by(uploader()).to(url("")).id();
        Browser librarian = signedIn("review-pages-librarian", Role.LIBRARIAN);

        String page = librarian.get("/resources/" + id).body();
        assertThat(page).contains("Chờ duyệt").contains("Lịch sử").contains("review-pages-teacher");
        HttpResponse<String> approved = librarian.postForm("/resources/" + id + "/approve", Browser.csrf(page));
        assertThat(approved.headers().firstValue("Location").orElseThrow()).endsWith("/resources/" + id + "?approved");
        assertThat(Http.get(url("/resources/" + id)).status()).isEqualTo(200);

        HttpResponse<String> form = librarian.get("/resources/" + id + "/edit");
        assertThat(form.statusCode()).isEqualTo(200);
        String newTitle = "Nhan đề sửa trên trang " + ReviewFlowTest.word();
        HttpResponse<String> saved = librarian.postForm("/resources/" + id + "/edit", Browser.csrf(form.body()),
                "title", newTitle, "creators", "Cô Lan; Thầy Minh", "description", "", "subjects", "Lịch sử",
                "audience", "Lớp 11", "language", "vi", "materialType", "WORKSHEET", "licence", "CC-BY-4.0",
                "visibility", "PUBLIC", "publisher", "", "date", "2024-09");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("?edited");
        assertThat(Http.get(url("/api/v1/search?q=" + Http.q("\"" + newTitle + "\""))).json().get("total").asLong())
                .isEqualTo(1);
        String after = librarian.get("/resources/" + id + "?edited").body();
        assertThat(after).contains(newTitle).contains("Đã lưu mô tả mới").contains("sửa mô tả")
                .contains("Rút khỏi lưu hành");

        HttpResponse<String> bad = librarian.postForm("/resources/" + id + "/edit",
                Browser.csrf(librarian.get("/resources/" + id + "/edit").body()), "title", newTitle,
                "materialType", "WORKSHEET", "visibility", "PUBLIC", "date", "hôm qua");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("hôm qua").contains("không hợp lệ");
    }

    @Test
    void othersSeeNeitherTheQueueNorTheActions() throws Exception {
        long id = Uploads.resource("Trang không được duyệt " + ReviewFlowTest.word()).by(uploader())
                .to(url("")).id();
        Browser teacher = signedIn("review-pages-teacher", Role.TEACHER);
        assertThat(teacher.get("/review").statusCode()).isEqualTo(403);
        String page = teacher.get("/resources/" + id).body();
        assertThat(page).contains("Chờ duyệt").doesNotContain("Duyệt và xuất bản");
        assertThat(teacher.get("/resources/" + id + "/edit").statusCode()).isEqualTo(403);
        assertThat(teacher.postForm("/resources/" + id + "/approve", Browser.csrf(page)).statusCode()).isEqualTo(403);

        Browser stranger = signedIn("review-pages-stranger", Role.LIBRARIAN, "HN-TVHN");
        assertThat(stranger.get("/resources/" + id + "/edit").statusCode()).isEqualTo(404);
        assertThat(stranger.get("/review").body()).doesNotContain("Trang không được duyệt");

        Http.Response anonymous = Http.get(url("/review"));
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(Http.postForm(url("/resources/" + id + "/approve"), null).status()).isEqualTo(403);
    }

    /** The teacher whose uploads wait for review. */
    private String uploader() {
        return Http.basic(account("review-pages-teacher", Role.TEACHER, "HN-THPT-BDM"), PASSWORD);
    }

    private Browser signedIn(String username, Role role) throws Exception {
        return signedIn(username, role, "HN-THPT-BDM");
    }

    private Browser signedIn(String username, Role role, String library) throws Exception {
        account(username, role, library);
        Browser browser = new Browser(url(""));
        assertThat(browser.signIn(username, PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }
}
