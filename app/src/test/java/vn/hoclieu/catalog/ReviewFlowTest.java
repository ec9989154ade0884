package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/**
 * A teacher's submission over the API, from upload to publication and back: who sees it at each
 * step (API, search, file, OAI-PMH), who may decide, which decisions each status allows, and the
 * history that records it all.
 */
@Tag(TestGroups.POSTGRES)
class ReviewFlowTest extends IntegrationTest {

    private String teacher;
    private String librarian;
    private String otherLibrarian;
    private String admin;

    @BeforeEach
    void accounts() {
        teacher = Http.basic(account("review-teacher", Role.TEACHER, "HN-THPT-BDM"), PASSWORD);
        librarian = Http.basic(account("review-librarian", Role.LIBRARIAN, "HN-THPT-BDM"), PASSWORD);
        otherLibrarian = Http.basic(account("review-other-librarian", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        admin = Http.basic("admin", PASSWORD);
    }

    @Test
    void aTeachersSubmissionIsHiddenUntilItsLibrarianApprovesIt() {
        String title = "Bài giảng chờ duyệt " + word();
        long id = Uploads.resource(title).visibility("PUBLIC").by(teacher).to(url("")).id();
        assertThat(get(teacher, id).get("status").asString()).isEqualTo("PENDING");

        // hidden from everyone but the uploader and the library's staff
        assertThat(Http.get(url("/api/v1/resources/" + id)).status()).isEqualTo(404);
        assertThat(Http.get(url("/api/v1/resources/" + id + "/files/" + fileId(teacher, id) + "/content")).status())
                .isEqualTo(404);
        assertThat(hits(null, title)).isZero();
        assertThat(hits(teacher, title)).isEqualTo(1);
        assertThat(hits(librarian, title)).isEqualTo(1);
        assertThat(hits(otherLibrarian, title)).isZero();
        assertThat(Http.get(url("/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:hoclieu.local:" + id)).body())
                .contains("idDoesNotExist");
        assertThat(Http.get(url("/api/v1/resources/" + id), "Authorization", otherLibrarian).status()).isEqualTo(404);

        // neither another library's librarian nor the teacher may decide
        assertThat(post(otherLibrarian, id, "approve").status()).isEqualTo(404);
        assertThat(post(teacher, id, "approve").status()).isEqualTo(403);

        Http.Response approved = post(librarian, id, "approve");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(hits(null, title)).isEqualTo(1);
        assertThat(Http.get(url("/api/v1/resources/" + id)).status()).isEqualTo(200);
    }

    @Test
    void withdrawRestoreAndEditTakeEffectInSearchAndAreRecordedInOrder() {
        String title = "Tài liệu vòng đời " + word();
        long id = Uploads.resource(title).visibility("PUBLIC").by(teacher).to(url("")).id();
        assertThat(post(librarian, id, "approve").status()).isEqualTo(200);

        assertThat(post(librarian, id, "withdraw").json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(hits(null, title)).isZero();
        assertThat(Http.get(url("/api/v1/resources/" + id)).status()).isEqualTo(404);

        assertThat(post(admin, id, "restore").json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(hits(null, title)).isEqualTo(1);

        String newTitle = "Nhan đề đã sửa " + word();
        Http.Response edited = Http.json("PATCH", url("/api/v1/resources/" + id), librarian,
                "{\"title\":\"" + newTitle + "\",\"subjects\":[\"Ngữ văn\"],\"visibility\":\"NETWORK\"}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("title").asString()).isEqualTo(newTitle);
        assertThat(edited.json().get("subjects").get(0).asString()).isEqualTo("Ngữ văn");
        assertThat(hits(teacher, newTitle)).isEqualTo(1);
        assertThat(hits(teacher, title)).isZero();
        assertThat(hits(null, newTitle)).as("now for the network's members only").isZero();

        Http.Response history = Http.get(url("/api/v1/resources/" + id + "/history"), "Authorization", librarian);
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        List<String> lines = history.json().valueStream()
                .map(h -> h.get("action").asString() + " " + h.get("actor").asString()).toList();
        assertThat(lines).containsExactly("UPLOADED review-teacher", "APPROVED review-librarian",
                "WITHDRAWN review-librarian", "RESTORED admin", "EDITED review-librarian");
        assertThat(history.json().get(4).get("details").asString())
                .contains("title", "subjects", "visibility (PUBLIC → NETWORK)");
    }

    @Test
    void aRejectionNeedsAReasonWhichTheTeacherThenReads() {
        long id = Uploads.resource("Bài nộp bị từ chối " + word()).visibility("PUBLIC").by(teacher).to(url("")).id();

        Http.Response noReason = Http.json("POST", url("/api/v1/resources/" + id + "/reject"), librarian, "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.header("Content-Type")).startsWith("application/problem+json");
        assertThat(noReason.json().get("detail").asString()).contains("lý do");

        Http.Response rejected = Http.json("POST", url("/api/v1/resources/" + id + "/reject"), librarian,
                "{\"reason\":\"Thiếu nguồn trích dẫn ở trang 3\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

        JsonNode seen = get(teacher, id);
        assertThat(seen.get("status").asString()).isEqualTo("REJECTED");
        assertThat(seen.get("rejectionReason").asString()).isEqualTo("Thiếu nguồn trích dẫn ở trang 3");
        JsonNode mine = Http.get(url("/api/v1/review/submissions"), "Authorization", teacher).json();
        assertThat(mine.valueStream().filter(i -> i.get("id").asLong() == id).findFirst().orElseThrow()
                .get("rejectionReason").asString()).isEqualTo("Thiếu nguồn trích dẫn ở trang 3");
        assertThat(Http.get(url("/api/v1/resources/" + id)).status()).isEqualTo(404);
        assertThat(Http.get(url("/api/v1/resources/" + id + "/history"), "Authorization", librarian).json().get(1)
                .get("details").asString()).isEqualTo("Thiếu nguồn trích dẫn ở trang 3");
    }

    @Test
    void impossibleTransitionsAreConflictsInTheCallersLanguage() {
        long id = Uploads.resource("Chuyển trạng thái không hợp lệ " + word()).visibility("PUBLIC").by(teacher)
                .to(url("")).id();
        assertThat(post(librarian, id, "restore").status()).isEqualTo(409);
        assertThat(post(librarian, id, "withdraw").status()).isEqualTo(409);
        assertThat(post(librarian, id, "approve").status()).isEqualTo(200);
        Http.Response again = post(librarian, id, "approve");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("PUBLISHED");
        assertThat(Http.json("POST", url("/api/v1/resources/" + id + "/reject"), librarian, "{\"reason\":\"muộn\"}")
                .status()).isEqualTo(409);
        assertThat(post(librarian, id, "withdraw").status()).isEqualTo(200);
        Http.Response approveWithdrawn = Http.json("POST", url("/api/v1/resources/" + id + "/approve"), librarian, null);
        assertThat(approveWithdrawn.status()).isEqualTo(409);
        assertThat(Http.get(url("/api/v1/resources/" + id + "/history"), "Authorization", librarian).json().size())
                .as("refused decisions leave no trace").isEqualTo(3);
    }

    @Test
    void onlyTheLibrarysStaffMayActOrReadTheHistory() {
        long id = Uploads.resource("Quyền trên tài liệu " + word()).visibility("PUBLIC").by(teacher).to(url("")).id();
        String path = "/api/v1/resources/" + id;
        assertThat(Http.get(url(path + "/history")).status()).isEqualTo(401);
        assertThat(Http.get(url(path + "/history"), "Authorization", teacher).status()).isEqualTo(403);
        assertThat(Http.get(url(path + "/history"), "Authorization", otherLibrarian).status()).isEqualTo(404);
        assertThat(Http.json("PATCH", url(path), teacher, "{\"title\":\"Tự sửa\"}").status()).isEqualTo(403);
        assertThat(Http.json("PATCH", url(path), otherLibrarian, "{\"title\":\"Sửa hộ\"}").status()).isEqualTo(404);
        assertThat(Http.json("PATCH", url(path), null, "{\"title\":\"Vô danh\"}").status()).isEqualTo(401);
        assertThat(Http.json("POST", url(path + "/approve"), null, null).status()).isEqualTo(401);

        assertThat(post(librarian, id, "approve").status()).isEqualTo(200);
        // once public, another library's librarian sees it but still may not act on it
        assertThat(post(otherLibrarian, id, "withdraw").status()).isEqualTo(403);
        assertThat(Http.json("PATCH", url(path), otherLibrarian, "{\"title\":\"Sửa hộ\"}").status()).isEqualTo(403);
        Http.Response blankTitle = Http.json("PATCH", url(path), librarian, "{\"title\":\"  \"}");
        assertThat(blankTitle.status()).isEqualTo(400);
        Http.Response badType = Http.json("PATCH", url(path), librarian, "{\"materialType\":\"SCROLL\"}");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(Http.json("PATCH", url(path), librarian, "{\"library\":\"HN-TVHN\"}").status()).isEqualTo(400);
    }

    @Test
    void theQueueListsTheLibrarysPendingSubmissionsOldestFirst() {
        long first = Uploads.resource("Hàng chờ thứ nhất " + word()).visibility("PUBLIC").by(teacher).to(url("")).id();
        long second = Uploads.resource("Hàng chờ thứ hai " + word()).visibility("PUBLIC").by(teacher).to(url("")).id();

        List<Long> queue = ids(Http.get(url("/api/v1/review?status=PENDING"), "Authorization", librarian));
        assertThat(queue).contains(first, second);
        assertThat(queue.indexOf(first)).isLessThan(queue.indexOf(second));
        assertThat(ids(Http.get(url("/api/v1/review"), "Authorization", otherLibrarian))).doesNotContain(first, second);
        assertThat(ids(Http.get(url("/api/v1/review"), "Authorization", admin))).contains(first, second);
        assertThat(Http.get(url("/api/v1/review"), "Authorization", teacher).status()).isEqualTo(403);
        assertThat(Http.get(url("/api/v1/review")).status()).isEqualTo(401);
        assertThat(Http.get(url("/api/v1/review?status=LOST"), "Authorization", librarian).status()).isEqualTo(400);

        assertThat(post(librarian, first, "approve").status()).isEqualTo(200);
        assertThat(ids(Http.get(url("/api/v1/review"), "Authorization", librarian))).doesNotContain(first)
                .contains(second);
        assertThat(ids(Http.get(url("/api/v1/review?status=PUBLISHED"), "Authorization", librarian))).contains(first);
    }

    @Test
    void uploadsByLibrariansAndAdministratorsArePublishedAtOnce() {
        String byAdmin = "Tải lên bởi quản trị " + word();
        long a = Uploads.resource(byAdmin).visibility("PUBLIC").by(admin).to(url("")).id();
        assertThat(Http.get(url("/api/v1/resources/" + a)).json().get("status").asString()).isEqualTo("PUBLISHED");
        // an upload is searchable within seconds (its text is still being read)
        await(() -> hits(null, byAdmin) == 1, Duration.ofSeconds(30), "the admin's upload is never found");
        long l = Uploads.resource("Tải lên bởi thủ thư " + word()).visibility("PUBLIC").by(librarian).to(url("")).id();
        assertThat(Http.get(url("/api/v1/resources/" + l)).json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(Http.get(url("/api/v1/resources/" + a + "/history"), "Authorization", admin).json().get(0)
                .get("details").asString()).isEqualTo("PUBLISHED");
    }

    private JsonNode get(String authorization, long id) {
        Http.Response r = Http.get(url("/api/v1/resources/" + id), "Authorization", authorization);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private long fileId(String authorization, long id) {
        return get(authorization, id).get("files").get(0).get("id").asLong();
    }

    private Http.Response post(String authorization, long id, String action) {
        return Http.json("POST", url("/api/v1/resources/" + id + "/" + action), authorization, null);
    }

    private long hits(String authorization, String title) {
        String u = url("/api/v1/search?q=" + Http.q("\"" + title + "\""));
        Http.Response r = authorization == null ? Http.get(u) : Http.get(u, "Authorization", authorization);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("total").asLong();
    }

    private static List<Long> ids(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().valueStream().map(i -> i.get("id").asLong()).toList();
    }

    /** A word no other resource holds, so that a search finds only this test's material. */
    static String word() {
        StringBuilder b = new StringBuilder();
        UUID.randomUUID().toString().chars().filter(Character::isLetterOrDigit)
                .forEach(c -> b.append((char) ('a' + Math.floorMod(c, 26))));
        return b.substring(0, 10);
    }
}
