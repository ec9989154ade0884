package vn.hoclieu.harvest.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A partner instance whose OAI-PMH provider this one harvests, and how far it has got. */
@Entity
@Table(name = "harvest_partner")
public class Partner {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, length = 2000)
    private String baseUrl;

    private String setSpec;

    @Column(nullable = false)
    private String metadataPrefix;

    private Long libraryId;

    private String repositoryIdentifier;

    @Column(nullable = false)
    private String granularity;

    private boolean enabled;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant harvestedUntil;

    @Column(length = 2000)
    private String resumeToken;

    private Instant resumeUntil;

    @Version
    private long version;

    protected Partner() {
    }

    public Partner(String name, String baseUrl, String setSpec, String metadataPrefix, Long libraryId,
                   String repositoryIdentifier, String granularity) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.setSpec = setSpec;
        this.metadataPrefix = metadataPrefix;
        this.libraryId = libraryId;
        this.repositoryIdentifier = repositoryIdentifier;
        this.granularity = granularity;
        this.enabled = true;
        this.createdAt = Instant.now();
    }

    /** Forgets a stopped run's token (it expired): the harvest starts again from the last complete one. */
    void forgetResumption() {
        this.resumeToken = null;
        this.resumeUntil = null;
    }

    public void setEnabled(boolean enabled) { this.enabled = enabled; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getBaseUrl() { return baseUrl; }
    public String getSetSpec() { return setSpec; }
    public String getMetadataPrefix() { return metadataPrefix; }
    public Long getLibraryId() { return libraryId; }
    public String getRepositoryIdentifier() { return repositoryIdentifier; }
    public String getGranularity() { return granularity; }
    public boolean isEnabled() { return enabled; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getHarvestedUntil() { return harvestedUntil; }
    public String getResumeToken() { return resumeToken; }
    public Instant getResumeUntil() { return resumeUntil; }
}
