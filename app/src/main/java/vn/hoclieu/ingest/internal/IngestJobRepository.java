package vn.hoclieu.ingest.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import vn.hoclieu.ingest.IngestJob;
import vn.hoclieu.ingest.JobStatus;

public interface IngestJobRepository extends JpaRepository<IngestJob, Long> {

    /*
     * Claims: several nodes may share the job table (PostgreSQL). A worker locks the
     * oldest due job with FOR UPDATE SKIP LOCKED, so that workers on every node each take a
     * different row without waiting for one another, and moves it to RUNNING in the same
     * transaction; the conditional update guards the move as well. H2 (one node) reads the same
     * SQL. A claim carries a lease that the claiming node's heartbeat extends; a job whose lease
     * ran out (its node died) is reclaimed by any node.
     */

    @Query(value = "select id from ingest_job where status = 'QUEUED' and not_before <= :now order by id"
            + " fetch first 1 rows only for update skip locked", nativeQuery = true)
    List<Long> lockNextDue(@Param("now") Instant now);

    @Modifying
    @Query(value = "update ingest_job set status = 'RUNNING', claimed_by = :worker, claimed_node = :node,"
            + " claim_token = :token, started_at = :now, lease_until = :leaseUntil, attempts = attempts + 1"
            + " where id = :id and status = 'QUEUED'", nativeQuery = true)
    int claim(@Param("id") long id, @Param("worker") String worker, @Param("node") String node,
              @Param("token") String token, @Param("now") Instant now, @Param("leaseUntil") Instant leaseUntil);

    /*
     * Everything a claimant does to its job afterwards (V21) is conditional on the claim: the node and
     * the token drawn at the claim, in the one UPDATE that makes the change. A claim that was lost
     * (the lease ran out and another node claimed the job again) updates no row.
     */

    /** The heartbeat: this node still runs these claims (the ones its workers hold now). */
    @Modifying
    @Query(value = "update ingest_job set lease_until = :leaseUntil where status = 'RUNNING' and claimed_node = :node"
            + " and claim_token in (:tokens)", nativeQuery = true)
    int extendLeases(@Param("node") String node, @Param("tokens") Collection<String> tokens,
                     @Param("leaseUntil") Instant leaseUntil);

    @Modifying
    @Query(value = "update ingest_job set lease_until = :leaseUntil where id = :id and status = 'RUNNING'"
            + " and claimed_node = :node and claim_token = :token", nativeQuery = true)
    int extendClaim(@Param("id") long id, @Param("node") String node, @Param("token") String token,
                    @Param("leaseUntil") Instant leaseUntil);

    @Modifying
    @Query(value = "update ingest_job set status = :status, reason = :reason, finished_at = :now, lease_until = null"
            + " where id = :id and status = 'RUNNING' and claimed_node = :node and claim_token = :token",
            nativeQuery = true)
    int finishClaimed(@Param("id") long id, @Param("node") String node, @Param("token") String token,
                      @Param("status") String status, @Param("reason") String reason, @Param("now") Instant now);

    @Modifying
    @Query(value = "update ingest_job set status = 'FAILED', reason = :reason, last_error = :reason,"
            + " finished_at = :now, lease_until = null"
            + " where id = :id and status = 'RUNNING' and claimed_node = :node and claim_token = :token",
            nativeQuery = true)
    int failClaimed(@Param("id") long id, @Param("node") String node, @Param("token") String token,
                    @Param("reason") String reason, @Param("now") Instant now);

    @Modifying
    @Query(value = "update ingest_job set status = 'QUEUED', last_error = :error, not_before = :notBefore,"
            + " claimed_by = null, claimed_node = null, claim_token = null, lease_until = null"
            + " where id = :id and status = 'RUNNING' and claimed_node = :node and claim_token = :token",
            nativeQuery = true)
    int requeueClaimed(@Param("id") long id, @Param("node") String node, @Param("token") String token,
                       @Param("error") String error, @Param("notBefore") Instant notBefore);

    /**
     * Running jobs nobody runs any more: their lease ran out, they have none (claimed before
     * leases existed), or they are this node's own from before it started ({@code ownNode}; null
     * while it runs), locked so that one node alone reclaims each.
     */
    @Query(value = "select id from ingest_job where status = 'RUNNING'"
            + " and (lease_until is null or lease_until < :now or claimed_node = :ownNode)"
            + " order by id for update skip locked", nativeQuery = true)
    List<Long> lockAbandoned(@Param("now") Instant now, @Param("ownNode") String ownNode);

    @Modifying
    @Query(value = "update ingest_job set status = 'QUEUED', claimed_by = null, claimed_node = null, claim_token = null,"
            + " lease_until = null where id = :id and status = 'RUNNING'", nativeQuery = true)
    int requeue(@Param("id") long id);

    /**
     * Ends the unfinished jobs of a file whose bytes were replaced: a queued one is never claimed, and a
     * running one loses its claim, so what it read of the old bytes is dropped, not recorded.
     */
    @Modifying
    @Query(value = "update ingest_job set status = 'DISCARDED', reason = :reason, finished_at = :now,"
            + " claimed_by = null, claimed_node = null, claim_token = null, lease_until = null"
            + " where file_id = :fileId and status in ('QUEUED', 'RUNNING')", nativeQuery = true)
    int supersede(@Param("fileId") long fileId, @Param("reason") String reason, @Param("now") Instant now);

    List<IngestJob> findByStatusOrderByIdDesc(JobStatus status, Limit limit);

    List<IngestJob> findAllByOrderByIdDesc(Limit limit);

    /*
     * The job lists as a viewer may see them, paged in the database by keyset (newest first, ids below
     * {@code before}): everything for an administrator, a library's own jobs for its librarians — the
     * jobs of the resources whose library is theirs (ingest_job.resource_id references resource). The
     * filter is part of the query, so a page is full and a count is right however many jobs other
     * libraries have.
     */

    @Query("select j from IngestJob j where j.id < :before and (:status is null or j.status = :status)"
            + " order by j.id desc")
    List<IngestJob> page(@Param("status") JobStatus status, @Param("before") long before, Limit limit);

    @Query("select j from IngestJob j where j.id < :before and (:status is null or j.status = :status)"
            + " and j.resourceId in (select r.id from Resource r where r.libraryId = :libraryId) order by j.id desc")
    List<IngestJob> pageOfLibrary(@Param("status") JobStatus status, @Param("before") long before,
                                  @Param("libraryId") long libraryId, Limit limit);

    @Query("select count(j) from IngestJob j where j.status = :status"
            + " and j.resourceId in (select r.id from Resource r where r.libraryId = :libraryId)")
    long countOfLibrary(@Param("status") JobStatus status, @Param("libraryId") long libraryId);

    List<IngestJob> findByResourceIdIn(List<Long> resourceIds);

    long countByStatusIn(List<JobStatus> statuses);

    // the librarians' dashboard: how far the current batch of work has come
    @Query("select min(j.id) from IngestJob j where j.status in :statuses")
    Long firstIdIn(@Param("statuses") List<JobStatus> statuses);

    long countByIdGreaterThanEqual(long id);

    long countByIdGreaterThanEqualAndStatusIn(long id, List<JobStatus> statuses);

    // the same, for one library's jobs: what its librarians' dashboard and queue page count

    @Query("select min(j.id) from IngestJob j where j.status in :statuses"
            + " and j.resourceId in (select r.id from Resource r where r.libraryId = :libraryId)")
    Long firstIdOfLibraryIn(@Param("statuses") List<JobStatus> statuses, @Param("libraryId") long libraryId);

    @Query("select count(j) from IngestJob j where j.id >= :id and j.status in :statuses"
            + " and j.resourceId in (select r.id from Resource r where r.libraryId = :libraryId)")
    long countOfLibraryFromIn(@Param("id") long id, @Param("statuses") Collection<JobStatus> statuses,
                              @Param("libraryId") long libraryId);

    /** How far the OCR of a scan's pages has come, for the queue page and the API. */
    @Modifying
    @Query(value = "update ingest_job set pages_done = :done, pages_total = :total where id = :id", nativeQuery = true)
    int recordPages(@Param("id") long id, @Param("done") int done, @Param("total") int total);

    /** A scan read to the end: its progress says so even if the last report came pages before. */
    @Modifying
    @Query(value = "update ingest_job set pages_done = pages_total where id = :id and pages_total is not null",
            nativeQuery = true)
    int allPagesRead(@Param("id") long id);
}
