package vn.hoclieu.account.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByAccountIdAndRevokedAtIsNullOrderByCreatedAtDesc(Long accountId);

    long countByAccountIdAndRevokedAtIsNull(Long accountId);

    /** Records a use unless one was recorded since {@code notSince}: at most one write per token in that time. */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :notSince)")
    int touch(Long id, Instant now, Instant notSince);
}
