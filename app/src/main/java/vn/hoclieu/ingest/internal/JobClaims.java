package vn.hoclieu.ingest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.ingest.JobStatus;

/**
 * The claims one node's workers hold on ingestion jobs. A claim is the job's id with a token drawn
 * afresh at each claim ({@code ingest_job.claim_token}) and the node's name; every later change of
 * the job by its claimant — keeping it, finishing it, failing it — is one {@code UPDATE … WHERE}
 * on the three together, so a node whose lease ran out while it was reading (a long pause, a lost
 * connection) and whose job another node has since claimed again changes nothing: its result is
 * logged and dropped. The heartbeat extends the leases of the claims this node's workers hold now,
 * never of other RUNNING rows that merely carry its name.
 */
final class JobClaims {

    private static final Logger log = LoggerFactory.getLogger(JobClaims.class);

    /** One claim: what a worker needs to change its job afterwards. */
    record Claim(long jobId, String token) {
    }

    private final IngestJobRepository jobs;
    private final TransactionTemplate tx;
    private final String node;
    private final Duration lease;
    private final Map<Long, String> held = new ConcurrentHashMap<>();

    JobClaims(IngestJobRepository jobs, TransactionTemplate tx, String node, Duration lease) {
        this.jobs = jobs;
        this.tx = tx;
        this.node = node;
        this.lease = lease;
    }

    /** Claims the oldest due job for {@code worker}, if any (FOR UPDATE SKIP LOCKED, then a conditional UPDATE). */
    Optional<Claim> next(String worker) {
        return tx.execute(s -> {
            Instant now = Instant.now();
            for (Long id : jobs.lockNextDue(now)) {
                Optional<Claim> c = claim(id, worker, now);
                if (c.isPresent()) {
                    return c;
                }
            }
            return Optional.<Claim>empty();
        });
    }

    /**
     * Claims this queued job (in the caller's transaction) and holds it until {@link #release}; empty if it is
     * not queued any more. Should the transaction not commit, the token held matches no row: its beat is void.
     */
    Optional<Claim> claim(long jobId, String worker, Instant now) {
        String token = UUID.randomUUID().toString();
        if (jobs.claim(jobId, worker, node, token, now, now.plus(lease)) != 1) {
            return Optional.empty();
        }
        held.put(jobId, token);
        return Optional.of(new Claim(jobId, token));
    }

    /**
     * Whether the claim still holds, extending its lease; inside a transaction the job's row then stays
     * locked until it commits, so nobody reclaims the job while its outcome is being recorded.
     */
    boolean holds(Claim claim) {
        return kept(jobs.extendClaim(claim.jobId(), node, claim.token(), Instant.now().plus(lease)), claim, "keep");
    }

    /** Ends the claimed job (DONE or FAILED) with its reason; false, and nothing changed, if the claim was lost. */
    boolean finish(Claim claim, JobStatus outcome, String reason) {
        return kept(tx.execute(s -> jobs.finishClaimed(claim.jobId(), node, claim.token(), outcome.name(),
                cut(reason), Instant.now())), claim, "finish");
    }

    /** Queues the claimed job again after a transient failure, to be tried at {@code notBefore}. */
    boolean retryLater(Claim claim, String error, Instant notBefore) {
        return kept(tx.execute(s -> jobs.requeueClaimed(claim.jobId(), node, claim.token(), cut(error), notBefore)),
                claim, "queue again");
    }

    /** Ends the claimed job as FAILED after its last attempt (in the caller's transaction). */
    boolean giveUp(Claim claim, String reason) {
        return kept(jobs.failClaimed(claim.jobId(), node, claim.token(), cut(reason), Instant.now()), claim, "give up");
    }

    /** The worker is done with the job, whatever became of it: the heartbeat no longer extends it. */
    void release(Claim claim) {
        held.remove(claim.jobId(), claim.token());
    }

    /** The heartbeat: extends the leases of the claims held now; returns how many rows it extended. */
    int extendHeld() {
        List<String> tokens = List.copyOf(held.values());
        if (tokens.isEmpty()) {
            return 0;
        }
        return tx.execute(s -> jobs.extendLeases(node, tokens, Instant.now().plus(lease)));
    }

    private boolean kept(Integer updated, Claim claim, String what) {
        if (updated != null && updated == 1) {
            return true;
        }
        log.warn("ingestion job {}: the claim of {} was lost (its lease ran out and the job was claimed again"
                + " or reset); did not {} it, the result is dropped", claim.jobId(), node, what);
        return false;
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
