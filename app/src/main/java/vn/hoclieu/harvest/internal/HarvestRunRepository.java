package vn.hoclieu.harvest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface HarvestRunRepository extends JpaRepository<HarvestRun, Long> {

    List<HarvestRun> findTop20ByPartnerIdOrderByStartedAtDescIdDesc(long partnerId);

    Optional<HarvestRun> findFirstByPartnerIdOrderByStartedAtDescIdDesc(long partnerId);

    /** Runs a stopped JVM left RUNNING did not finish: they failed. */
    @Transactional
    @Modifying
    @Query("update HarvestRun r set r.status = 'FAILED', r.finishedAt = ?2, r.error = ?1 where r.status = 'RUNNING'")
    int failUnfinished(String error, Instant now);
}
