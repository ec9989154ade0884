package vn.hoclieu.sharing.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ShareLinkRepository extends JpaRepository<ShareLink, Long> {

    Optional<ShareLink> findByTokenHash(String tokenHash);

    List<ShareLink> findByTargetTypeAndTargetIdOrderByCreatedAtDesc(TargetType targetType, long targetId);

    /** Whether any of these links still opens this target. */
    @Query("select count(l) > 0 from ShareLink l where l.id in :ids and l.targetType = :type and l.targetId = :target"
            + " and l.revokedAt is null and l.expiresAt > :now")
    boolean anyActive(Collection<Long> ids, TargetType type, long target, Instant now);
}
