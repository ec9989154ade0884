package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.HostileCorpus;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Messages;
import vn.hoclieu.account.Role;

/**
 * The ZIP layouts that readers read differently, through the real upload paths: as a bulk import each
 * is REJECTED with its reason; uploaded alone each is stored and its extraction FAILED with the reason.
 */
class HostileZipLayoutsTest extends IntegrationTest {

    @Test
    void overlappingAndMismatchedArchivesAreRejectedAsImportsAndFailedAsUploads() {
        String librarian = Http.basic(account("thu-thu-zip-layout", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        String salt = UUID.randomUUID().toString().substring(0, 8);
        // 2,000 entries × 8 MB: 16 GB unpacked by the central directory, from about 0.3 MB
        Map<String, byte[]> archives = Map.of(
                "chong.zip", HostileCorpus.overlappingZipBomb("n" + salt, 2_000, 8),
                "lech.zip", HostileCorpus.mismatchedZip("m" + salt, 8, false),
                "an-kich-thuoc.zip", HostileCorpus.mismatchedZip("d" + salt, 8, true));
        Map<String, String> expected = Map.of("chong.zip", "chồng lên", "lech.zip", "không khớp",
                "an-kich-thuoc.zip", "không khớp");

        for (Map.Entry<String, byte[]> a : archives.entrySet()) {
            Http.Response started = Http.upload(url("/api/v1/imports"), librarian, Map.of(a.getKey(), a.getValue()), null);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            long id = started.json().get("id").asLong();
            await(() -> !status(librarian, id).get("status").asString().equals("RECEIVED"), Duration.ofSeconds(60),
                    a.getKey() + ": the import never ended");
            JsonNode done = status(librarian, id);
            assertThat(done.get("status").asString()).as(a.getKey()).isEqualTo("REJECTED");
            assertThat(done.get("message").asString()).as(a.getKey()).contains(expected.get(a.getKey()))
                    .contains("không nhập");
            assertThat(done.get("total").asInt()).as(a.getKey() + ": nothing was unpacked").isZero();
        }

        for (Map.Entry<String, byte[]> a : archives.entrySet()) {
            Http.Response r = Http.upload(url("/api/v1/resources"), librarian,
                    Map.of(salt + "-" + a.getKey(), a.getValue()), null);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            long resourceId = r.json().get("id").asLong();
            await(() -> ingest.jobsOf(List.of(resourceId)).stream()
                            .allMatch(j -> j.status() == JobStatus.DONE || j.status() == JobStatus.FAILED),
                    Duration.ofSeconds(60), a.getKey() + ": its job never ended");
            JsonNode extraction = Http.get(url("/api/v1/resources/" + resourceId), "Authorization", librarian).json()
                    .get("files").get(0).get("extraction");
            assertThat(extraction.get("status").asString()).as(a.getKey()).isEqualTo("FAILED");
            assertThat(Messages.vietnamese(extraction.get("reason").asString())).as(a.getKey())
                    .contains(expected.get(a.getKey())).contains("không đọc");
        }
        assertThat(Http.get(url("/actuator/health")).json().get("status").asString()).isEqualTo("UP");
    }

    private JsonNode status(String auth, long importId) {
        return Http.get(url("/api/v1/imports/" + importId), "Authorization", auth).json();
    }
}
