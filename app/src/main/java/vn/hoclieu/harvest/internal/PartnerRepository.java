package vn.hoclieu.harvest.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** Partners; a harvest moves its watermark with an update of its own, never racing an administrator's edit. */
public interface PartnerRepository extends JpaRepository<Partner, Long> {

    List<Partner> findAllByOrderByName();

    @Transactional
    @Modifying
    @Query("update Partner p set p.harvestedUntil = ?2, p.resumeToken = null, p.resumeUntil = null where p.id = ?1")
    int completed(long id, Instant harvestedUntil);

    @Transactional
    @Modifying
    @Query("update Partner p set p.resumeToken = ?2, p.resumeUntil = ?3 where p.id = ?1")
    int stoppedAt(long id, String token, Instant responseDate);
}
