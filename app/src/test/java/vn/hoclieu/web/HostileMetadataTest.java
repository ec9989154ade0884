package vn.hoclieu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Multipart;
import vn.hoclieu.Uploads;
import vn.hoclieu.Zips;
import vn.hoclieu.account.Role;

/**
 * Metadata and file names that hold HTML or script — set through the API, the upload form and a
 * bulk import's metadata.csv — are shown escaped on every page that shows them (search results
 * with highlighting, the resource, a collection, the library, the review queue, the processing
 * queue, an import, my submissions), stay literal text in JSON and OAI-PMH; and file names are
 * made safe for storage and for {@code Content-Disposition}.
 */
class HostileMetadataTest extends IntegrationTest {

    /** What must never reach a page as markup; each piece is also checked alone. */
    private static final String SCRIPT = "<script>alert('xss')</script>";
    private static final String IMG = "<img src=x onerror=alert(1)>";
    private static final String ATTRIBUTE = "\" onmouseover=\"alert(2)";
    private static final String PAYLOAD = SCRIPT + IMG + ATTRIBUTE;

    private static void assertNoInjectedMarkup(String page, String where) {
        // escaped, the same words are harmless text ("&lt;img src=x onerror=…"): only markup is looked for
        assertThat(page).as(where).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .doesNotContain("\" onmouseover=\"alert");
    }

    @Test
    void markupInMetadataIsShownEscapedOnEveryPageAndStaysLiteralInJsonAndOai() throws Exception {
        String library = "HN-TVHN";
        String librarianName = account("thu-thu-xss", Role.LIBRARIAN, library);
        String librarian = Http.basic(librarianName, PASSWORD);
        String word = "xss" + UUID.randomUUID().toString().substring(0, 8);

        // through the API: title, description, creators, subjects; the text itself carries it too,
        // so that the highlighted snippet puts <mark> right beside it
        long id = Uploads.resource("Bài " + word + " " + PAYLOAD).description("Mô tả " + word + " " + PAYLOAD)
                .creators(PAYLOAD).subjects(PAYLOAD).visibility("PUBLIC").library(library)
                .file(IMG + ".txt", "Nội dung " + word + " " + PAYLOAD + " hết.").by(librarian).to(url("")).id();

        // through the upload form, by a teacher: it waits in the review queue
        String teacher = account("giao-vien-xss", Role.TEACHER, library);
        Browser teacherBrowser = new Browser(url(""));
        teacherBrowser.signIn(teacher, PASSWORD);
        Multipart form = new Multipart().field("_csrf", Browser.csrf(teacherBrowser.get("/upload").body()))
                .field("title", "Chờ duyệt " + word + " " + PAYLOAD).field("creators", PAYLOAD)
                .field("description", PAYLOAD).field("subjects", PAYLOAD).field("visibility", "PUBLIC")
                .file("file", "cho-duyet.txt", "text/plain", ("Bài chờ duyệt " + word + " " + UUID.randomUUID())
                        .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> posted = teacherBrowser.postMultipart("/upload", form.boundary(), form.bytes());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);

        // through a bulk import's metadata.csv
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("metadata.csv", ("file,title,creators,description,subjects\nnhap.txt,\"Nhập " + word + " "
                + PAYLOAD.replace("\"", "\"\"") + "\",\"" + PAYLOAD.replace("\"", "\"\"") + "\",\"" + PAYLOAD.replace("\"", "\"\"")
                + "\",\"" + PAYLOAD.replace("\"", "\"\"") + "\"\n").getBytes(StandardCharsets.UTF_8));
        entries.put("nhap.txt", ("Bài nhập " + word + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        Http.Response imported = Http.upload(url("/api/v1/imports"), librarian, Map.of("xss.zip", Zips.of(entries)), null);
        assertThat(imported.status()).isEqualTo(202);
        long importId = imported.json().get("id").asLong();

        // a collection that names it and holds it
        Http.Response collection = Http.json("POST", url("/api/v1/collections"), librarian,
                "{\"title\":" + json("Bộ " + PAYLOAD) + ",\"description\":" + json(PAYLOAD) + ",\"visibility\":\"PUBLIC\"}");
        assertThat(collection.status()).as(collection.body()).isEqualTo(201);
        long collectionId = collection.json().get("id").asLong();
        assertThat(Http.json("POST", url("/api/v1/collections/" + collectionId + "/items"), librarian,
                "{\"resourceId\":" + id + ",\"note\":" + json(PAYLOAD) + "}").status()).isIn(200, 201);

        await(() -> Http.get(url("/api/v1/imports/" + importId), "Authorization", librarian).json()
                .get("pending").asInt() == 0 && !Http.get(url("/api/v1/imports/" + importId), "Authorization", librarian)
                .json().get("status").asString().equals("RECEIVED"), Duration.ofMinutes(4), "import");
        awaitIngestIdle();
        assertThat(Http.get(url("/api/v1/imports/" + importId), "Authorization", librarian).json().get("done").asInt())
                .isEqualTo(1);

        // JSON: literal text
        JsonNode resource = Http.get(url("/api/v1/resources/" + id)).json();
        assertThat(resource.get("title").asString()).isEqualTo("Bài " + word + " " + PAYLOAD);
        assertThat(resource.get("creators").get(0).asString()).isEqualTo(PAYLOAD);
        JsonNode hits = Http.get(url("/api/v1/search?q=" + word)).json().get("hits");
        assertThat(hits).hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode hit : hits) {
            assertThat(hit.get("title").asString()).contains(PAYLOAD);
            // the snippet is HTML: <mark> is the only markup in it
            assertThat(hit.get("snippet").asString()).contains("<mark>").doesNotContain("<script").doesNotContain("<img");
            if (hit.get("id").asLong() == id) {
                assertThat(hit.get("snippet").asString()).as("the text beside the match, escaped").contains("&lt;script&gt;");
            }
        }

        // OAI-PMH: XML-escaped text, which a harvester reads back as the literal title
        String oai = Http.get(url("/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:hoclieu.local:" + id)).body();
        assertThat(oai).contains("&lt;script&gt;alert('xss')&lt;/script&gt;").doesNotContain("<script>");
        var xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        String title = xml.newDocumentBuilder().parse(new ByteArrayInputStream(oai.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "title").item(0).getTextContent();
        assertThat(title).isEqualTo("Bài " + word + " " + PAYLOAD);

        // every page that shows it, to everyone who may see it
        Browser staff = new Browser(url(""));
        staff.signIn(librarianName, PASSWORD);
        Browser admin = new Browser(url(""));
        admin.signIn("admin", PASSWORD);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("search results", Http.get(url("/search?q=" + word)).body());
        pages.put("resource page", Http.get(url("/resources/" + id)).body());
        pages.put("collection", Http.get(url("/collections/" + collectionId)).body());
        pages.put("library", Http.get(url("/libraries/" + library)).body());
        pages.put("review queue", staff.get("/review").body());
        pages.put("processing queue", staff.get("/ingest").body());
        pages.put("import", staff.get("/imports/" + importId).body());
        pages.put("my submissions", teacherBrowser.get("/my/submissions").body());
        pages.put("administration", admin.get("/admin").body());
        pages.put("edit page", staff.get("/resources/" + id + "/edit").body());
        for (Map.Entry<String, String> p : pages.entrySet()) {
            assertNoInjectedMarkup(p.getValue(), p.getKey());
        }
        for (String shown : List.of("search results", "resource page", "collection", "review queue", "my submissions",
                "edit page")) {
            assertThat(pages.get(shown)).as(shown + " shows the text, escaped").contains("&lt;script&gt;");
        }
        assertThat(pages.get("search results")).contains("<mark>");
        // the JSON-LD in the resource page cannot close its script element
        String page = pages.get("resource page");
        String ld = page.substring(page.indexOf("application/ld+json"), page.indexOf("</script>", page.indexOf("application/ld+json")));
        assertThat(ld).doesNotContain("<").contains("\\u003c");
    }

    @Test
    void hostileFileNamesAreMadeSafeForStorageAndServedWithAnRfc6266FileName() {
        String librarian = Http.basic(account("thu-thu-ten-tep", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("../../etc/passwd.txt", "passwd.txt");
        expected.put("C:\\Windows\\system32\\lenh.txt", "lenh.txt");
        // a right-to-left override drawn into a name: dropped, so the name reads as it is stored
        expected.put("hoa-don\u202Efdp.txt", "hoa-donfdp.txt");
        // decomposed (NFD), as a Mac sends it; words no other test searches for, so that these files
        // never outrank what the search tests expect first
        expected.put("To\u0300 he pho\u0302\u0301 co\u0302\u0309.txt", "Tò he phố cổ.txt");
        String longName = "Tò he phố cổ ".repeat(25) + ".txt"; // 329 characters
        for (Map.Entry<String, String> e : expected.entrySet()) {
            JsonNode file = uploaded(librarian, e.getKey()).get("files").get(0);
            assertThat(file.get("name").asString()).as(e.getKey()).isEqualTo(e.getValue());
        }
        // the same trick used to pass a program off as a text file (an override before "txt.exe" shows "exe.txt"):
        // the override dropped, the name is what Windows runs, and the file is refused
        Http.Response disguised = Http.upload(url("/api/v1/resources"), librarian, Map.of("hoa-don\u202Etxt.exe",
                ("Tệp " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)), null);
        assertThat(disguised.status()).as(disguised.body()).isEqualTo(415);
        assertThat(disguised.json().get("file").asString()).isEqualTo("hoa-dontxt.exe");
        // a NUL in a name is refused by the container's parser: a 400 that says so, never a 500
        Http.Response nul = Http.upload(url("/api/v1/resources"), librarian, Map.of("bad\u0000name.txt",
                "Tệp".getBytes(StandardCharsets.UTF_8)), null);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().get("detail").asString()).contains("Tên tệp gửi lên chứa ký tự điều khiển (NUL)");
        JsonNode resource = uploaded(librarian, longName);
        String stored = resource.get("files").get(0).get("name").asString();
        assertThat(stored).hasSizeLessThanOrEqualTo(255).startsWith("Tò he phố cổ").endsWith(".txt");

        // the long Vietnamese name goes back in Content-Disposition as RFC 6266 filename* (UTF-8, percent-encoded)
        JsonNode file = resource.get("files").get(0);
        Http.Response content = Http.get(url("/api/v1/resources/" + resource.get("id").asLong() + "/files/"
                + file.get("id").asLong() + "/content?download=true"));
        String disposition = content.header("Content-Disposition");
        assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''T%C3%B2%20he");
        assertThat(disposition.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as("plain ASCII header: " + disposition).isTrue();
        assertThat(content.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    private JsonNode uploaded(String auth, String name) {
        Http.Response r = Http.upload(url("/api/v1/resources"), auth,
                Map.of(name, ("Tệp " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)), null);
        assertThat(r.status()).as(name + ": " + r.body()).isEqualTo(201);
        return r.json();
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
