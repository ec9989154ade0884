package vn.hoclieu.reading.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A collection turned into a reading programme between two dates. The collection, the library and
 * the organiser are held by id: they belong to other modules.
 */
@Entity
@Table(name = "reading_programme")
public class ReadingProgramme {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long collectionId;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(length = 4000)
    private String description;

    @Column(nullable = false)
    private LocalDate startsOn;

    @Column(nullable = false)
    private LocalDate endsOn;

    private boolean listed;

    private Long libraryId;

    @Column(nullable = false)
    private long organiserAccountId;

    @Column(nullable = false)
    private Instant createdAt;

    protected ReadingProgramme() {
    }

    public ReadingProgramme(long collectionId, String title, String description, LocalDate startsOn, LocalDate endsOn,
                            boolean listed, Long libraryId, long organiserAccountId) {
        this.collectionId = collectionId;
        this.title = title;
        this.description = description;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.listed = listed;
        this.libraryId = libraryId;
        this.organiserAccountId = organiserAccountId;
        this.createdAt = Instant.now();
    }

    /** The organisers' changes: the collection stays (its readers' marks are of its materials). */
    public void describe(String title, String description, LocalDate startsOn, LocalDate endsOn, boolean listed) {
        this.title = title;
        this.description = description;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.listed = listed;
    }

    public Long getId() { return id; }
    public long getCollectionId() { return collectionId; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public LocalDate getStartsOn() { return startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public boolean isListed() { return listed; }
    public Long getLibraryId() { return libraryId; }
    public long getOrganiserAccountId() { return organiserAccountId; }
    public Instant getCreatedAt() { return createdAt; }
}
