package vn.hoclieu.catalog.internal;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A library's quota, checked and taken in one step (V21): the check locks the library's row, counts
 * the bytes of its files and the room reserved by uploads in progress, and records this upload's
 * reservation before the lock is released — so two uploads at once can never both pass. The upload's
 * own transaction takes the lock again to swap the reservation for its files (with their real sizes);
 * a failed upload drops its reservation. Works across nodes that share the database.
 */
@Component
public class QuotaReservations {

    /** A reservation older than this was left by a crash and no longer holds room. */
    static final Duration STALE = Duration.ofHours(1);

    /** What the library holds and may hold, for the refusal's message. */
    public record Refusal(long usedBytes, long quotaBytes, long addingBytes) {
    }

    /** Thrown when the upload does not fit. */
    public static final class OverQuota extends RuntimeException {
        public final transient Refusal refusal;

        OverQuota(Refusal refusal) {
            super("over quota: " + refusal);
            this.refusal = refusal;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    QuotaReservations(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Reserves {@code bytes} in the library (its own transaction, committed on return).
     *
     * @return the reservation's id
     * @throws OverQuota if the files and the other reservations leave no room for it
     */
    public long reserve(long libraryId, long quotaBytes, long bytes) {
        Long id = tx.execute(s -> {
            check(libraryId, quotaBytes, bytes, null);
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(c -> {
                PreparedStatement p = c.prepareStatement(
                        "insert into upload_reservation (library_id, bytes, created_at) values (?, ?, ?)", new String[] {"id"});
                p.setLong(1, libraryId);
                p.setLong(2, bytes);
                p.setTimestamp(3, Timestamp.from(Instant.now()));
                return p;
            }, key);
            return key.getKey().longValue();
        });
        return id;
    }

    /**
     * In the upload's transaction, just before its files are inserted: checks again with their real size,
     * under the library's lock (held until that transaction ends), and drops the reservation they replace.
     *
     * @throws OverQuota if they do not fit
     */
    public void confirm(long libraryId, long quotaBytes, long reservation, long actualBytes) {
        check(libraryId, quotaBytes, actualBytes, reservation);
        jdbc.update("delete from upload_reservation where id = ?", reservation);
    }

    /** Drops a reservation whose upload failed (nothing if it was confirmed). */
    public void release(long reservation) {
        tx.executeWithoutResult(s -> jdbc.update("delete from upload_reservation where id = ?", reservation));
    }

    private void check(long libraryId, long quotaBytes, long adding, Long except) {
        // the row lock serializes every check-and-record of this library, on every node
        jdbc.queryForList("select id from library where id = ? for update", Long.class, libraryId);
        Long files = jdbc.queryForObject("select coalesce(sum(f.size), 0) from resource_file f"
                + " join resource r on r.id = f.resource_id where r.library_id = ?", Long.class, libraryId);
        Long reserved = jdbc.queryForObject("select coalesce(sum(bytes), 0) from upload_reservation"
                + " where library_id = ? and created_at > ? and id <> ?", Long.class, libraryId,
                Timestamp.from(Instant.now().minus(STALE)), except == null ? -1L : except);
        long used = files + reserved;
        if (used + adding > quotaBytes) {
            throw new OverQuota(new Refusal(used, quotaBytes, adding));
        }
    }
}
