package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.account.Role;

/** The ingestion queue page: a librarian sees the files that could not be read, why, and tries again or sets them aside. */
class IngestPagesTest extends IntegrationTest {

    @Test
    void aLibrarianSeesAFailedFileWithItsReasonAndRetriesThenSetsItAside() throws Exception {
        String user = account("librarian-queue", Role.LIBRARIAN, "HN-TVHN");
        Http.Response created = Http.upload(url("/api/v1/resources"), Http.basic(user, PASSWORD),
                Map.of("hong-trang.pdf", ("%PDF-1.4 hỏng " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)), null);
        assertThat(created.status()).isEqualTo(201);
        awaitIngestIdle();
        long jobId = ingest.jobsOf(List.of(created.json().get("id").asLong())).get(0).id();

        Browser browser = new Browser(url(""));
        browser.signIn(user, PASSWORD);
        HttpResponse<String> page = browser.get("/ingest");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("hong-trang.pdf").contains("có thể tệp bị hỏng")
                .contains("action=\"/ingest/jobs/" + jobId + "/retry\"");

        HttpResponse<String> retried = browser.postForm("/ingest/jobs/" + jobId + "/retry", Browser.csrf(page.body()));
        assertThat(retried.statusCode()).isEqualTo(302);
        assertThat(retried.headers().firstValue("Location").orElseThrow()).endsWith("/ingest?retried=" + jobId);
        await(() -> ingest.job(jobId).orElseThrow().status() == JobStatus.FAILED, Duration.ofSeconds(60),
                "the retried job did not end");

        String again = browser.get("/ingest").body();
        HttpResponse<String> discarded = browser.postForm("/ingest/jobs/" + jobId + "/discard", Browser.csrf(again));
        assertThat(discarded.headers().firstValue("Location").orElseThrow()).endsWith("/ingest?discarded=" + jobId);
        assertThat(ingest.job(jobId).orElseThrow().status()).isEqualTo(JobStatus.DISCARDED);
        assertThat(browser.get("/ingest?discarded=" + jobId).body()).contains("đã được gác lại");
    }

    @Test
    void readersAndTeachersDoNotSeeTheQueueAndAFormWithoutItsTokenIsRefused() throws Exception {
        assertThat(new Browser(url("")).get("/ingest").statusCode()).as("anonymous: to the sign-in page").isEqualTo(302);
        Browser teacher = new Browser(url(""));
        teacher.signIn(account("teacher-queue", Role.TEACHER, "HN-TVHN"), PASSWORD);
        assertThat(teacher.get("/ingest").statusCode()).isEqualTo(403);

        Browser librarian = new Browser(url(""));
        librarian.signIn(account("librarian-queue2", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        assertThat(librarian.postForm("/ingest/jobs/1/discard", "not-the-token").statusCode()).isEqualTo(403);
    }
}
