package vn.hoclieu.library.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import vn.hoclieu.library.LibraryType;

/**
 * A member library of the network: public, school, community learning centre or continuing education centre.
 * Only {@code LibraryService} touches it; other modules get a {@code LibraryView}, so no other module's
 * entity holds a relation to it, only the library's id.
 */
@Entity
public class Library {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LibraryType type;

    private String district;
    private String ward;

    @Column(nullable = false)
    private Instant createdAt;

    /** Most bytes of files its resources may hold; null: no quota. */
    private Long quotaBytes;

    protected Library() {
    }

    public Library(String code, String name, LibraryType type, String district, String ward) {
        this.code = code;
        this.name = name;
        this.type = type;
        this.district = district;
        this.ward = ward;
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public LibraryType getType() { return type; }
    public String getDistrict() { return district; }
    public String getWard() { return ward; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getQuotaBytes() { return quotaBytes; }

    public void setQuotaBytes(Long quotaBytes) { this.quotaBytes = quotaBytes; }

    public void update(String name, LibraryType type, String district, String ward) {
        this.name = name;
        this.type = type;
        this.district = district;
        this.ward = ward;
    }
}
