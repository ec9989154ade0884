package vn.hoclieu.ingest;

import java.time.Instant;

/**
 * One bulk import in the import history: what became of its files, counted from their stored
 * outcomes (cheap: nothing is asked of the catalogue; the import's own page has the details).
 *
 * @param pending files not yet stored
 */
public record ImportSummary(long id, BulkImport.Status status, String source, String libraryCode, String createdBy,
                            Instant createdAt, Instant finishedAt, int total, int imported, int duplicates,
                            int failed, int pending) {
}
