package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.account.Role;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/** The ingestion queue as librarians see it: statuses with reasons, retry and discard. */
@Tag(TestGroups.POSTGRES)
class IngestJobsApiTest extends IntegrationTest {

    private static final String OTHER_LIBRARY = "HN-THPT-BDM";

    private int post(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void aFileThatCannotBeReadIsAFailedJobThatCanBeRetriedOrDiscarded() throws Exception {
        String librarian = Http.basic(account("librarian-jobs", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        Http.Response created = Http.upload(url("/api/v1/resources"), librarian,
                Map.of("hong-nua.pdf", ("%PDF-1.4 broken " + UUID.randomUUID()).getBytes(StandardCharsets.ISO_8859_1)),
                null);
        long resourceId = created.json().get("id").asLong();
        awaitIngestIdle();
        JsonNode job = null;
        for (JsonNode j : Http.get(url("/api/v1/ingest/jobs?status=FAILED"), "Authorization", librarian).json()) {
            if (j.get("resourceId").asLong() == resourceId) {
                job = j;
            }
        }
        assertThat(job).as("the damaged file is among the failures").isNotNull();
        assertThat(job.get("reason").asString()).startsWith("FAILED: ").contains("hỏng");
        assertThat(job.get("fileName").asString()).isEqualTo("hong-nua.pdf");
        long id = job.get("id").asLong();

        // another library's librarian neither sees the job (its file name) nor may act on it
        String stranger = Http.basic(account("librarian-jobs-other", Role.LIBRARIAN, OTHER_LIBRARY), PASSWORD);
        for (JsonNode j : Http.get(url("/api/v1/ingest/jobs?status=FAILED"), "Authorization", stranger).json()) {
            assertThat(j.get("resourceId").asLong()).as("another library's job is not listed").isNotEqualTo(resourceId);
        }
        assertThat(post("/api/v1/ingest/jobs/" + id + "/retry", stranger)).isEqualTo(404);
        assertThat(post("/api/v1/ingest/jobs/" + id + "/discard", stranger)).isEqualTo(404);

        assertThat(post("/api/v1/ingest/jobs/" + id + "/retry", null)).isEqualTo(401);
        String teacher = Http.basic(account("teacher-jobs", Role.TEACHER, "HN-TVHN"), PASSWORD);
        assertThat(post("/api/v1/ingest/jobs/" + id + "/retry", teacher)).isEqualTo(403);
        assertThat(post("/api/v1/ingest/jobs/" + id + "/retry", librarian)).isEqualTo(200);
        assertThat(ingest.job(id).orElseThrow().reason()).as("a retried job forgets its old reason").isNull();
        await(() -> ingest.job(id).orElseThrow().status() == JobStatus.FAILED, Duration.ofSeconds(60),
                "retried job did not finish");
        assertThat(ingest.job(id).orElseThrow().attempts()).isEqualTo(1);

        assertThat(post("/api/v1/ingest/jobs/" + id + "/discard", librarian)).isEqualTo(200);
        assertThat(ingest.job(id).orElseThrow().status()).isEqualTo(JobStatus.DISCARDED);
        assertThat(post("/api/v1/ingest/jobs/" + id + "/discard", librarian)).as("only a failed job").isEqualTo(409);
        assertThat(post("/api/v1/ingest/jobs/999999/retry", librarian)).isEqualTo(404);
    }

    @Test
    void unknownStatusFilterIsExplained() {
        String librarian = Http.basic(account("librarian-jobs2", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        Http.Response r = Http.get(url("/api/v1/ingest/jobs?status=LOST"), "Authorization", librarian);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("LOST").contains("QUEUED").contains("hãy dùng");
        assertThat(Http.get(url("/api/v1/ingest/jobs")).status()).isEqualTo(401);
    }
}
