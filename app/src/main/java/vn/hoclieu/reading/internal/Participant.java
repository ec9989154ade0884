package vn.hoclieu.reading.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A reader who joined a programme, with the materials they marked read. */
@Entity
@Table(name = "reading_participant")
public class Participant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long programmeId;

    @Column(nullable = false)
    private long accountId;

    @Column(nullable = false)
    private Instant joinedAt;

    @Column(nullable = false)
    private Instant lastActivityAt;

    @OneToMany(mappedBy = "participant", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("readAt, id")
    private List<ReadMark> marks = new ArrayList<>();

    protected Participant() {
    }

    public Participant(long programmeId, long accountId) {
        this.programmeId = programmeId;
        this.accountId = accountId;
        this.joinedAt = Instant.now();
        this.lastActivityAt = joinedAt;
    }

    public Optional<ReadMark> mark(long resourceId) {
        return marks.stream().filter(m -> m.getResourceId() == resourceId).findFirst();
    }

    /** Marks the material read, or replaces the note of a mark already there; whether it is new. */
    public boolean markRead(long resourceId, String note) {
        Optional<ReadMark> existing = mark(resourceId);
        existing.ifPresent(m -> m.setNote(note));
        if (existing.isEmpty()) {
            marks.add(new ReadMark(this, resourceId, note));
        }
        lastActivityAt = Instant.now();
        return existing.isEmpty();
    }

    public boolean unmark(long resourceId) {
        boolean removed = marks.removeIf(m -> m.getResourceId() == resourceId);
        if (removed) {
            lastActivityAt = Instant.now();
        }
        return removed;
    }

    public Long getId() { return id; }
    public long getProgrammeId() { return programmeId; }
    public long getAccountId() { return accountId; }
    public Instant getJoinedAt() { return joinedAt; }
    public Instant getLastActivityAt() { return lastActivityAt; }
    public List<ReadMark> getMarks() { return marks; }
}
