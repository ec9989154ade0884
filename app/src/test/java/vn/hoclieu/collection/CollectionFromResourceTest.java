package vn.hoclieu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/**
 * Collections as a teacher builds them from a material's page, without JavaScript: a new collection made
 * for the material holds it at once, adding keeps the teacher on the material, notes are written on the
 * collection's page, and its owner is told which items its readers will not see.
 */
class CollectionFromResourceTest extends IntegrationTest {

    private static final String LIBRARY = "HN-THPT-BDM";

    @Test
    void aNewCollectionMadeForAMaterialHoldsItAndAddingStaysOnTheMaterial() throws Exception {
        account("cfr-teacher", Role.TEACHER, LIBRARY);
        long first = published("PUBLIC");
        long second = published("PUBLIC");
        Browser teacher = new Browser(url(""));
        teacher.signIn("cfr-teacher", PASSWORD);

        String page = teacher.get("/resources/" + first).body();
        assertThat(page).contains("Tạo bộ sưu tập mới cho tài liệu này");
        String title = "Ôn thi học kỳ " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> made = teacher.postForm("/collections", Browser.csrf(page), "resourceId",
                String.valueOf(first), "title", title, "visibility", "PRIVATE", "note", "Đọc trước buổi 1");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
        String back = made.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        assertThat(back).startsWith("/resources/" + first + "?addedTo=").endsWith("#bo-suu-tap");
        long collection = Long.parseLong(back.replaceAll("^.*addedTo=(\\d+).*$", "$1"));
        String confirmed = HtmlUtils.htmlUnescape(teacher.get(back.replace("#bo-suu-tap", "")).body());
        assertThat(confirmed).contains("Đã thêm vào bộ sưu tập").contains(title);

        JsonNode holds = Http.get(url("/api/v1/collections/" + collection), "Authorization",
                Http.basic("cfr-teacher", PASSWORD)).json();
        assertThat(holds.get("items")).hasSize(1);
        assertThat(holds.get("items").get(0).get("resourceId").asLong()).isEqualTo(first);
        assertThat(holds.get("items").get(0).get("note").asString()).isEqualTo("Đọc trước buổi 1");

        String other = teacher.get("/resources/" + second).body();
        HttpResponse<String> added = teacher.postForm("/collections/items", Browser.csrf(other),
                "collectionId", String.valueOf(collection), "resourceId", String.valueOf(second));
        assertThat(added.headers().firstValue("Location").orElseThrow())
                .endsWith("/resources/" + second + "?addedTo=" + collection + "#bo-suu-tap");

        // refused (no title): the form again, still for the same material, and no collection made
        int before = Http.get(url("/api/v1/collections?mine=true"), "Authorization",
                Http.basic("cfr-teacher", PASSWORD)).json().size();
        HttpResponse<String> refused = teacher.postForm("/collections", Browser.csrf(other), "resourceId",
                String.valueOf(second), "title", " ", "note", "giữ ghi chú này");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("name=\"resourceId\" value=\"" + second + "\"").contains("giữ ghi chú này");
        assertThat(Http.get(url("/api/v1/collections?mine=true"), "Authorization",
                Http.basic("cfr-teacher", PASSWORD)).json()).hasSize(before);
    }

    @Test
    void theOwnerWritesNotesOnTheCollectionPageAndIsWarnedOfItemsItsReadersWillNotSee() throws Exception {
        account("cfr-owner", Role.TEACHER, LIBRARY);
        String owner = Http.basic("cfr-owner", PASSWORD);
        long open = published("PUBLIC");
        long membersOnly = published("LIBRARY");
        long collection = Http.json("POST", url("/api/v1/collections"), owner,
                "{\"title\":\"Tủ sách lớp 7\",\"visibility\":\"PUBLIC\"}").json().get("id").asLong();
        for (long r : new long[] {open, membersOnly}) {
            assertThat(Http.json("POST", url("/api/v1/collections/" + collection + "/items"), owner,
                    "{\"resourceId\":" + r + "}").status()).isEqualTo(201);
        }
        Browser browser = new Browser(url(""));
        browser.signIn("cfr-owner", PASSWORD);
        String page = HtmlUtils.htmlUnescape(browser.get("/collections/" + collection).body());
        assertThat(page).contains("1 tài liệu trong bộ sưu tập này không hiện với người xem nó")
                .contains("Người xem bộ sưu tập công khai này không thấy tài liệu này")
                .contains("action=\"/collections/" + collection + "/items/" + open + "/note\"");
        // the warning is next to the hidden item only
        String openItem = page.substring(page.indexOf("id=\"item-" + open + "\""));
        assertThat(openItem.substring(0, openItem.indexOf("</li>"))).doesNotContain("không thấy tài liệu này");

        HttpResponse<String> noted = browser.postForm("/collections/" + collection + "/items/" + open + "/note",
                Browser.csrf(page), "note", "Đọc chương 2 trước thứ Hai");
        assertThat(noted.headers().firstValue("Location").orElseThrow()).endsWith("?noted#item-" + open);
        String anonymous = Http.get(url("/collections/" + collection)).body();
        assertThat(HtmlUtils.htmlUnescape(anonymous)).contains("Đọc chương 2 trước thứ Hai")
                .doesNotContain("không hiện với người xem").doesNotContain("/note\"");
        assertThat(HtmlUtils.htmlUnescape(anonymous)).doesNotContain("href=\"/resources/" + membersOnly + "\"");

        // someone else may not write the owner's notes
        account("cfr-other", Role.TEACHER, LIBRARY);
        Browser other = new Browser(url(""));
        other.signIn("cfr-other", PASSWORD);
        String theirs = other.get("/collections/" + collection).body();
        assertThat(other.postForm("/collections/" + collection + "/items/" + open + "/note", Browser.csrf(theirs),
                "note", "x").statusCode()).isEqualTo(403);

        // a private collection: its readers are its owners, until a share link lets others in
        long privateOne = Http.json("POST", url("/api/v1/collections"), owner, "{\"title\":\"Riêng\"}")
                .json().get("id").asLong();
        Http.json("POST", url("/api/v1/collections/" + privateOne + "/items"), owner, "{\"resourceId\":" + membersOnly + "}");
        assertThat(browser.get("/collections/" + privateOne).body()).doesNotContain("class=\"problem\"");
        assertThat(Http.json("POST", url("/api/v1/collections/" + privateOne + "/links"), owner, "{\"days\":7}").status())
                .isEqualTo(201);
        assertThat(HtmlUtils.htmlUnescape(browser.get("/collections/" + privateOne).body()))
                .contains("Người mở bộ sưu tập bằng liên kết chia sẻ không thấy tài liệu này");
    }

    /** A material of the library, published (a librarian's upload is). */
    private long published(String visibility) {
        String librarian = Http.basic(account("cfr-librarian", Role.LIBRARIAN, LIBRARY), PASSWORD);
        return Uploads.resource("Tài liệu " + UUID.randomUUID().toString().substring(0, 8)).visibility(visibility)
                .library(LIBRARY).licence("CC-BY-4.0").by(librarian).to(url("")).id();
    }
}
