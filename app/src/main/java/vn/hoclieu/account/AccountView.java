package vn.hoclieu.account;

import java.time.Instant;

/** An account as administrators and the API see it: never its password hash. */
public record AccountView(long id, String username, String displayName, Role role, String library, boolean enabled,
                          boolean mustChangePassword, Instant createdAt, Instant passwordChangedAt) {

    static AccountView of(Account a, String libraryCode) {
        return new AccountView(a.getId(), a.getUsername(), a.getDisplayName(), a.getRole(), libraryCode, a.isEnabled(),
                a.isMustChangePassword(), a.getCreatedAt(), a.getPasswordChangedAt());
    }
}
