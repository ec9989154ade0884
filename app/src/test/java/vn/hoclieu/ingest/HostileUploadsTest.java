package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.HostileCorpus;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Messages;
import vn.hoclieu.Zips;
import vn.hoclieu.account.Role;

/**
 * The hostile corpus ({@link HostileCorpus}: made by the test, nothing binary committed) uploaded
 * the ways people upload — one by one through the API, all together in a bulk-import ZIP beside a
 * normal file, a ZIP bomb as the import itself and inside a SCORM-like package: each file is stored
 * and says why it could not be read, or is refused with a message (the programs, always); the normal file
 * is found; the
 * application stays healthy and keeps answering searches.
 */
class HostileUploadsTest extends IntegrationTest {

    private static final Set<String> FINAL = Set.of("OK", "TRUNCATED", "ENCRYPTED", "UNSUPPORTED", "FAILED", "TIMED_OUT");
    private static final Set<String> PROGRAMS = Set.of("chuong-trinh.elf", "chuong-trinh.exe", "lenh.sh");

    @Test
    void everyHostileFileIsStoredWithAReasonOrRefusedAndANormalFileInTheSameImportIsFound() throws Exception {
        String librarian = Http.basic(account("thu-thu-hostile", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        String salt = UUID.randomUUID().toString().substring(0, 8);
        String word = "binhthuong" + salt;

        // 1. all of them in one bulk import, with one ordinary file
        Map<String, byte[]> batch = new LinkedHashMap<>(HostileCorpus.files("nhap-" + salt));
        batch.put("binh-thuong.txt", ("Bài đọc bình thường " + word).getBytes(StandardCharsets.UTF_8));
        Http.Response started = Http.upload(url("/api/v1/imports"), librarian, Map.of("lo-doc-hai.zip", Zips.of(batch)), null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);

        // 2. each one alone through the API, and an empty file
        Map<String, Long> uploaded = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : HostileCorpus.files("api-" + salt).entrySet()) {
            Http.Response r = Http.upload(url("/api/v1/resources"), librarian, Map.of(f.getKey(), f.getValue()), null);
            if (PROGRAMS.contains(f.getKey())) {
                // programs are never stored: refused by what their bytes are, saying so
                assertThat(r.status()).as(f.getKey() + ": " + r.body()).isEqualTo(415);
                assertThat(r.json().get("kind").asString()).as(f.getKey()).isEqualTo("program");
                continue;
            }
            assertThat(r.status()).as(f.getKey() + ": " + r.body()).isEqualTo(201);
            uploaded.put(f.getKey(), r.json().get("id").asLong());
        }
        Http.Response empty = Http.upload(url("/api/v1/resources"), librarian, Map.of("rong.txt", new byte[0]), null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asString()).contains("“rong.txt” rỗng (0 byte)");

        // 3. the nested bomb as the import ZIP itself, and inside a SCORM-like package
        Http.Response bombImport = Http.upload(url("/api/v1/imports"), librarian,
                Map.of("bom.zip", HostileCorpus.nestedZipBomb("bom-nhap-" + salt)), null);
        assertThat(bombImport.status()).isEqualTo(202);
        long bombImportId = bombImport.json().get("id").asLong();
        Http.Response scorm = Http.upload(url("/api/v1/resources"), librarian,
                Map.of("goi-bai-giang.zip", HostileCorpus.scormWithBomb(salt)), null);
        assertThat(scorm.status()).isEqualTo(201);

        long importId = started.json().get("id").asLong();
        await(() -> {
            JsonNode s = Http.get(url("/api/v1/imports/" + importId), "Authorization", librarian).json();
            return !s.get("status").asString().equals("RECEIVED") && s.get("pending").asInt() == 0;
        }, Duration.ofMinutes(3), "the import never finished");
        awaitIngestIdle();

        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Map.Entry<String, Long> u : uploaded.entrySet()) {
            JsonNode file = Http.get(url("/api/v1/resources/" + u.getValue()), "Authorization", librarian).json()
                    .get("files").get(0);
            String status = file.get("extraction").get("status").asString();
            String reason = file.get("extraction").get("reason").isNull() ? null : file.get("extraction").get("reason").asString();
            outcomes.put(u.getKey(), status + " " + reason);
            assertThat(status).as(u.getKey()).isIn(FINAL);
            if (!status.equals("OK")) {
                assertThat(reason).as(u.getKey() + " says why").isNotBlank();
            }
        }
        System.out.println("Hostile uploads: " + outcomes);
        assertThat(outcomes.get("ma-hoa.pdf")).startsWith("ENCRYPTED").contains("mật khẩu");
        assertThat(outcomes.get("ma-hoa.docx")).startsWith("ENCRYPTED");
        for (String damaged : new String[] {"hong.pdf", "bi-cat.pdf", "hong.docx", "bi-cat.docx", "gif-va-html.gif"}) {
            assertThat(outcomes.get(damaged)).as(damaged).startsWith("FAILED").contains("hỏng");
        }
        assertThat(outcomes.get("bom-long-nhau.zip")).as("caught at once, not after the time limit")
                .startsWith("FAILED").contains("bom ZIP");
        assertThat(outcomes.get("ty-tieng-cuoi.xml")).startsWith("FAILED");
        assertThat(outcomes.get("ty-tieng-cuoi.docx")).startsWith("FAILED");
        assertThat(outcomes.get("that-ra-pdf.jpg")).as("read for what it is, not for its name").startsWith("OK");
        assertThat(outcomes.get("zip-va-pdf.pdf")).startsWith("OK");
        JsonNode laughs = Http.get(url("/api/v1/search?q=lol"), "Authorization", librarian).json();
        assertThat(laughs.get("total").asLong()).as("no entity was ever expanded").isZero();

        JsonNode scormFile = Http.get(url("/api/v1/resources/" + scorm.json().get("id").asLong()), "Authorization", librarian)
                .json().get("files").get(0).get("extraction");
        assertThat(scormFile.get("status").asString()).isEqualTo("FAILED");
        assertThat(Messages.vietnamese(scormFile.get("reason").asString())).contains("bom ZIP");

        await(() -> !Http.get(url("/api/v1/imports/" + bombImportId), "Authorization", librarian).json()
                .get("status").asString().equals("RECEIVED"), Duration.ofSeconds(60), "the bomb import never ended");
        JsonNode bomb = Http.get(url("/api/v1/imports/" + bombImportId), "Authorization", librarian).json();
        assertThat(bomb.get("status").asString()).isEqualTo("REJECTED");
        assertThat(bomb.get("message").asString()).contains("bom ZIP").contains("không nhập");

        JsonNode batchImport = Http.get(url("/api/v1/imports/" + importId), "Authorization", librarian).json();
        assertThat(batchImport.get("total").asInt()).isEqualTo(batch.size());
        for (JsonNode item : batchImport.get("items")) {
            assertThat(item.get("state").asString()).as(item.toString()).isIn("DONE", "FAILED");
            if (item.get("state").asString().equals("FAILED")) {
                assertThat(item.get("message").asString()).as(item.toString()).isNotBlank();
            }
            if (PROGRAMS.contains(item.get("file").asString())) {
                assertThat(item.get("outcome").asString()).as(item.toString()).isEqualTo("FAILED");
                assertThat(item.get("message").asString()).as(item.toString()).contains("tệp chương trình");
            }
        }

        // the ordinary file of the same batch was read and is found; the server is healthy
        JsonNode found = Http.get(url("/api/v1/search?q=" + word)).json();
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.get("hits").get(0).get("snippet").asString()).contains("<mark>");
        assertThat(Http.get(url("/actuator/health")).json().get("status").asString()).isEqualTo("UP");
        assertThat(Http.get(url("/api/v1/search?q=" + Http.q("học tập suốt đời"))).json().get("total").asLong()).isPositive();
    }
}
