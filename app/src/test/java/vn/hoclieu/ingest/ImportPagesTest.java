package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.account.Role;

/** The bulk import pages, as a librarian uses them in a browser without JavaScript. */
class ImportPagesTest extends IntegrationTest {

    @Test
    void librarianImportsAZipAndWatchesItFinish() throws Exception {
        account("librarian-pages", Role.LIBRARIAN, "HN-TVHN");
        Browser browser = new Browser(url(""));
        browser.signIn("librarian-pages", PASSWORD);
        HttpResponse<String> form = browser.get("/imports/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("metadata.csv");

        byte[] zip = ImportApiTest.zip(Map.of(
                "=cmd.txt", ("Tên tệp nguy hiểm " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8),
                "bai-hat.txt", ("Lời bài hát thiếu nhi " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)));
        String boundary = "----imp" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + Browser.csrf(form.body()) + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bai-hat.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(zip);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> posted = browser.postMultipart("/imports", boundary, body.toByteArray());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String page = posted.headers().firstValue("Location").orElseThrow().replace(url(""), "");
        assertThat(page).matches("/imports/\\d+");

        await(() -> {
            try {
                return browser.get(page).body().contains("2 tệp: 2 xong");
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(60), "import page never showed the end");
        String html = browser.get(page).body();
        assertThat(html).contains("<progress").contains("bai-hat.txt").doesNotContain("http-equiv=\"refresh\"");

        HttpResponse<String> report = browser.get(page + "/report.csv");
        assertThat(report.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(report.body()).contains("\"bai-hat.txt\",DONE").contains("\"'=cmd.txt\"");
    }

    @Test
    void importPagesAreForLibrarians() throws Exception {
        assertThat(Http.get(url("/imports/new")).status()).isEqualTo(302);
        account("teacher-pages", Role.TEACHER, "HN-TVHN");
        Browser teacher = new Browser(url(""));
        teacher.signIn("teacher-pages", PASSWORD);
        assertThat(teacher.get("/imports/new").statusCode()).isEqualTo(403);
    }
}
