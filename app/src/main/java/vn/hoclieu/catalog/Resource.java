package vn.hoclieu.catalog;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.hoclieu.catalog.internal.StringListConverter;

/**
 * A learning resource: Dublin Core description, educational metadata, licence, owning library,
 * visibility, review status, and its files.
 */
@Entity
public class Resource {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 1000)
    private String title;

    @Convert(converter = StringListConverter.class)
    private List<String> creators = new ArrayList<>();

    // "clob" as the migrations say: CLOB on H2, a domain over text on PostgreSQL (where Hibernate
    // would otherwise expect a large object, oid)
    @Lob
    @Column(columnDefinition = "clob")
    private String description;

    @Convert(converter = StringListConverter.class)
    private List<String> subjects = new ArrayList<>();

    private String language;

    /** Dublin Core date: when the work was issued. */
    private LocalDate issued;

    private String publisher;

    /** Grade levels or audiences ("Lớp 10", "Người học suốt đời"). */
    @Convert(converter = StringListConverter.class)
    private List<String> audience = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MaterialType materialType;

    /** SPDX-style licence id, e.g. CC-BY-4.0. */
    private String licence;

    /** The owning library, by id to keep the modules apart. */
    private Long libraryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ResourceStatus status;

    private String createdBy;

    /** Why a librarian rejected it, for the uploader; null unless REJECTED. */
    private String rejectionReason;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    /**
     * The other libraries this resource is shared with, by id. Part of the resource (not of the
     * sharing module) because the visibility rule reads it: {@link Access} must decide in one look.
     */
    @ElementCollection
    @CollectionTable(name = "resource_share", joinColumns = @JoinColumn(name = "resource_id"))
    @Column(name = "library_id")
    private Set<Long> sharedWith = new LinkedHashSet<>();

    @Version
    private long version;

    /** For a record harvested from a partner: where it came from (all null for our own material). */
    private Long sourcePartnerId;
    private String sourcePartnerName;
    private String sourceIdentifier;
    private String sourceUrl;
    private String sourceDatestamp;

    /** For a resource imported from an exchange package: the instance and library that made it, and when. */
    private String originInstance;
    private String originLibrary;
    private Instant originPackagedAt;

    @OneToMany(mappedBy = "resource", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ResourceFile> files = new ArrayList<>();

    protected Resource() {
    }

    public Resource(String title, MaterialType materialType, Visibility visibility, ResourceStatus status,
                    Long libraryId, String createdBy) {
        this.title = title;
        this.materialType = materialType;
        this.visibility = visibility;
        this.status = status;
        this.libraryId = libraryId;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public ResourceFile addFile(String name, String mediaType, long size, String sha256) {
        ResourceFile file = new ResourceFile(this, nextPosition(), name, mediaType, size, sha256);
        files.add(file);
        return file;
    }

    /** A file that is only a link to a partner's copy until someone asks for it. */
    ResourceFile addRemoteFile(String name, String mediaType, String url) {
        ResourceFile file = new ResourceFile(this, nextPosition(), name, mediaType, 0, null);
        file.linkToRemote(url);
        files.add(file);
        return file;
    }

    private int nextPosition() {
        return files.stream().mapToInt(ResourceFile::getPosition).max().orElse(-1) + 1;
    }

    void touch() {
        this.updatedAt = Instant.now();
    }

    void changeVisibility(Visibility visibility) {
        this.visibility = visibility;
        touch();
    }

    /** @return whether it was not shared with that library before */
    boolean shareWith(long libraryId) {
        boolean added = sharedWith.add(libraryId);
        if (added) {
            touch();
        }
        return added;
    }

    boolean unshareWith(long libraryId) {
        boolean removed = sharedWith.remove(libraryId);
        if (removed) {
            touch();
        }
        return removed;
    }

    void changeStatus(ResourceStatus status) {
        this.status = status;
        touch();
    }

    /** Marks this resource as the local copy of a partner's record, and which version of it. */
    void linkToSource(long partnerId, String partnerName, String identifier, String url, String datestamp) {
        this.sourcePartnerId = partnerId;
        this.sourcePartnerName = partnerName;
        this.sourceIdentifier = identifier;
        this.sourceUrl = url;
        this.sourceDatestamp = datestamp;
    }

    /** Marks this resource as imported from another instance's exchange package. */
    void recordOrigin(ResourceOrigin origin) {
        this.originInstance = origin.instance();
        this.originLibrary = origin.library();
        this.originPackagedAt = origin.packagedAt();
    }

    /** Where an imported resource came from, or null for material uploaded here. */
    public ResourceOrigin getOrigin() {
        return originInstance == null ? null : new ResourceOrigin(originInstance, originLibrary, originPackagedAt);
    }

    void changeLibrary(Long libraryId) {
        this.libraryId = libraryId;
    }

    public boolean isHarvested() { return sourceIdentifier != null; }
    public Long getSourcePartnerId() { return sourcePartnerId; }
    public String getSourcePartnerName() { return sourcePartnerName; }
    public String getSourceIdentifier() { return sourceIdentifier; }
    public String getSourceUrl() { return sourceUrl; }
    public String getSourceDatestamp() { return sourceDatestamp; }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public List<String> getCreators() { return creators; }
    public String getDescription() { return description; }
    public List<String> getSubjects() { return subjects; }
    public String getLanguage() { return language; }
    public LocalDate getIssued() { return issued; }
    public String getPublisher() { return publisher; }
    public List<String> getAudience() { return audience; }
    public MaterialType getMaterialType() { return materialType; }
    public String getLicence() { return licence; }
    public Long getLibraryId() { return libraryId; }
    public Visibility getVisibility() { return visibility; }
    public ResourceStatus getStatus() { return status; }
    public String getCreatedBy() { return createdBy; }
    public String getRejectionReason() { return rejectionReason; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public List<ResourceFile> getFiles() { return files; }
    public Set<Long> getSharedWith() { return Collections.unmodifiableSet(sharedWith); }

    public void setTitle(String title) { this.title = title; }
    public void setCreators(List<String> creators) { this.creators = new ArrayList<>(creators); }
    public void setDescription(String description) { this.description = description; }
    public void setSubjects(List<String> subjects) { this.subjects = new ArrayList<>(subjects); }
    public void setLanguage(String language) { this.language = language; }
    public void setIssued(LocalDate issued) { this.issued = issued; }
    public void setPublisher(String publisher) { this.publisher = publisher; }
    public void setAudience(List<String> audience) { this.audience = new ArrayList<>(audience); }
    public void setMaterialType(MaterialType materialType) { this.materialType = materialType; }
    public void setLicence(String licence) { this.licence = licence; }

    void setRejectionReason(String reason) { this.rejectionReason = reason; }
}
