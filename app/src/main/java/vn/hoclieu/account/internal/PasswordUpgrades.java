package vn.hoclieu.account.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Called by Spring Security after a successful sign-in whose hash is older than today's setting
 * (bcrypt, or weaker Argon2 parameters): stores the same password hashed the current way.
 */
@Component
class PasswordUpgrades implements UserDetailsPasswordService {

    private final AccountRepository accounts;

    PasswordUpgrades(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        accounts.rehashPassword(user.getUsername(), newPasswordHash);
        AccountPrincipal p = (AccountPrincipal) user;
        return new AccountPrincipal(p.viewer(), p.displayName(), newPasswordHash, p.enabled(), p.mustChangePassword());
    }
}
