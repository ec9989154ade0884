package vn.hoclieu.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.hoclieu.catalog.AuditAction;
import vn.hoclieu.catalog.HistoryEntry;

/** A row of {@code resource_audit}: written in the transaction of the change it records, never changed. */
@Entity
@Table(name = "resource_audit")
public class AuditEntry {

    private static final int MAX_DETAILS = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long resourceId;

    @Column(nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditAction action;

    private String details;

    @Column(nullable = false)
    private Instant at;

    protected AuditEntry() {
    }

    public AuditEntry(long resourceId, String actor, AuditAction action, String details) {
        this.resourceId = resourceId;
        this.actor = actor == null ? "?" : actor;
        this.action = action;
        this.details = details == null || details.length() <= MAX_DETAILS ? details : details.substring(0, MAX_DETAILS);
        this.at = Instant.now();
    }

    public HistoryEntry toEntry() {
        return new HistoryEntry(id, resourceId, actor, action, details, at);
    }
}
