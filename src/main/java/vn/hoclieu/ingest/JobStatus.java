package vn.hoclieu.ingest;

/** Where an ingestion job is. A job is DONE whatever its file's extraction status; FAILED means it gave up. */
public enum JobStatus {
    QUEUED, RUNNING, DONE, FAILED
}
