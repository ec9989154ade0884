package vn.hoclieu.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;
import vn.hoclieu.catalog.BlobReference;
import vn.hoclieu.catalog.CatalogFeeds;
import vn.hoclieu.search.internal.IndexDamage;
import vn.hoclieu.storage.BlobStore;

/**
 * {@code POST /api/v1/admin/verify} (the check behind {@code hoclieu.jar verify}) on a real instance
 * damaged the ways a crash, a bug or a failing disk would: it names the missing and the corrupt
 * blob with their resources, lists the orphan, finds every kind of index fault, and repairs the index.
 */
class VerifyTest extends IntegrationTest {

    private static final long STRAY = 987_654_321L;

    @Autowired
    ApplicationContext context;

    @Autowired
    BlobStore blobs;

    @Autowired
    CatalogFeeds catalog;

    @Test
    void verifyNamesDamagedBlobsAndRepairsEveryIndexFault() throws Exception {
        String admin = Http.basic("admin", PASSWORD);
        List<Long> ids = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String word = "kiemtra" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            ids.add(Uploads.resource("Kiểm tra " + word).file("bai-" + i + ".txt", "Bài kiểm tra " + word).by(admin)
                    .to(url("")).id());
            words.add(word);
        }
        // its own files read, not the whole queue (the sample library may still be being read)
        await(() -> ids.stream().allMatch(id -> !Http.get(url("/api/v1/resources/" + id), "Authorization", admin)
                .json().get("files").get(0).get("extraction").get("status").asString().equals("PENDING")),
                Duration.ofMinutes(3), "the files were never read");
        long forgotten = ids.get(0);
        long twice = ids.get(1);
        long stale = ids.get(2);
        long lost = ids.get(3);
        IndexDamage.forget(context, forgotten);
        IndexDamage.duplicate(context, twice);
        IndexDamage.makeStale(context, stale);
        IndexDamage.addStray(context, lost, STRAY);
        String lostSha = blob(lost, BlobReference.CONTENT);
        Path lostPath = blobs.localPath(lostSha);
        byte[] lostBytes = Files.readAllBytes(lostPath);
        Files.delete(lostPath);
        String corruptSha = blob(stale, BlobReference.TEXT);
        Path corruptPath = blobs.localPath(corruptSha);
        byte[] corruptBytes = Files.readAllBytes(corruptPath);
        Files.write(corruptPath, "hỏng".getBytes(StandardCharsets.UTF_8));
        String orphan = blobs.store(new ByteArrayInputStream(UUID.randomUUID().toString()
                .getBytes(StandardCharsets.US_ASCII))).sha256();
        try {
            assertThat(Http.json("POST", url("/api/v1/admin/verify"),
                    Http.basic(account("verify-librarian", Role.LIBRARIAN, null), PASSWORD), null).status())
                    .as("for administrators only").isEqualTo(403);

            Http.Response r = Http.json("POST", url("/api/v1/admin/verify"), admin, null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode report = r.json();
            assertThat(report.get("damaged").asBoolean()).isTrue();
            assertThat(problems(report.get("missing"))).contains(lost + "/content/" + lostSha);
            assertThat(problems(report.get("corrupt"))).contains(stale + "/text/" + corruptSha);
            assertThat(report.get("orphans").findValuesAsString("sha256")).contains(orphan);
            JsonNode index = report.get("index");
            assertThat(longs(index.get("missing"))).contains(forgotten);
            assertThat(longs(index.get("duplicated"))).contains(twice);
            assertThat(longs(index.get("stale"))).contains(stale);
            assertThat(longs(index.get("extra"))).contains(STRAY);
            JsonNode after = report.get("indexAfter");
            for (String list : List.of("missing", "duplicated", "stale", "extra")) {
                assertThat(longs(after.get(list))).as(list + " after the repair")
                        .doesNotContainAnyElementsOf(List.of(forgotten, twice, stale, STRAY));
            }
            for (int i = 0; i < ids.size(); i++) {
                JsonNode found = Http.get(url("/api/v1/search?q=" + words.get(i)), "Authorization", admin).json();
                assertThat(found.get("total").asLong()).as("hits for " + words.get(i)).isEqualTo(1);
                assertThat(found.get("hits").get(0).get("id").asLong()).isEqualTo(ids.get(i));
            }
        } finally {
            Files.write(lostPath, lostBytes);
            Files.write(corruptPath, corruptBytes);
        }
        JsonNode again = Http.json("POST", url("/api/v1/admin/verify?repair=false"), admin, null).json();
        assertThat(problems(again.get("missing"))).doesNotContain(lost + "/content/" + lostSha);
        assertThat(problems(again.get("corrupt"))).doesNotContain(stale + "/text/" + corruptSha);
    }

    private String blob(long resourceId, String kind) {
        return catalog.blobReferences().stream().filter(b -> b.resourceId() == resourceId && b.kind().equals(kind))
                .findFirst().orElseThrow().sha256();
    }

    private static List<String> problems(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(p -> out.add(p.get("resourceId").asLong() + "/" + p.get("kind").asString() + "/"
                + p.get("sha256").asString()));
        return out;
    }

    private static List<Long> longs(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asLong()));
        return out;
    }
}
