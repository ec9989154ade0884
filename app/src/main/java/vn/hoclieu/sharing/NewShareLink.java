package vn.hoclieu.sharing;

import java.time.Instant;

/** A share link just made: its address ({@code /s/<token>}, absolute) is shown only now. */
public record NewShareLink(long id, String url, Instant expiresAt) {
}
