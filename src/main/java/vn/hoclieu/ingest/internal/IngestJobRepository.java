package vn.hoclieu.ingest.internal;

import java.time.Instant;
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
     * Claims (issue 7): several nodes may share the job table (PostgreSQL). A worker locks the
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
            + " started_at = :now, lease_until = :leaseUntil, attempts = attempts + 1"
            + " where id = :id and status = 'QUEUED'", nativeQuery = true)
    int claim(@Param("id") long id, @Param("worker") String worker, @Param("node") String node,
              @Param("now") Instant now, @Param("leaseUntil") Instant leaseUntil);

    /** The heartbeat: this node still runs its jobs. */
    @Modifying
    @Query(value = "update ingest_job set lease_until = :leaseUntil where status = 'RUNNING' and claimed_node = :node",
            nativeQuery = true)
    int extendLeases(@Param("node") String node, @Param("leaseUntil") Instant leaseUntil);

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
    @Query(value = "update ingest_job set status = 'QUEUED', claimed_by = null, claimed_node = null, lease_until = null"
            + " where id = :id and status = 'RUNNING'", nativeQuery = true)
    int requeue(@Param("id") long id);

    List<IngestJob> findByStatusOrderByIdDesc(JobStatus status, Limit limit);

    List<IngestJob> findAllByOrderByIdDesc(Limit limit);

    List<IngestJob> findByResourceIdIn(List<Long> resourceIds);

    long countByStatusIn(List<JobStatus> statuses);

    // the librarians' dashboard: how far the current batch of work has come (issue 6)
    @Query("select min(j.id) from IngestJob j where j.status in :statuses")
    Long firstIdIn(@Param("statuses") List<JobStatus> statuses);

    long countByIdGreaterThanEqual(long id);

    long countByIdGreaterThanEqualAndStatusIn(long id, List<JobStatus> statuses);
}
