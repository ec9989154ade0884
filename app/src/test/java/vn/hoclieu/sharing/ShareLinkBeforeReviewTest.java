package vn.hoclieu.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.HostileCorpus;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/**
 * A share link opens only what the library has published: a link a teacher makes to their submission
 * before review tells whoever opens it that the material awaits review, and lets them read nothing of it
 * — page, JSON, file, download, thumbnail, text view, search within, search — until a librarian publishes
 * it; then the same link, in the same browser, opens it. Withdrawn, it closes again.
 */
class ShareLinkBeforeReviewTest extends IntegrationTest {

    private static final String LIBRARY = "HN-THPT-BDM";

    @Test
    void aLinkToAPendingSubmissionServesNothingUntilItIsPublished() throws Exception {
        String teacher = Http.basic(account("gv-lien-ket-som", Role.TEACHER, LIBRARY), PASSWORD);
        String librarian = Http.basic(account("tt-lien-ket-som", Role.LIBRARIAN, LIBRARY), PASSWORD);
        String word = "chuaduyet" + UUID.randomUUID().toString().substring(0, 8);
        long id = Uploads.resource("Phiếu bài tập " + word).visibility("LIBRARY")
                .file("phieu-" + word + ".pdf", HostileCorpus.pdf("Phieu bai tap " + word)).by(teacher).to(url("")).id();
        awaitIngestIdle();
        JsonNode resource = Http.get(url("/api/v1/resources/" + id), "Authorization", teacher).json();
        assertThat(resource.get("status").asString()).isEqualTo("PENDING");
        assertThat(resource.get("thumbnail").isNull()).as("it has a preview to hide").isFalse();
        long fileId = resource.get("files").get(0).get("id").asLong();

        Http.Response created = Http.json("POST", url("/api/v1/resources/" + id + "/links"), teacher, "{\"days\":7}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String link = created.json().get("url").asString().replaceFirst("^.*(/s/)", "$1");

        Browser holder = new Browser(url(""));
        HttpResponse<String> opened = holder.get(link);
        assertThat(opened.statusCode()).isEqualTo(409);
        assertThat(opened.body()).contains("đang chờ thư viện duyệt").doesNotContain(word);
        String[] reads = {
            "/resources/" + id,
            "/api/v1/resources/" + id,
            "/api/v1/resources/" + id + "/files/" + fileId + "/content",
            "/api/v1/resources/" + id + "/files/" + fileId + "/content?download=true",
            "/api/v1/resources/" + id + "/thumbnail",
            "/resources/" + id + "/text",
            "/api/v1/resources/" + id + "/search?q=" + word,
            "/resources/" + id + "?within=" + word,
        };
        for (String read : reads) {
            HttpResponse<String> r = holder.get(read);
            assertThat(r.statusCode()).as(read).isEqualTo(404);
            assertThat(r.body()).as(read).doesNotContain(word);
        }
        assertThat(holder.get("/api/v1/search?q=" + word).body()).contains("\"total\":0");
        assertThat(holder.get("/search?q=" + word).body()).doesNotContain("Phiếu bài tập " + word);

        // published (for its library's members only): the same link, in the same browser, opens every read
        assertThat(Http.json("POST", url("/api/v1/resources/" + id + "/approve"), librarian, null).status())
                .isEqualTo(200);
        HttpResponse<String> again = holder.get(link);
        assertThat(again.statusCode()).isEqualTo(302);
        for (String read : reads) {
            // search within, like every search, never goes through a link: the page's own form does
            boolean search = read.startsWith("/api/v1/resources/" + id + "/search");
            assertThat(holder.get(read).statusCode()).as(read + " once published").isEqualTo(search ? 404 : 200);
        }

        assertThat(new Browser(url("")).get("/resources/" + id).statusCode()).as("only through the link").isEqualTo(404);

        // withdrawn: closed again, for the link's holder as for everyone
        assertThat(Http.json("POST", url("/api/v1/resources/" + id + "/withdraw"), librarian, null).status())
                .isEqualTo(200);
        for (String read : reads) {
            assertThat(holder.get(read).statusCode()).as(read + " once withdrawn").isEqualTo(404);
        }
        assertThat(new Browser(url("")).get(link).statusCode()).isEqualTo(409);
    }

    @Test
    void theSharingPanelTellsTheUploaderTheLinkOpensOnlyOncePublished() throws Exception {
        account("gv-bang-chia-se", Role.TEACHER, LIBRARY);
        String teacher = Http.basic("gv-bang-chia-se", PASSWORD);
        long id = Uploads.resource("Bài chia sẻ sớm " + UUID.randomUUID()).by(teacher).to(url("")).id();
        Browser browser = new Browser(url(""));
        browser.signIn("gv-bang-chia-se", PASSWORD);
        assertThat(browser.get("/resources/" + id).body())
                .contains("liên kết chỉ mở được nó sau khi thư viện duyệt và công bố");
    }
}
