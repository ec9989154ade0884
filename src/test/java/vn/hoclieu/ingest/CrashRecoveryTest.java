package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.Instance;

/**
 * The instance is killed with SIGKILL while its workers are busy with an import, then started
 * again on the same data: every acknowledged upload is there with its SHA-256, every job ends,
 * and every file is found exactly once — nothing lost, nothing indexed twice.
 */
class CrashRecoveryTest {

    private static final String PASSWORD = "crash-test-password";
    private static final int FILES = 80;
    private static final String[] SETTINGS = {"--hoclieu.admin-password=" + PASSWORD, "--hoclieu.ingest.workers=1"};

    @TempDir
    Path data;

    private record Uploaded(long id, String sha256, String word) {
    }

    @Test
    void killedMidImportAndRestartedFinishesEveryJobAndLosesNothing() throws Exception {
        String admin = Http.basic("admin", PASSWORD);
        byte[] pdf = Files.readAllBytes(Path.of("sample-resources/hoc-tap-suot-doi.pdf"));
        List<Uploaded> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());

        Instance first = Instance.start(data, SETTINGS);
        String base = first.url("");
        try {
            // several librarians at once: uploads arrive faster than one worker reads them
            java.util.concurrent.ExecutorService uploaders = java.util.concurrent.Executors.newFixedThreadPool(6);
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int n = 0; n < FILES; n++) {
                int i = n;
                done.add(uploaders.submit(() -> {
                String word = "crash" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
                Map<String, byte[]> files = new LinkedHashMap<>();
                if (i % 3 != 0) {
                    // a real PDF made unique by a trailing comment: slow enough to keep the workers busy
                    byte[] unique = ("\n% " + word + "\n").getBytes(StandardCharsets.US_ASCII);
                    byte[] bytes = new byte[pdf.length + unique.length];
                    System.arraycopy(pdf, 0, bytes, 0, pdf.length);
                    System.arraycopy(unique, 0, bytes, pdf.length, unique.length);
                    files.put("sach-" + i + ".pdf", bytes);
                } else {
                    files.put("bai-" + i + ".txt", ("Bài số " + i + " " + word).getBytes(StandardCharsets.UTF_8));
                }
                Http.Response r = Http.upload(base + "/api/v1/resources", admin, files,
                        "{\"title\":\"Tài liệu " + word + "\"}");
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                JsonNode json = r.json();
                acknowledged.add(new Uploaded(json.get("id").asLong(),
                        json.get("files").get(0).get("sha256").asString(), word));
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(2, java.util.concurrent.TimeUnit.MINUTES);
            }
            uploaders.shutdown();
            int unfinished = Http.get(base + "/api/v1/ingest/jobs?status=QUEUED&limit=1000", "Authorization", admin)
                    .json().size()
                    + Http.get(base + "/api/v1/ingest/jobs?status=RUNNING", "Authorization", admin).json().size();
            assertThat(unfinished).as("jobs still to do when the process is killed").isPositive();
        } finally {
            first.kill(); // SIGKILL: no shutdown hooks, no final index commit
        }

        try (Instance second = Instance.start(data, SETTINGS)) {
            String again = second.url("");
            Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
            while (Http.get(again + "/api/v1/ingest/jobs?status=QUEUED", "Authorization", admin).json().size()
                    + Http.get(again + "/api/v1/ingest/jobs?status=RUNNING", "Authorization", admin).json().size() > 0) {
                assertThat(Instant.now()).as("jobs finished after restart").isBefore(deadline);
                Thread.sleep(200);
            }
            JsonNode jobs = Http.get(again + "/api/v1/ingest/jobs?limit=1000", "Authorization", admin).json();
            assertThat(jobs.size()).isEqualTo(FILES);
            jobs.forEach(j -> assertThat(j.get("status").asString()).isEqualTo("DONE"));

            for (Uploaded u : acknowledged) {
                JsonNode resource = Http.get(again + "/api/v1/resources/" + u.id(), "Authorization", admin).json();
                assertThat(resource.get("files").get(0).get("sha256").asString()).isEqualTo(u.sha256());
                assertThat(resource.get("files").get(0).get("extraction").get("status").asString()).isEqualTo("OK");
                JsonNode found = Http.get(again + "/api/v1/search?q=" + u.word()).json();
                assertThat(found.get("total").asLong()).as("hits for " + u.word()).isEqualTo(1);
                assertThat(found.get("hits").get(0).get("id").asLong()).isEqualTo(u.id());
            }
            assertThat(Http.get(again + "/api/v1/search?q=").json().get("total").asLong()).isEqualTo(FILES);
        }
    }
}
