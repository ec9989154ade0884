package vn.hoclieu.ingest;

import java.time.Instant;
import java.util.List;

/**
 * A bulk import as {@code GET /api/v1/imports/{id}} shows it.
 *
 * @param done    files stored and read, or skipped because they were already in the catalogue
 * @param skipped of those done, the files skipped as already in the catalogue (outcome {@code DUPLICATE}):
 *                the pages say "Bỏ qua (trùng)" for them, not "Xong"
 * @param failed  files refused, or stored but unreadable
 * @param pending files not yet stored or still being read
 */
public record ImportView(long id, BulkImport.Status status, String source, int total, int done, int skipped,
                         int failed, int pending, String message, Instant createdAt, Instant finishedAt,
                         List<Item> items) {

    public enum State { PENDING, DONE, FAILED }

    /** @param extraction the main file's extraction status once stored, e.g. OK, ENCRYPTED */
    public record Item(String file, State state, ImportReport.Outcome outcome, Long resourceId, String extraction,
                       String message) {

        /** Already in the catalogue, so not imported again ("Bỏ qua (trùng)"); its state is DONE. */
        public boolean skipped() {
            return outcome == ImportReport.Outcome.DUPLICATE;
        }
    }
}
