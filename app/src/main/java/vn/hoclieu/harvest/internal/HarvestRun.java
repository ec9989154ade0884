package vn.hoclieu.harvest.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.hoclieu.catalog.HarvestOutcome;

/** One harvest of one partner: when, what it brought, and why it failed if it did. */
@Entity
@Table(name = "harvest_run")
public class HarvestRun {

    enum Status { RUNNING, SUCCEEDED, PARTIAL, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long partnerId;

    @Column(nullable = false)
    private Instant startedAt;

    private Instant finishedAt;

    @Column(nullable = false)
    private String status;

    private int added;
    private int updated;
    private int deleted;

    /** A {@code Reason}: a message code and its arguments, shown in each reader's language. */
    @Column(length = 2000)
    private String error;

    protected HarvestRun() {
    }

    HarvestRun(long partnerId) {
        this.partnerId = partnerId;
        this.startedAt = Instant.now();
        this.status = Status.RUNNING.name();
    }

    void count(HarvestOutcome outcome) {
        switch (outcome) {
            case ADDED -> added++;
            case UPDATED -> updated++;
            case DELETED -> deleted++;
            default -> { }
        }
    }

    void finish(Status status, String error) {
        this.status = status.name();
        this.error = error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
        this.finishedAt = Instant.now();
    }

    public Long getId() { return id; }
    public long getPartnerId() { return partnerId; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public String getStatus() { return status; }
    public int getAdded() { return added; }
    public int getUpdated() { return updated; }
    public int getDeleted() { return deleted; }
    public String getError() { return error; }
}
