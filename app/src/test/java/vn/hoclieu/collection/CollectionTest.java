package vn.hoclieu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.library.LibraryService;

/** Collections over real HTTP: CRUD, order, privacy, item visibility, permissions, the pages. */
@Tag(TestGroups.POSTGRES)
class CollectionTest extends IntegrationTest {

    @Autowired
    CollectionService collections;

    @Autowired
    LibraryService libraries;

    @Autowired
    LibraryPageCollections libraryPage;

    private String teacher;
    private String otherTeacher;
    private String librarian;
    /** Publishes the materials the collections hold (a teacher's own uploads wait for review). */
    private String publisher;

    @BeforeEach
    void accounts() {
        publisher = Http.basic(account("librarian-col-bdm", Role.LIBRARIAN, "HN-THPT-BDM"), PASSWORD);
        teacher = Http.basic(account("teacher-col", Role.TEACHER, "HN-THPT-BDM"), PASSWORD);
        otherTeacher = Http.basic(account("teacher-col-2", Role.TEACHER, "HN-THPT-BDM"), PASSWORD);
        librarian = Http.basic(account("librarian-col", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
    }

    @Test
    void ownerCreatesReadsChangesAndDeletesACollection() {
        JsonNode created = create(teacher, "{\"title\":\"Toán 10 – Hàm số\",\"description\":\"Cho lớp 10A\","
                + "\"visibility\":\"PUBLIC\"}");
        long id = created.get("id").asLong();
        assertThat(created.get("owner").get("kind").asString()).isEqualTo("PERSON");
        assertThat(created.get("owner").get("id").asString()).isEqualTo("teacher-col");
        assertThat(created.get("editable").asBoolean()).isTrue();

        JsonNode anonymous = Http.get(url("/api/v1/collections/" + id)).json();
        assertThat(anonymous.get("title").asString()).isEqualTo("Toán 10 – Hàm số");
        assertThat(anonymous.get("editable").asBoolean()).isFalse();
        assertThat(ids(Http.get(url("/api/v1/collections")).json())).contains(id);

        Http.Response changed = Http.json("PATCH", url("/api/v1/collections/" + id), teacher, "{\"title\":\"Hàm số bậc nhất\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("title").asString()).isEqualTo("Hàm số bậc nhất");
        assertThat(changed.json().get("description").asString()).isEqualTo("Cho lớp 10A");
        assertThat(ids(Http.get(url("/api/v1/collections?mine=true"), "Authorization", teacher).json())).contains(id);

        assertThat(Http.json("DELETE", url("/api/v1/collections/" + id), teacher, null).status()).isEqualTo(204);
        assertThat(Http.get(url("/api/v1/collections/" + id)).status()).isEqualTo(404);
    }

    @Test
    void itemsKeepTheirOrderAndCanBeReorderedAndRemoved() {
        long id = create(teacher, "{\"title\":\"Đọc sách mỗi ngày\",\"visibility\":\"PUBLIC\"}").get("id").asLong();
        long a = resource("PUBLIC");
        long b = resource("PUBLIC");
        long c = resource("PUBLIC");
        for (long r : List.of(a, b, c)) {
            assertThat(addItem(teacher, id, r, "Tuần " + r).status()).isEqualTo(201);
        }
        Http.Response again = addItem(teacher, id, a, "Đọc trước giờ học");
        assertThat(again.status()).isEqualTo(200);
        assertThat(items(again.json())).containsExactly(a, b, c);
        assertThat(again.json().get("items").get(0).get("note").asString()).isEqualTo("Đọc trước giờ học");

        Http.Response reordered = Http.json("PUT", url("/api/v1/collections/" + id + "/items"), teacher,
                "{\"resourceIds\":[" + c + "," + a + "," + b + "]}");
        assertThat(reordered.status()).isEqualTo(200);
        assertThat(items(Http.get(url("/api/v1/collections/" + id)).json())).containsExactly(c, a, b);
        assertThat(Http.json("PUT", url("/api/v1/collections/" + id + "/items"), teacher,
                "{\"resourceIds\":[" + c + "," + c + "]}").status()).isEqualTo(400);

        assertThat(Http.json("DELETE", url("/api/v1/collections/" + id + "/items/" + a), teacher, null).status())
                .isEqualTo(204);
        JsonNode after = Http.get(url("/api/v1/collections/" + id)).json();
        assertThat(items(after)).containsExactly(c, b);
        assertThat(after.get("itemCount").asInt()).isEqualTo(2);
        assertThat(Http.json("DELETE", url("/api/v1/collections/" + id + "/items/" + a), teacher, null).status())
                .isEqualTo(404);
    }

    @Test
    void aPrivateCollectionIsNotFoundForAnyoneButItsOwner() {
        long id = create(teacher, "{\"title\":\"Riêng của tôi\"}").get("id").asLong();
        assertThat(Http.get(url("/api/v1/collections/" + id), "Authorization", teacher).json().get("visibility")
                .asString()).isEqualTo("PRIVATE");

        assertThat(Http.get(url("/api/v1/collections/" + id)).status()).isEqualTo(404);
        assertThat(Http.get(url("/collections/" + id)).status()).isEqualTo(404);
        assertThat(Http.get(url("/api/v1/collections/" + id), "Authorization", otherTeacher).status()).isEqualTo(404);
        assertThat(Http.json("PATCH", url("/api/v1/collections/" + id), otherTeacher, "{\"title\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(Http.json("DELETE", url("/api/v1/collections/" + id), otherTeacher, null).status()).isEqualTo(404);
        assertThat(ids(Http.get(url("/api/v1/collections")).json())).doesNotContain(id);
    }

    @Test
    void aPublicCollectionHidesAndDoesNotCountItemsTheViewerMayNotSee() {
        long id = create(teacher, "{\"title\":\"Tài liệu lớp 10A\",\"visibility\":\"PUBLIC\"}").get("id").asLong();
        long open = resource("PUBLIC");
        long libraryOnly = resource("LIBRARY");
        addItem(teacher, id, open, null);
        addItem(teacher, id, libraryOnly, null);

        JsonNode anonymous = Http.get(url("/api/v1/collections/" + id)).json();
        assertThat(items(anonymous)).containsExactly(open);
        assertThat(anonymous.get("itemCount").asInt()).isEqualTo(1);
        String title = Http.get(url("/api/v1/resources/" + libraryOnly), "Authorization", teacher).json()
                .get("title").asString();
        assertThat(Http.get(url("/collections/" + id)).body()).doesNotContain(title)
                .doesNotContain("/resources/" + libraryOnly + "\"");
        assertThat(Http.get(url("/collections")).body()).contains("1 tài liệu");

        assertThat(items(Http.get(url("/api/v1/collections/" + id), "Authorization", teacher).json()))
                .containsExactly(open, libraryOnly);
        // the same library's members see it; a librarian of another library does not
        assertThat(items(Http.get(url("/api/v1/collections/" + id), "Authorization", otherTeacher).json()))
                .containsExactly(open, libraryOnly);
        assertThat(items(Http.get(url("/api/v1/collections/" + id), "Authorization", librarian).json()))
                .containsExactly(open);
        // nor can anyone add what they may not see
        long mine = create(librarian, "{\"title\":\"Thử\"}").get("id").asLong();
        assertThat(addItem(librarian, mine, libraryOnly, null).status()).isEqualTo(404);
    }

    @Test
    void someoneElsesPublicCollectionCannotBeChanged() {
        long id = create(teacher, "{\"title\":\"Của cô Lan\",\"visibility\":\"PUBLIC\"}").get("id").asLong();
        long r = resource("PUBLIC");
        addItem(teacher, id, r, null);

        assertThat(Http.json("PATCH", url("/api/v1/collections/" + id), otherTeacher, "{\"title\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(addItem(otherTeacher, id, r, null).status()).isEqualTo(403);
        assertThat(Http.json("DELETE", url("/api/v1/collections/" + id + "/items/" + r), otherTeacher, null).status())
                .isEqualTo(403);
        assertThat(Http.json("DELETE", url("/api/v1/collections/" + id), otherTeacher, null).status()).isEqualTo(403);
        assertThat(Http.json("DELETE", url("/api/v1/collections/" + id), null, null).status()).isEqualTo(401);
        assertThat(Http.json("POST", url("/api/v1/collections"), null, "{\"title\":\"x\"}").status()).isEqualTo(401);
        assertThat(Http.get(url("/api/v1/collections/" + id)).json().get("title").asString()).isEqualTo("Của cô Lan");
    }

    @Test
    void librariansMakeCollectionsOwnedByTheirLibrary() {
        JsonNode created = create(librarian, "{\"title\":\"Tủ sách khuyến đọc\",\"visibility\":\"PUBLIC\","
                + "\"library\":\"HN-TVHN\"}");
        long id = created.get("id").asLong();
        assertThat(created.get("owner").get("kind").asString()).isEqualTo("LIBRARY");
        assertThat(created.get("owner").get("id").asString()).isEqualTo("HN-TVHN");

        String colleague = Http.basic(account("librarian-col-2", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        assertThat(Http.json("PATCH", url("/api/v1/collections/" + id), colleague, "{\"description\":\"Tháng 10\"}")
                .status()).isEqualTo(200);
        assertThat(Http.json("POST", url("/api/v1/collections"), teacher,
                "{\"title\":\"x\",\"library\":\"HN-TVHN\"}").status()).isEqualTo(403);

        long library = libraries.byCode("HN-TVHN").orElseThrow().id();
        assertThat(collections.publicCollectionsOf(library, Viewer.ANONYMOUS)).extracting(CollectionView::id).contains(id);
        Http.json("PATCH", url("/api/v1/collections/" + id), colleague, "{\"visibility\":\"PRIVATE\"}");
        assertThat(collections.publicCollectionsOf(library, Viewer.ANONYMOUS)).extracting(CollectionView::id)
                .doesNotContain(id);
        assertThat(Http.get(url("/api/v1/collections/" + id), "Authorization", colleague).status()).isEqualTo(200);
        assertThat(Http.get(url("/api/v1/collections/" + id), "Authorization", teacher).status()).isEqualTo(404);
    }

    @Test
    void theLibraryPageIsGivenTheLibrarysPublicCollections() {
        long shown = create(librarian, "{\"title\":\"Sách hay tháng 11\",\"visibility\":\"PUBLIC\","
                + "\"library\":\"HN-TVHN\"}").get("id").asLong();
        long hidden = create(librarian, "{\"title\":\"Nháp\",\"library\":\"HN-TVHN\"}").get("id").asLong();
        long personal = create(librarian, "{\"title\":\"Của riêng tôi\",\"visibility\":\"PUBLIC\"}").get("id").asLong();

        // the page another module renders at /libraries/{code}, as Spring MVC hands it over after its controller ran
        var request = new MockHttpServletRequest("GET", "/libraries/HN-TVHN");
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/libraries/{code}");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("code", "HN-TVHN"));
        var page = new ModelAndView("library/library");
        libraryPage.postHandle(request, new MockHttpServletResponse(), new Object(), page);

        @SuppressWarnings("unchecked")
        List<CollectionView> given = (List<CollectionView>) page.getModel().get("collections");
        assertThat(given).extracting(CollectionView::id).contains(shown).doesNotContain(hidden, personal);
        // and the real page shows them
        String body = Http.get(url("/libraries/HN-TVHN")).body();
        assertThat(body).contains("href=\"/collections/" + shown + "\"").contains("Sách hay tháng 11")
                .doesNotContain("Nháp").doesNotContain("Của riêng tôi");
    }

    @Test
    void aReaderBuildsAReadingListOnThePagesWithoutJavaScript() throws Exception {
        account("reader-col", Role.READER, null);
        Browser browser = new Browser(url(""));
        browser.signIn("reader-col", PASSWORD);
        long first = resource("PUBLIC");
        long second = resource("PUBLIC");

        HttpResponse<String> list = browser.get("/collections");
        assertThat(list.body()).contains("Bộ sưu tập của tôi").contains("Tạo bộ sưu tập mới");
        assertThat(browser.postForm("/collections", "wrong-token", "title", "x").statusCode()).isEqualTo(403);
        HttpResponse<String> created = browser.postForm("/collections", Browser.csrf(list.body()),
                "title", "Sách hè của em", "visibility", "PRIVATE");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String page = created.headers().firstValue("Location").orElseThrow().replace(url(""), "");
        long id = Long.parseLong(page.replaceAll("\\D", ""));

        for (long r : List.of(first, second)) {
            String resourcePage = browser.get("/resources/" + r).body();
            assertThat(resourcePage).contains("Thêm vào bộ sưu tập").contains(">Sách hè của em</option>");
            HttpResponse<String> added = browser.postForm("/collections/items", Browser.csrf(resourcePage),
                    "collectionId", String.valueOf(id), "resourceId", String.valueOf(r), "note", "Đọc trong tháng 6");
            assertThat(added.statusCode()).isEqualTo(302);
        }
        String html = browser.get(page).body();
        assertThat(order(html)).containsExactly(first, second);
        assertThat(html).contains("Đọc trong tháng 6").contains("Riêng tư");

        browser.postForm("/collections/" + id + "/items/" + second + "/up", Browser.csrf(html));
        assertThat(order(browser.get(page).body())).containsExactly(second, first);
        browser.postForm("/collections/" + id + "/items/" + second + "/remove", Browser.csrf(html));
        assertThat(order(browser.get(page).body())).containsExactly(first);

        // still private: not for others, and not on the public list
        assertThat(Http.get(url(page)).status()).isEqualTo(404);
        assertThat(Http.get(url("/collections")).body()).doesNotContain("Sách hè của em");
        assertThat(browser.postForm("/collections/" + id + "/delete", Browser.csrf(html)).statusCode()).isEqualTo(302);
        assertThat(browser.get(page).statusCode()).isEqualTo(404);
    }

    private JsonNode create(String who, String json) {
        Http.Response r = Http.json("POST", url("/api/v1/collections"), who, json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private Http.Response addItem(String who, long collection, long resource, String note) {
        return Http.json("POST", url("/api/v1/collections/" + collection + "/items"), who,
                "{\"resourceId\":" + resource + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}");
    }

    private long resource(String visibility) {
        return Uploads.resource("Tài liệu " + UUID.randomUUID().toString().substring(0, 8)).visibility(visibility)
                .licence("CC-BY-4.0").by(publisher).to(url("")).id();
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.forEach(c -> out.add(c.get("id").asLong()));
        return out;
    }

    private static List<Long> items(JsonNode collection) {
        List<Long> out = new ArrayList<>();
        collection.get("items").forEach(i -> out.add(i.get("resourceId").asLong()));
        return out;
    }

    private static List<Long> order(String html) {
        Matcher m = Pattern.compile("id=\"item-(\\d+)\"").matcher(html);
        List<Long> out = new ArrayList<>();
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }
}
