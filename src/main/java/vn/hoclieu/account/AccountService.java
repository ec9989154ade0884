package vn.hoclieu.account;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoclieu.account.internal.AccountPrincipal;
import vn.hoclieu.account.internal.AccountRepository;
import vn.hoclieu.library.Library;
import vn.hoclieu.library.LibraryService;

/** Accounts and the identity of the person making the current request. */
@Service
@Transactional(readOnly = true)
public class AccountService {

    /** Letters, digits, '.', '_', '-': system actors use names outside this set (e.g. "system:import"). */
    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{3,100}");

    private final AccountRepository accounts;
    private final LibraryService libraries;
    private final PasswordEncoder passwords;

    AccountService(AccountRepository accounts, LibraryService libraries, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.libraries = libraries;
        this.passwords = passwords;
    }

    /**
     * Creates an account.
     *
     * @param libraryCode the library the person belongs to, or null
     * @throws IllegalArgumentException if the user name is taken or the library is unknown
     */
    @Transactional
    public Account create(String username, String rawPassword, String displayName, Role role, String libraryCode) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("user names are 3-100 letters, digits, '.', '_' or '-': " + username);
        }
        if (accounts.findByUsernameIgnoreCase(username).isPresent()) {
            throw new IllegalArgumentException("username taken: " + username);
        }
        Long libraryId = null;
        if (libraryCode != null) {
            libraryId = libraries.byCode(libraryCode)
                    .map(Library::getId)
                    .orElseThrow(() -> new IllegalArgumentException("unknown library: " + libraryCode));
        }
        return accounts.save(new Account(username, passwords.encode(rawPassword), displayName, role, libraryId));
    }

    public Optional<Account> byUsername(String username) {
        return accounts.findByUsernameIgnoreCase(username);
    }

    public boolean anyWithRole(Role role) {
        return accounts.existsByRole(role);
    }

    /** The person behind the current request, or {@link Viewer#ANONYMOUS}. */
    public Viewer currentViewer() {
        return viewerOf(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Viewer viewerOf(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            return principal.viewer();
        }
        return Viewer.ANONYMOUS;
    }
}
