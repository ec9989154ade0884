package vn.hoclieu.catalog;

import java.time.Instant;

/**
 * One line of a resource's history, for its library's staff.
 *
 * @param details the reason of a rejection, the fields an edit changed, or a visibility's old and new value
 */
public record HistoryEntry(long id, long resourceId, String actor, AuditAction action, String details, Instant at) {
}
