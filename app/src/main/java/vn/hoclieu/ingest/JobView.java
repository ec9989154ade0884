package vn.hoclieu.ingest;

import java.time.Instant;

/**
 * An ingestion job as the API and the librarian's pages show it.
 *
 * @param pagesDone  for a scanned PDF read page by page by OCR: the pages read so far; else null
 * @param pagesTotal for such a scan: the pages without a text layer, to be read by OCR; else null
 */
public record JobView(long id, long resourceId, long fileId, String fileName, JobStatus status, String reason,
                      int attempts, String lastError, Instant createdAt, Instant startedAt, Instant finishedAt,
                      Integer pagesDone, Integer pagesTotal) {
}
