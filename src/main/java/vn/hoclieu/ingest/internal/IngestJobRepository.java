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

    @Query("select j.id from IngestJob j where j.status = vn.hoclieu.ingest.JobStatus.QUEUED "
            + "and j.notBefore <= :now order by j.id")
    List<Long> claimable(@Param("now") Instant now, Limit limit);

    /** The claim itself: only one worker can move a job from QUEUED to RUNNING. */
    @Modifying
    @Query("update IngestJob j set j.status = vn.hoclieu.ingest.JobStatus.RUNNING, j.claimedBy = :worker, "
            + "j.startedAt = :now, j.attempts = j.attempts + 1 "
            + "where j.id = :id and j.status = vn.hoclieu.ingest.JobStatus.QUEUED")
    int claim(@Param("id") long id, @Param("worker") String worker, @Param("now") Instant now);

    List<IngestJob> findByStatusAndAttemptsGreaterThanEqual(JobStatus status, int attempts);

    /** After a crash, work that was running is queued again (one node; leases come with scale-out). */
    @Modifying
    @Query("update IngestJob j set j.status = vn.hoclieu.ingest.JobStatus.QUEUED, j.claimedBy = null "
            + "where j.status = vn.hoclieu.ingest.JobStatus.RUNNING")
    int requeueRunning();

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
