package vn.hoclieu.account.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.hoclieu.account.Account;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;

/**
 * The signed-in person as Spring Security sees them. Roles are hierarchical (see {@link Role#atLeast}).
 *
 * @param mustChangePassword an administrator chose the password: nothing but choosing a new one is allowed
 */
public record AccountPrincipal(Viewer viewer, String displayName, String passwordHash, boolean enabled,
                               boolean mustChangePassword) implements UserDetails {

    public static AccountPrincipal of(Account account) {
        return new AccountPrincipal(account.asViewer(), account.getDisplayName(), account.getPasswordHash(),
                account.isEnabled(), account.isMustChangePassword());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return Arrays.stream(Role.values())
                .filter(r -> viewer.role().atLeast(r))
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return viewer.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    List<String> roles() {
        return getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    /** The hash is only needed to check the password once; sessions keep the rest. */
    @Override
    public String toString() {
        return "AccountPrincipal[" + viewer + "]";
    }
}
