package vn.hoclieu.account.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A personal API token: its name, the SHA-256 of its secret, and when it was made, used, ends or was revoked. */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long accountId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, unique = true)
    private String tokenHash;

    /** The first characters of the secret, so that people recognize a token in a script. */
    @Column(nullable = false)
    private String prefix;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant expiresAt;
    private Instant lastUsedAt;
    private Instant revokedAt;

    protected ApiToken() {
    }

    ApiToken(Long accountId, String name, String tokenHash, String prefix, Instant expiresAt) {
        this.accountId = accountId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.prefix = prefix;
        this.createdAt = Instant.now();
        this.expiresAt = expiresAt;
    }

    Long getId() { return id; }
    Long getAccountId() { return accountId; }
    String getName() { return name; }
    String getPrefix() { return prefix; }
    Instant getCreatedAt() { return createdAt; }
    Instant getExpiresAt() { return expiresAt; }
    Instant getLastUsedAt() { return lastUsedAt; }
    Instant getRevokedAt() { return revokedAt; }

    boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }
}
