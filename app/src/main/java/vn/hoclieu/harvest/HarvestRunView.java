package vn.hoclieu.harvest;

import java.time.Instant;

/**
 * One harvest of one partner.
 *
 * @param status RUNNING, SUCCEEDED, PARTIAL (stopped at the record limit; the next run continues) or FAILED
 * @param error  why it failed, in the reader's language, or null
 */
public record HarvestRunView(long id, long partnerId, Instant startedAt, Instant finishedAt, String status,
                             int added, int updated, int deleted, String error) {
}
