package vn.hoclieu.reading.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One material a participant read, by id (the catalogue owns resources), with their optional note. */
@Entity
@Table(name = "reading_mark")
public class ReadMark {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "participant_id")
    private Participant participant;

    @Column(nullable = false)
    private long resourceId;

    @Column(length = 300)
    private String note;

    @Column(nullable = false)
    private Instant readAt;

    protected ReadMark() {
    }

    ReadMark(Participant participant, long resourceId, String note) {
        this.participant = participant;
        this.resourceId = resourceId;
        this.note = note;
        this.readAt = Instant.now();
    }

    public long getResourceId() { return resourceId; }
    public String getNote() { return note; }
    public Instant getReadAt() { return readAt; }

    void setNote(String note) { this.note = note; }
}
