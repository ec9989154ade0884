package vn.hoclieu.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;
import vn.hoclieu.search.Made;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/** Who may share, with whom, and the resource page's "Chia sẻ" section (forms with CSRF tokens). */
@Tag(TestGroups.POSTGRES)
class SharingTest extends IntegrationTest {

    private static final String A = "HN-TVHN", B = "HN-THPT-BDM";

    private long upload(String teacher) {
        long id = Uploads.resource().visibility("LIBRARY").library(A).by(teacher).to(url("")).id();
        // a teacher's upload waits for review: the library's librarian approves it
        String librarianA = Http.basic(account("sh-librarian-a", Role.LIBRARIAN, A), PASSWORD);
        assertThat(Http.json("POST", url("/api/v1/resources/" + id + "/approve"), librarianA, null).status())
                .isEqualTo(200);
        return id;
    }

    @Test
    void librariansAndTheUploaderShareAndUnshareOthersMayNot() {
        String teacher = Http.basic(account("sh-teacher-a", Role.TEACHER, A), PASSWORD);
        String otherTeacher = Http.basic(account("sh-teacher-a2", Role.TEACHER, A), PASSWORD);
        String librarianB = Http.basic(account("sh-librarian-b", Role.LIBRARIAN, B), PASSWORD);
        long id = upload(teacher);
        String shares = url("/api/v1/resources/" + id + "/shares");

        Http.Response byUploader = Http.json("POST", shares, teacher, "{\"library\":\"" + B + "\"}");
        assertThat(byUploader.status()).as(byUploader.body()).isEqualTo(200);
        assertThat(byUploader.json().get("sharedWith").toString()).contains(B);
        // B's librarian now sees it, but it is not theirs to share onwards
        assertThat(Http.json("POST", shares, librarianB, "{\"library\":\"HN-GDTX-CG\"}").status()).isEqualTo(403);
        assertThat(Http.json("POST", shares, otherTeacher, "{\"library\":\"" + B + "\"}").status()).isEqualTo(403);
        assertThat(Http.json("POST", shares, teacher, "{\"library\":\"" + A + "\"}").status()).isEqualTo(400);
        assertThat(Http.json("POST", shares, teacher, "{\"library\":\"NO-SUCH\"}").status()).isEqualTo(400);
        assertThat(Http.json("POST", shares, null, "{\"library\":\"" + B + "\"}").status()).isEqualTo(401);

        assertThat(Http.json("DELETE", shares + "/" + B, teacher, null).json().get("sharedWith")).isEmpty();
        assertThat(Http.get(url("/api/v1/resources/" + id), "Authorization", librarianB).status()).isEqualTo(404);
        assertThat(Http.json("DELETE", shares + "/" + B, librarianB, null).status()).isEqualTo(404);
    }

    @Test
    void linksNeedTheRightToShareAndAValidityWithinTheLimit() {
        String teacher = Http.basic(account("sh-teacher-a", Role.TEACHER, A), PASSWORD);
        String reader = Http.basic(account("sh-reader-a", Role.READER, A), PASSWORD);
        long id = upload(teacher);
        String links = url("/api/v1/resources/" + id + "/links");
        assertThat(Http.json("POST", links, teacher, "{\"days\":31}").status()).isEqualTo(400);
        assertThat(Http.json("POST", links, teacher, "{\"days\":0}").status()).isEqualTo(400);
        assertThat(Http.json("POST", links, teacher, "{\"days\":30}").status()).isEqualTo(201);
        assertThat(Http.get(links, "Authorization", reader).status()).isEqualTo(403);
        Http.Response list = Http.get(links, "Authorization", teacher);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).get("active").asBoolean()).isTrue();
        assertThat(list.body()).doesNotContain("/s/");
        assertThat(Http.get(url("/s/" + "x".repeat(43))).status()).isEqualTo(404);
    }

    @Test
    void theResourcePageOffersSharingToThoseAllowedWithCsrfProtectedForms() throws Exception {
        String teacher = Http.basic(account("sh-teacher-a", Role.TEACHER, A), PASSWORD);
        account("sh-librarian-a", Role.LIBRARIAN, A);
        long id = upload(teacher);
        Browser librarian = new Browser(url(""));
        librarian.signIn("sh-librarian-a", PASSWORD);
        String page = librarian.get("/resources/" + id).body();
        assertThat(page).contains("id=\"chia-se\"", "Tạo liên kết");
        String csrf = Browser.csrf(page);

        assertThat(librarian.postForm("/resources/" + id + "/shares", "not-the-token", "library", B).statusCode())
                .isEqualTo(403);
        HttpResponse<String> shared = librarian.postForm("/resources/" + id + "/shares", csrf, "library", B);
        assertThat(shared.statusCode()).isEqualTo(302);
        HttpResponse<String> linked = librarian.postForm("/resources/" + id + "/links", csrf, "days", "7");
        assertThat(linked.headers().firstValue("Location").orElse("")).endsWith("/resources/" + id + "#chia-se");
        String after = librarian.get("/resources/" + id).body();
        assertThat(after).containsPattern("/s/[A-Za-z0-9_-]{43}").contains("Thôi chia sẻ", "Thu hồi");

        Browser reader = new Browser(url(""));
        account("sh-reader-a", Role.READER, A);
        reader.signIn("sh-reader-a", PASSWORD);
        assertThat(reader.get("/resources/" + id).body()).doesNotContain("id=\"chia-se\"");
    }

    @Test
    void aLinkToAPrivateCollectionOpensItUntilRevokedAndOnlyItsOwnerMakesOne() throws Exception {
        String librarianA = Http.basic(account("sh-librarian-a", Role.LIBRARIAN, A), PASSWORD);
        String otherLibrarian = Http.basic(account("sh-librarian-b", Role.LIBRARIAN, B), PASSWORD);
        String title = "Danh sách đọc riêng " + Made.word();
        Http.Response made = Http.json("POST", url("/api/v1/collections"), librarianA,
                "{\"title\":\"" + title + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long collection = made.json().get("id").asLong();
        long item = Uploads.resource("Bài đọc công khai " + Made.word()).library(A).by(librarianA).to(url("")).id();
        assertThat(Http.json("POST", url("/api/v1/collections/" + collection + "/items"), librarianA,
                "{\"resourceId\":" + item + "}").status()).isEqualTo(201);
        String links = url("/api/v1/collections/" + collection + "/links");

        // private: others do not know it exists
        assertThat(Http.json("POST", links, otherLibrarian, "{\"days\":7}").status()).isEqualTo(404);
        assertThat(Http.json("POST", links, null, "{\"days\":7}").status()).isEqualTo(401);
        assertThat(Http.json("POST", links, librarianA, "{\"days\":99}").status()).isEqualTo(400);
        Http.Response link = Http.json("POST", links, librarianA, "{\"days\":7}");
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        String address = link.json().get("url").asString();
        assertThat(Http.get(links, "Authorization", librarianA).json()).hasSize(1);

        Browser stranger = new Browser(url(""));
        assertThat(stranger.get("/collections/" + collection).statusCode()).isEqualTo(404);
        HttpResponse<String> opened = stranger.get(address.substring(address.indexOf("/s/")));
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/collections/" + collection);
        HttpResponse<String> page = stranger.get("/collections/" + collection);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(title).contains("href=\"/resources/" + item + "\"");
        // the link opens the collection, not the right to change it
        assertThat(page.body()).doesNotContain("/collections/" + collection + "/delete");

        long linkId = link.json().get("id").asLong();
        assertThat(Http.json("DELETE", links + "/" + linkId, librarianA, null).status()).isEqualTo(204);
        assertThat(stranger.get("/collections/" + collection).statusCode()).isEqualTo(404);
        assertThat(new Browser(url("")).get(address.substring(address.indexOf("/s/"))).statusCode()).isEqualTo(410);
    }
}
