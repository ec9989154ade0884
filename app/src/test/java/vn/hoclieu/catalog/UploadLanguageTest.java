package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Multipart;
import vn.hoclieu.TestFiles;
import vn.hoclieu.Zips;
import vn.hoclieu.account.Role;

/**
 * One file, one language, whichever way it came: the upload page leaves the language to be read
 * from the file unless the uploader chooses one, as a bulk import does without a manifest; a
 * language chosen on the form or written in {@code metadata.csv} wins over what is read.
 */
class UploadLanguageTest extends IntegrationTest {

    private static final String LIBRARIAN = "upload-language-librarian";

    /**
     * A real PDF of the sample library in English, and one in Vietnamese, each time with bytes of its own. Their
     * copies are uploaded for the library only: other tests of this shared instance expect an anonymous search for
     * a sample's words to find the sample first.
     */
    private static byte[] englishPdf() throws IOException {
        return unique("search-smarter-stay-safer.pdf");
    }

    private static byte[] vietnamesePdf() throws IOException {
        return unique("hoc-tap-suot-doi.pdf");
    }

    private static byte[] unique(String sample) throws IOException {
        byte[] pdf = Files.readAllBytes(TestFiles.sample(sample));
        byte[] comment = ("\n% " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[pdf.length + comment.length];
        System.arraycopy(pdf, 0, out, 0, pdf.length);
        System.arraycopy(comment, 0, out, pdf.length, comment.length);
        return out;
    }

    private Browser signedIn() throws Exception {
        account(LIBRARIAN, Role.LIBRARIAN, "HN-TVHN");
        Browser browser = new Browser(url(""));
        browser.signIn(LIBRARIAN, PASSWORD);
        return browser;
    }

    /** The language the upload page has chosen before the uploader touches it: the selected option, else the first. */
    private static Element defaultLanguage(Document form) {
        Element selected = form.selectFirst("select#language option[selected]");
        return selected != null ? selected : form.selectFirst("select#language option");
    }

    /** Uploads one file through the page's form with this language; the new resource's id. */
    private long viaForm(Browser browser, String name, byte[] pdf, String language) throws Exception {
        Multipart form = new Multipart().field("_csrf", Browser.csrf(browser.get("/upload").body()))
                .field("language", language).field("visibility", "LIBRARY")
                .file("file", name, "application/pdf", pdf);
        HttpResponse<String> posted = browser.postMultipart("/upload", form.boundary(), form.bytes());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String describe = posted.headers().firstValue("Location").orElseThrow().replaceAll("^.*/upload/(\\d+).*$", "$1");
        return Long.parseLong(describe);
    }

    /** Bulk-imports these files (name → bytes) as a ZIP; file name → the new resource's id. */
    private Map<String, Long> viaImport(Map<String, byte[]> files) {
        String librarian = Http.basic(LIBRARIAN, PASSWORD);
        Http.Response accepted = Http.upload(url("/api/v1/imports"), librarian, Map.of("sach.zip", Zips.of(files)), null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String status = url("/api/v1/imports/" + accepted.json().get("id").asLong());
        await(() -> {
            JsonNode s = Http.get(status, "Authorization", librarian).json();
            return s.get("status").asString().equals("STORED") && s.get("pending").asInt() == 0;
        }, Duration.ofSeconds(90), "the import did not finish");
        Map<String, Long> ids = new HashMap<>();
        for (JsonNode item : Http.get(status, "Authorization", librarian).json().get("items")) {
            assertThat(item.get("outcome").asString()).as(item.toString()).isEqualTo("IMPORTED");
            ids.put(item.get("file").asString(), item.get("resourceId").asLong());
        }
        return ids;
    }

    /** The resource's language once its file has been read (the queue may still hold other tests' files). */
    private String language(long resourceId) {
        String librarian = Http.basic(LIBRARIAN, PASSWORD);
        String resource = url("/api/v1/resources/" + resourceId);
        await(() -> !Http.get(resource, "Authorization", librarian).json().get("files").get(0).get("extraction")
                .get("status").asString().equals("PENDING"), Duration.ofSeconds(90), "resource " + resourceId + " not read");
        return Http.get(resource, "Authorization", librarian).json().get("language").asString();
    }

    @Test
    void theFormLeavesTheLanguageToTheFileAsABulkImportDoes() throws Exception {
        Browser browser = signedIn();
        Document page = Jsoup.parse(browser.get("/upload").body());
        Element chosen = defaultLanguage(page);
        assertThat(chosen.val()).isEmpty();
        assertThat(chosen.text()).isEqualTo("Tự nhận biết");
        assertThat(page.select("select#language option").eachText()).contains("Tiếng Việt", "Tiếng Anh", "Tiếng Pháp")
                .hasSizeGreaterThan(5);

        long englishByForm = viaForm(browser, "search-smarter.pdf", englishPdf(), chosen.val());
        long vietnameseByForm = viaForm(browser, "hoc-tap-suot-doi.pdf", vietnamesePdf(), chosen.val());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("metadata.csv", "file,visibility\nsearch-smarter.pdf,LIBRARY\nhoc-tap-suot-doi.pdf,LIBRARY\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put("search-smarter.pdf", englishPdf());
        files.put("hoc-tap-suot-doi.pdf", vietnamesePdf());
        Map<String, Long> imported = viaImport(files);

        assertThat(language(englishByForm)).isEqualTo("en");
        assertThat(language(imported.get("search-smarter.pdf"))).isEqualTo("en");
        assertThat(language(vietnameseByForm)).isEqualTo("vi");
        assertThat(language(imported.get("hoc-tap-suot-doi.pdf"))).isEqualTo("vi");
    }

    @Test
    void aLanguageChosenOnTheFormOrInTheManifestWinsOverTheFilesOwn() throws Exception {
        Browser browser = signedIn();
        long chosenOnForm = viaForm(browser, "search-smarter.pdf", englishPdf(), "vi");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("metadata.csv", "file,language,visibility\nsearch-smarter.pdf,vie,LIBRARY\nhoc-tap.pdf,fre,LIBRARY\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put("search-smarter.pdf", englishPdf());
        files.put("hoc-tap.pdf", vietnamesePdf());
        Map<String, Long> imported = viaImport(files);

        assertThat(language(chosenOnForm)).isEqualTo("vi");
        assertThat(language(imported.get("search-smarter.pdf"))).as("vie in metadata.csv").isEqualTo("vi");
        assertThat(language(imported.get("hoc-tap.pdf"))).as("fre in metadata.csv").isEqualTo("fr");
    }
}
