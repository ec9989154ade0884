package vn.hoclieu.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A person who signs in: reader, teacher, librarian or administrator. */
@Entity
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    /** Membership; readers may have none. Referenced by id to keep the modules apart. */
    private Long libraryId;

    private boolean enabled;

    @Column(nullable = false)
    private Instant createdAt;

    /** Set when an administrator chose the password (a new account, a reset): the person must choose their own. */
    private boolean mustChangePassword;

    private Instant passwordChangedAt;

    protected Account() {
    }

    public Account(String username, String passwordHash, String displayName, Role role, Long libraryId) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.libraryId = libraryId;
        this.enabled = true;
        this.createdAt = Instant.now();
        this.passwordChangedAt = createdAt;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public String getDisplayName() { return displayName; }
    public Role getRole() { return role; }
    public Long getLibraryId() { return libraryId; }
    public boolean isEnabled() { return enabled; }
    public Instant getCreatedAt() { return createdAt; }
    public boolean isMustChangePassword() { return mustChangePassword; }
    public Instant getPasswordChangedAt() { return passwordChangedAt; }

    /** A new password hash; {@code temporary} when an administrator chose it and the person must replace it. */
    void changePassword(String passwordHash, boolean temporary) {
        this.passwordHash = passwordHash;
        this.mustChangePassword = temporary;
        this.passwordChangedAt = Instant.now();
    }

    void describe(String displayName, Role role, Long libraryId) {
        this.displayName = displayName;
        this.role = role;
        this.libraryId = libraryId;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Viewer asViewer() {
        return new Viewer(id, username, role, libraryId);
    }
}
