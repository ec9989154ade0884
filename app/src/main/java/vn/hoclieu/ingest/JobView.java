package vn.hoclieu.ingest;

import java.time.Instant;

/** An ingestion job as the API and the librarian's pages show it. */
public record JobView(long id, long resourceId, long fileId, String fileName, JobStatus status, String reason,
                      int attempts, String lastError, Instant createdAt, Instant startedAt, Instant finishedAt) {
}
