package vn.hoclieu.account.internal;

import java.time.Instant;

/** A personal API token as its owner sees it in lists: never the secret. */
public record TokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                        boolean expired) {
}
