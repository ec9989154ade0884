package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.Imports;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Zips;
import vn.hoclieu.account.Role;

/** {@code POST /api/v1/imports} with a real ZIP, followed to its end through {@code GET /api/v1/imports/{id}}. */
@Tag(TestGroups.POSTGRES)
class ImportApiTest extends IntegrationTest {

    static byte[] zip(Map<String, byte[]> entries) {
        return Zips.of(entries);
    }

    /** Follows an import until every file is stored and read; its final status. */
    private JsonNode awaitImport(long id, String authorization) {
        JsonNode status = Imports.await(url(""), id, authorization);
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("STORED");
        return status;
    }

    @Test
    void zipWithAManifestIsImportedWithProgressAndPerFileOutcomes() throws Exception {
        String librarian = Http.basic(account("librarian-import", Role.LIBRARIAN, "HN-TTHTCD-BD"), PASSWORD);
        String word = "zz" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("metadata.csv", ("file,title,subjects,language\n"
                + "bai-1.txt,Nuôi ong lấy mật,Nông nghiệp,vi\n"
                + "thu-muc/bai-2.txt,\"Trồng nấm, làm giàu\",Nông nghiệp;Kinh tế,vi\n"
                + "hong.pdf,Tài liệu hỏng,,vi\n").getBytes(StandardCharsets.UTF_8));
        entries.put("bai-1.txt", ("Cách nuôi ong " + word).getBytes(StandardCharsets.UTF_8));
        entries.put("thu-muc/bai-2.txt", ("Cách trồng nấm " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        entries.put("hong.pdf", ("%PDF-1.4 hỏng " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        String escapee = "esc" + UUID.randomUUID().toString().substring(0, 8);
        entries.put("../ngoai.txt", ("không được ghi ra ngoài " + escapee).getBytes(StandardCharsets.UTF_8));

        Http.Response accepted = Http.upload(url("/api/v1/imports"), librarian, Map.of("nong-nghiep.zip", zip(entries)),
                null);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        long id = accepted.json().get("id").asLong();
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/imports/" + id);
        JsonNode status = awaitImport(id, librarian);
        assertThat(status.get("total").asInt()).isEqualTo(3);
        assertThat(status.get("done").asInt()).isEqualTo(2);
        assertThat(status.get("failed").asInt()).isEqualTo(1);
        JsonNode broken = null;
        for (JsonNode item : status.get("items")) {
            if (item.get("file").asString().equals("hong.pdf")) {
                broken = item;
            }
        }
        assertThat(broken).isNotNull();
        assertThat(broken.get("state").asString()).isEqualTo("FAILED");
        assertThat(broken.get("extraction").asString()).isEqualTo("FAILED");

        JsonNode hit = Http.get(url("/api/v1/search?q=" + word)).json().get("hits").get(0);
        assertThat(hit.get("title").asString()).isEqualTo("Nuôi ong lấy mật");
        assertThat(hit.get("library").asString()).isEqualTo("HN-TTHTCD-BD");
        assertThat(Http.get(url("/api/v1/search?q=" + escapee)).json().get("total").asLong()).isZero();
    }

    @Test
    void importsAreForLibrariansAndVisibleToTheirAuthor() throws Exception {
        byte[] zip = zip(Map.of("a.txt", ("Nội dung " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)));
        String teacher = Http.basic(account("teacher-import", Role.TEACHER, "HN-TVHN"), PASSWORD);
        assertThat(Http.upload(url("/api/v1/imports"), teacher, Map.of("a.zip", zip), null).status()).isEqualTo(403);
        assertThat(Http.upload(url("/api/v1/imports"), null, Map.of("a.zip", zip), null).status()).isEqualTo(401);

        String librarian = Http.basic(account("librarian-a", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        String other = Http.basic(account("librarian-b", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        long id = Http.upload(url("/api/v1/imports"), librarian, Map.of("a.zip", zip), null).json().get("id").asLong();
        assertThat(Http.get(url("/api/v1/imports/" + id), "Authorization", librarian).status()).isEqualTo(200);
        assertThat(Http.get(url("/api/v1/imports/" + id), "Authorization", other).status()).isEqualTo(404);
        assertThat(Http.get(url("/api/v1/imports/" + id), "Authorization", Http.basic("admin", PASSWORD)).status())
                .isEqualTo(200);
    }

    @Test
    void somethingThatIsNotAZipIsRefusedWithAClearMessage() {
        String librarian = Http.basic(account("librarian-c", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        Http.Response r = Http.upload(url("/api/v1/imports"), librarian,
                Map.of("tai-lieu.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8)), null);
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().get("detail").asString()).contains("ZIP");
    }

    @Test
    void anAdministratorImportsAFolderFromTheServerInboxAndNothingOutsideIt() throws Exception {
        String word = "thumuc" + UUID.randomUUID().toString().substring(0, 8);
        Path folder = Files.createDirectories(ingest.importInbox().resolve("sach-lop-10"));
        Files.writeString(folder.resolve("metadata.csv"), "file,title,language\nbai-doc.txt,Bài đọc thêm,vi\n");
        Files.writeString(folder.resolve("bai-doc.txt"), "Bài đọc thêm về " + word);
        String admin = Http.basic("admin", PASSWORD);

        Http.Response accepted = Http.postForm(url("/api/v1/imports/folder"), admin, "folder", "sach-lop-10");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        long id = accepted.json().get("id").asLong();
        JsonNode status = awaitImport(id, admin);
        assertThat(status.get("done").asInt()).isEqualTo(1);
        assertThat(Http.get(url("/api/v1/search?q=" + word)).json().get("hits").get(0).get("title").asString())
                .isEqualTo("Bài đọc thêm");
        assertThat(Files.exists(folder.resolve("bai-doc.txt"))).as("read in place, left as it was").isTrue();

        for (String outside : new String[] {"..", "../db", "/etc", "sach-lop-10/../..", "khong-co"}) {
            Http.Response refused = Http.postForm(url("/api/v1/imports/folder"), admin, "folder", outside);
            assertThat(refused.status()).as(outside).isEqualTo(400);
            assertThat(refused.json().get("detail").asString()).contains("hộp nhập");
        }
        String librarian = Http.basic(account("librarian-folder", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        assertThat(Http.postForm(url("/api/v1/imports/folder"), librarian, "folder", "sach-lop-10").status())
                .as("only administrators read the server's folders").isEqualTo(403);

        Browser browser = new Browser(url(""));
        browser.signIn("admin", PASSWORD);
        String page = browser.get("/imports/new").body();
        assertThat(page).contains("<option value=\"sach-lop-10\">").contains("action=\"/imports/folder\"");
    }
}
