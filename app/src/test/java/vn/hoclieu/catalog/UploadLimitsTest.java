package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.EmptyInstance;
import vn.hoclieu.Http;
import vn.hoclieu.Multipart;
import vn.hoclieu.Zips;
import vn.hoclieu.account.Role;
import vn.hoclieu.library.LibraryForm;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryType;

/**
 * The upload limits for real, in an instance of their own with small limits ({@link EmptyInstance}): 64 KB
 * per file, 160 KB per request, and a minimum free space (1 PB) larger than any disk, so that every upload
 * within the size limits meets a full disk. A 413 comes back before anything is stored, a 507 after the
 * free-space check; pages keep what the person typed, the API says it in JSON.
 */
class UploadLimitsTest extends EmptyInstance {

    @Autowired
    LibraryService libraries;

    private static String librarian;

    @BeforeAll
    static void clean() {
        librarian = null;
    }

    private String librarian() {
        if (librarian == null) {
            LibraryForm library = new LibraryForm();
            library.setCode("HN-GIOI-HAN");
            library.setName("Thư viện giới hạn");
            library.setType(LibraryType.PUBLIC);
            libraries.create(library);
            accounts.create("thu-thu-gioi-han", PASSWORD, "Thủ thư", Role.LIBRARIAN, "HN-GIOI-HAN");
            librarian = "thu-thu-gioi-han";
        }
        return librarian;
    }

    private Browser signedIn() throws Exception {
        Browser browser = new Browser(url(""));
        assertThat(browser.signIn(librarian(), PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    private static Multipart typedForm(String csrf) {
        return new Multipart().field("_csrf", csrf)
                .field("title", "Bản đồ Hà Nội xưa")
                .field("creators", "Nguyễn Văn Bình")
                .field("description", "Mô tả dài mà người dùng đã gõ")
                .field("subjects", "Địa lí; Lịch sử")
                .field("licence", "CC-BY-SA-4.0")
                .field("visibility", "NETWORK");
    }

    @Test
    void aPageUploadOfAFileOverTheLimitComesBackAs413WithTheLimitsAndWhatWasTyped() throws Exception {
        Browser browser = signedIn();
        Multipart form = typedForm(Browser.csrf(browser.get("/upload").body()))
                .file("file", "ban-do.pdf", "application/pdf", new byte[100 * 1024]);
        HttpResponse<String> posted = browser.postMultipart("/upload", form.boundary(), form.bytes());

        assertThat(posted.statusCode()).isEqualTo(413);
        assertTypedFormCameBack(posted.body());
    }

    @Test
    void aPageUploadOverTheRequestLimitAlsoKeepsTheFormAndIsNotMistakenForAForgery() throws Exception {
        Browser browser = signedIn();
        // three files each under the per-file limit, 180 KB together: the container refuses before any field
        Multipart form = typedForm(Browser.csrf(browser.get("/upload").body()))
                .file("file", "a.txt", "text/plain", new byte[60 * 1024])
                .file("file", "b.txt", "text/plain", new byte[60 * 1024])
                .file("file", "c.txt", "text/plain", new byte[60 * 1024]);
        HttpResponse<String> posted = browser.postMultipart("/upload", form.boundary(), form.bytes());

        assertThat(posted.statusCode()).as("413, not a CSRF 403").isEqualTo(413);
        assertTypedFormCameBack(posted.body());
    }

    private static void assertTypedFormCameBack(String page) {
        String html = HtmlUtils.htmlUnescape(page);
        assertThat(html).contains("Tệp tải lên quá lớn: mỗi tệp tối đa 64 KB, mỗi lần tải lên tối đa 160 KB")
                .contains("value=\"Bản đồ Hà Nội xưa\"")
                .contains("value=\"Nguyễn Văn Bình\"")
                .contains("Mô tả dài mà người dùng đã gõ")
                .contains("value=\"Địa lí; Lịch sử\"")
                .containsPattern("value=\"CC-BY-SA-4.0\"[^>]*checked")
                .containsPattern("value=\"NETWORK\"[^>]*selected");
    }

    @Test
    void theApiAnswersAFileOrARequestOverTheLimitWithAJsonProblem() {
        String auth = Http.basic(librarian(), PASSWORD);
        Http.Response file = Http.upload(url("/api/v1/resources"), auth, Map.of("lon.pdf", new byte[100 * 1024]), null);
        assertThat(file.status()).isEqualTo(413);
        assertThat(file.header("Content-Type")).startsWith("application/problem+json");
        assertThat(file.json().get("detail").asString()).contains("64 KB").contains("160 KB");

        Http.Response request = Http.upload(url("/api/v1/resources"), auth,
                Map.of("a.txt", new byte[60 * 1024], "b.txt", new byte[60 * 1024], "c.txt", new byte[60 * 1024]), null);
        assertThat(request.status()).isEqualTo(413);
        assertThat(request.json().get("detail").asString()).contains("160 KB");
    }

    @Test
    void aBulkImportZipOverTheLimitIs413OnThePageAndInTheApi() throws Exception {
        byte[] big = Zips.of(Map.of("ngau-nhien.bin", random(100 * 1024)));
        assertThat(big.length).isGreaterThan(64 * 1024);

        Browser browser = signedIn();
        Multipart form = new Multipart().field("_csrf", Browser.csrf(browser.get("/imports/new").body()))
                .file("file", "thu-vien.zip", "application/zip", big);
        HttpResponse<String> page = browser.postMultipart("/imports", form.boundary(), form.bytes());
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("mỗi tệp tối đa 64 KB").contains("name=\"file\"");

        Http.Response api = Http.upload(url("/api/v1/imports"), Http.basic(librarian(), PASSWORD),
                Map.of("thu-vien.zip", big), null);
        assertThat(api.status()).isEqualTo(413);
        assertThat(api.json().get("detail").asString()).contains("64 KB");
    }

    @Test
    void withTooLittleFreeSpaceAnUploadIs507OnThePageAndInTheApiAndNothingIsKept() throws Exception {
        Browser browser = signedIn();
        Multipart form = typedForm(Browser.csrf(browser.get("/upload").body()))
                .file("file", "nho.txt", "text/plain", "Một tệp nhỏ".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> page = browser.postMultipart("/upload", form.boundary(), form.bytes());
        assertThat(page.statusCode()).isEqualTo(507);
        assertThat(HtmlUtils.htmlUnescape(page.body())).contains("Máy chủ sắp hết chỗ lưu trữ").contains("cần giữ tối thiểu 1 PB")
                .contains("value=\"Bản đồ Hà Nội xưa\"");

        Multipart small = new Multipart().file("file", "nho.txt", "text/plain", "Một tệp nhỏ".getBytes(StandardCharsets.UTF_8));
        HttpRequest english = HttpRequest.newBuilder(URI.create(url("/api/v1/resources")))
                .header("Authorization", Http.basic(librarian(), PASSWORD)).header("Accept-Language", "en")
                .header("Content-Type", small.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(small.bytes()))
                .build();
        HttpResponse<String> api = HttpClient.newHttpClient().send(english, HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(507);
        assertThat(api.body()).contains("running out of storage space").contains("at least 1 PB must stay free");

        Http.Response zip = Http.upload(url("/api/v1/imports"), Http.basic(librarian(), PASSWORD),
                Map.of("thu-vien.zip", Zips.of(Map.of("a.txt", "chữ".getBytes(StandardCharsets.UTF_8)))), null);
        assertThat(zip.status()).as(zip.body()).isEqualTo(507);
        JsonNode none = Http.get(url("/api/v1/search?q=&size=1"), "Authorization", Http.basic(librarian(), PASSWORD)).json();
        assertThat(none.get("total").asLong()).as("nothing was catalogued").isZero();
        assertThat(files(DATA.resolve("blobs"))).as("no blob, no partial file").isEmpty();
        assertThat(files(DATA.resolve("imports"))).as("no partial ZIP").isEmpty();
        assertThat(Http.get(url("/actuator/health")).json().get("status").asString()).isEqualTo("UP");
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(8).nextBytes(b);
        return b;
    }
}
