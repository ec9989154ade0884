package vn.hoclieu.ingest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A persisted unit of background work: extract one stored file and index its resource. */
@Entity
public class IngestJob {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long resourceId;
    private long fileId;

    @Column(nullable = false)
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobStatus status;

    /** For a finished job, the extraction status and its reason ("OK", "ENCRYPTED: …"). */
    private String reason;
    private int attempts;
    private String lastError;

    @Column(nullable = false)
    private Instant notBefore;
    private String claimedBy;

    /** For a scan read page by page: pages read by OCR so far, and how many there are to read; else null. */
    private Integer pagesDone;
    private Integer pagesTotal;

    @Column(nullable = false)
    private Instant createdAt;
    private Instant startedAt;
    private Instant finishedAt;

    protected IngestJob() {
    }

    public static IngestJob queued(long resourceId, long fileId, String fileName) {
        return new IngestJob(resourceId, fileId, fileName);
    }

    private IngestJob(long resourceId, long fileId, String fileName) {
        this.resourceId = resourceId;
        this.fileId = fileId;
        this.fileName = fileName;
        this.status = JobStatus.QUEUED;
        this.createdAt = Instant.now();
        this.notBefore = createdAt;
    }

    public Long getId() { return id; }
    public long getResourceId() { return resourceId; }
    public long getFileId() { return fileId; }
    public String getFileName() { return fileName; }
    public JobStatus getStatus() { return status; }
    public String getReason() { return reason; }
    public int getAttempts() { return attempts; }
    public String getLastError() { return lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public Integer getPagesDone() { return pagesDone; }
    public Integer getPagesTotal() { return pagesTotal; }

    public void finish(String reason) {
        finish(JobStatus.DONE, reason);
    }

    /**
     * Ends the job: DONE, or FAILED when its file could not be read at all (damaged, too slow,
     * crashed its reader), so that librarians find it among the failures to retry or discard.
     */
    public void finish(JobStatus outcome, String reason) {
        this.status = outcome;
        this.reason = truncate(reason);
        this.finishedAt = Instant.now();
    }

    /** Records a transient failure; retries with exponential backoff, gives up after {@code maxAttempts}. */
    public void fail(String error, int maxAttempts) {
        this.lastError = truncate(error);
        if (attempts >= maxAttempts) {
            this.status = JobStatus.FAILED;
            this.reason = truncate(error);
            this.finishedAt = Instant.now();
        } else {
            this.status = JobStatus.QUEUED;
            this.notBefore = Instant.now().plusSeconds(1L << Math.min(attempts, 8));
        }
    }

    /** A librarian asks for another try: the job starts afresh. */
    public void retry() {
        this.status = JobStatus.QUEUED;
        this.pagesDone = null;
        this.pagesTotal = null;
        this.attempts = 0;
        this.notBefore = Instant.now();
        this.finishedAt = null;
        this.claimedBy = null;
        this.reason = null;
        this.lastError = null;
    }

    /** A librarian gives up on a failed job; the file stays with its failure reason. */
    public void discard() {
        this.status = JobStatus.DISCARDED;
        this.finishedAt = Instant.now();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
