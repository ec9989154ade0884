package vn.hoclieu.collection.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** One resource in a collection, by id (the catalogue owns resources), with its place and an optional note. */
@Entity
public class CollectionItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "collection_id")
    private ResourceCollection collection;

    @Column(nullable = false)
    private long resourceId;

    @Column(nullable = false)
    private int position;

    @Column(length = 1000)
    private String note;

    @Column(nullable = false)
    private Instant addedAt;

    protected CollectionItem() {
    }

    CollectionItem(ResourceCollection collection, long resourceId, int position, String note) {
        this.collection = collection;
        this.resourceId = resourceId;
        this.position = position;
        this.note = note;
        this.addedAt = Instant.now();
    }

    public long getResourceId() { return resourceId; }
    public int getPosition() { return position; }
    public String getNote() { return note; }
    public Instant getAddedAt() { return addedAt; }

    void setPosition(int position) { this.position = position; }
    void setNote(String note) { this.note = note; }
}
