package vn.hoclieu.ingest;

/**
 * Where an ingestion job is. DONE: its file was read (its extraction status may still say it is
 * encrypted, unsupported or truncated). FAILED: the file could not be read (damaged, too slow, its
 * reader crashed) or the job gave up after repeated errors; a librarian may retry or discard it.
 * DISCARDED: a librarian decided not to try again.
 */
public enum JobStatus {
    QUEUED, RUNNING, DONE, FAILED, DISCARDED
}
