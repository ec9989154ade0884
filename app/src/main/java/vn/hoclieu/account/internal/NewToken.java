package vn.hoclieu.account.internal;

import java.time.Instant;

/** A token just created: the only time its secret ({@code token}) is ever shown. */
public record NewToken(long id, String name, String prefix, Instant createdAt, Instant expiresAt, String token) {
}
