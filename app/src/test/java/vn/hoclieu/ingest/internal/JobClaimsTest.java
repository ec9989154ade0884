package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.ingest.JobStatus;
import vn.hoclieu.ingest.JobView;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/**
 * Claims on the real job table (H2, and PostgreSQL in its run): a node whose lease ran out and whose job
 * another node claimed again cannot finish, fail or keep that job; and the heartbeat extends only the
 * jobs its workers hold, not other RUNNING rows that carry the node's name.
 */
@Tag(TestGroups.POSTGRES)
class JobClaimsTest extends IntegrationTest {

    @Autowired
    IngestJobRepository jobs;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IngestWorkers workers;

    @Test
    void aStaleClaimantsFinishDoesNotOverwriteTheNewClaimantsOutcome() {
        long jobId = finishedJob();
        JobClaims stale = new JobClaims(jobs, tx, "node-stale-" + jobId, Duration.ofMinutes(1));
        JobClaims fresh = new JobClaims(jobs, tx, "node-fresh-" + jobId, Duration.ofMinutes(1));

        JobClaims.Claim first = claimAsIfQueued(stale, jobId);
        // its lease runs out and the other node reclaims the job and claims it again
        jdbc.update("update ingest_job set lease_until = ? where id = ?", Timestamp.from(Instant.now().minusSeconds(5)), jobId);
        Integer requeued = tx.execute(s -> jobs.requeue(jobId));
        assertThat(requeued).isEqualTo(1);
        JobClaims.Claim second = claimAsIfQueued(fresh, jobId);

        assertThat(fresh.finish(second, JobStatus.DONE, "OK: the fresh claimant's")).isTrue();
        assertThat(stale.finish(first, JobStatus.FAILED, "FAILED: the stale claimant's")).isFalse();
        assertThat(stale.retryLater(first, "stale error", Instant.now())).isFalse();
        Boolean holds = tx.execute(s -> stale.holds(first));
        assertThat(holds).isFalse();
        Boolean gaveUp = tx.execute(s -> stale.giveUp(first, "stale gave up"));
        assertThat(gaveUp).isFalse();

        Map<String, Object> row = jdbc.queryForMap("select status, reason, last_error from ingest_job where id = ?", jobId);
        assertThat(value(row, "status")).isEqualTo("DONE");
        assertThat(value(row, "reason")).isEqualTo("OK: the fresh claimant's");
        assertThat(value(row, "last_error")).isNull();
    }

    @Test
    void theHeartbeatExtendsOnlyTheJobsItsWorkersHold() {
        long held = finishedJob();
        long notHeld = finishedJob();
        JobClaims claims = new JobClaims(jobs, tx, "node-beat-" + held, Duration.ofMinutes(10));
        JobClaims.Claim claim = claimAsIfQueued(claims, held);
        // a RUNNING row with the node's name that none of its workers holds (say, from before a restart)
        Instant soon = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("update ingest_job set status = 'RUNNING', claimed_node = ?, claim_token = ?, lease_until = ?,"
                + " not_before = ? where id = ?", "node-beat-" + held, UUID.randomUUID().toString(),
                Timestamp.from(soon), Timestamp.from(Instant.now().plus(Duration.ofDays(1))), notHeld);
        jdbc.update("update ingest_job set lease_until = ? where id = ?", Timestamp.from(soon), held);
        try {
            assertThat(claims.extendHeld()).isEqualTo(1);
            assertThat(leaseOf(held)).as("held: extended by the lease").isAfter(soon.plus(Duration.ofMinutes(5)));
            assertThat(leaseOf(notHeld)).as("not held: left to run out").isEqualTo(soon);

            claims.release(claim);
            assertThat(claims.extendHeld()).isZero();
            // and the running node's own heartbeat does not extend it either
            jdbc.update("update ingest_job set claimed_node = ? where id = ?", workers.node(), notHeld);
            workers.beat();
            assertThat(leaseOf(notHeld)).isEqualTo(soon);
        } finally {
            jdbc.update("update ingest_job set status = 'DONE', lease_until = null, claimed_node = null where id in (?, ?)",
                    held, notHeld);
        }
    }

    /** Puts the job back in the queue, out of the running workers' reach (due tomorrow), and claims it. */
    private JobClaims.Claim claimAsIfQueued(JobClaims claims, long jobId) {
        jdbc.update("update ingest_job set status = 'QUEUED', not_before = ? where id = ?",
                Timestamp.from(Instant.now().plus(Duration.ofDays(1))), jobId);
        return tx.execute(s -> claims.claim(jobId, "test-worker", Instant.now())).orElseThrow();
    }

    private Instant leaseOf(long jobId) {
        return jdbc.queryForObject("select lease_until from ingest_job where id = ?", Timestamp.class, jobId)
                .toInstant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Object value(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException(column);
    }

    /** A real upload whose job has ended. */
    private long finishedJob() {
        String words = "claimtest " + UUID.randomUUID();
        Http.Response r = Http.upload(url("/api/v1/resources"), Http.basic("admin", PASSWORD),
                Map.of("claim-" + UUID.randomUUID() + ".txt", words.getBytes(StandardCharsets.UTF_8)), null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long resourceId = r.json().get("id").asLong();
        await(() -> ingest.jobsOf(List.of(resourceId)).stream().allMatch(j -> j.status() == JobStatus.DONE),
                Duration.ofSeconds(60), "the upload's job did not end");
        return ingest.jobsOf(List.of(resourceId)).stream().map(JobView::id).findFirst().orElseThrow();
    }
}
