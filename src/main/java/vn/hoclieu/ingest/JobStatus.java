package vn.hoclieu.ingest;

/**
 * Where an ingestion job is. A job is DONE whatever its file's extraction status; FAILED means it
 * gave up; DISCARDED means a librarian decided not to try again.
 */
public enum JobStatus {
    QUEUED, RUNNING, DONE, FAILED, DISCARDED
}
