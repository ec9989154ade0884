package vn.hoclieu.sharing;

import java.time.Instant;

/**
 * A share link as its makers see it. The link's address is not here: only a hash of its token is
 * kept, so the address is shown once, when the link is made ({@link NewShareLink}).
 *
 * @param revokedAt when it was revoked, or null
 * @param active    neither expired nor revoked
 */
public record ShareLinkView(long id, String targetType, long targetId, String createdBy, Instant createdAt,
                            Instant expiresAt, Instant revokedAt, boolean active) {
}
