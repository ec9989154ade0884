package vn.hoclieu.collection.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.hoclieu.collection.CollectionVisibility;

/**
 * A curated, ordered list of resources. Named so to keep clear of {@code java.util.Collection}.
 * Owned by a person ({@code ownerAccountId}) or a library ({@code ownerLibraryId}), never both.
 */
@Entity
@Table(name = "collection")
public class ResourceCollection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(length = 4000)
    private String description;

    private Long ownerAccountId;

    private Long ownerLibraryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CollectionVisibility visibility;

    @Column(nullable = false)
    private String createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "collection", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<CollectionItem> items = new ArrayList<>();

    protected ResourceCollection() {
    }

    public ResourceCollection(String title, String description, CollectionVisibility visibility, Long ownerAccountId,
                              Long ownerLibraryId, String createdBy) {
        this.title = title;
        this.description = description;
        this.visibility = visibility;
        this.ownerAccountId = ownerAccountId;
        this.ownerLibraryId = ownerLibraryId;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public Optional<CollectionItem> item(long resourceId) {
        return items.stream().filter(i -> i.getResourceId() == resourceId).findFirst();
    }

    /** Adds the resource at the end, or changes its note if it is already in. */
    public boolean add(long resourceId, String note) {
        Optional<CollectionItem> existing = item(resourceId);
        existing.ifPresent(i -> i.setNote(note));
        if (existing.isEmpty()) {
            int next = items.stream().mapToInt(CollectionItem::getPosition).max().orElse(-1) + 1;
            items.add(new CollectionItem(this, resourceId, next, note));
        }
        touch();
        return existing.isEmpty();
    }

    /** Changes the note of an item that is in; false if the resource is not (any more) in the collection. */
    public boolean note(long resourceId, String note) {
        Optional<CollectionItem> existing = item(resourceId);
        existing.ifPresent(i -> {
            i.setNote(note);
            touch();
        });
        return existing.isPresent();
    }

    public boolean remove(long resourceId) {
        boolean removed = items.removeIf(i -> i.getResourceId() == resourceId);
        touch();
        return removed;
    }

    /**
     * Puts the items in this order: those named first, as named, then the rest as they were
     * (the caller may not see every item, and what it cannot see it cannot place).
     */
    public void reorder(List<Long> resourceIds) {
        List<CollectionItem> ordered = new ArrayList<>();
        resourceIds.forEach(id -> item(id).ifPresent(ordered::add));
        items.stream().filter(i -> !ordered.contains(i)).forEach(ordered::add);
        for (int p = 0; p < ordered.size(); p++) {
            ordered.get(p).setPosition(p);
        }
        items.sort(Comparator.comparingInt(CollectionItem::getPosition));
        touch();
    }

    public void describe(String title, String description, CollectionVisibility visibility) {
        this.title = title;
        this.description = description;
        this.visibility = visibility;
        touch();
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public Long getOwnerAccountId() { return ownerAccountId; }
    public Long getOwnerLibraryId() { return ownerLibraryId; }
    public CollectionVisibility getVisibility() { return visibility; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public List<CollectionItem> getItems() { return items; }
}
