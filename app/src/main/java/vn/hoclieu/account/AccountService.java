package vn.hoclieu.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.hoclieu.account.internal.AccountPrincipal;
import vn.hoclieu.account.internal.AccountRepository;
import vn.hoclieu.account.internal.AccountSessions;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;

/** Accounts and the identity of the person making the current request. */
@Service
@Transactional(readOnly = true)
public class AccountService {

    /** Letters, digits, '.', '_', '-': system actors use names outside this set (e.g. "system:import"). */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,100}");
    private static final int MAX_DISPLAY_NAME = 200;

    private final AccountRepository accounts;
    private final LibraryService libraries;
    private final PasswordEncoder passwords;
    private final AccountProperties properties;
    private final AccountSessions sessions;

    AccountService(AccountRepository accounts, LibraryService libraries, PasswordEncoder passwords,
                   AccountProperties properties, AccountSessions sessions) {
        this.accounts = accounts;
        this.libraries = libraries;
        this.passwords = passwords;
        this.properties = properties;
        this.sessions = sessions;
    }

    /**
     * Creates an account with a password the caller vouches for (the first administrator, tests);
     * what people type goes through {@link #register} or the administrators' pages, which check it.
     *
     * @param libraryCode the library the person belongs to, or null
     * @throws AccountException if the user name is invalid or taken, or the library is unknown
     */
    @Transactional
    public Account create(String username, String rawPassword, String displayName, Role role, String libraryCode) {
        List<AccountException.Problem> problems = new ArrayList<>();
        checkNewUsername(username, problems);
        Long libraryId = libraryId(libraryCode, problems);
        failIfAny(problems);
        return accounts.save(new Account(username, passwords.encode(rawPassword), displayName, role, libraryId));
    }

    /** A reader creates their own account (when {@code hoclieu.accounts.self-registration} allows it). */
    @Transactional
    public Account register(String username, String displayName, String rawPassword) {
        if (!selfRegistrationOpen()) {
            throw new AccountException(HttpStatus.FORBIDDEN, "problem.account.registrationClosed");
        }
        failIfAny(registrationProblems(username, displayName, rawPassword));
        return accounts.save(new Account(username.strip(), passwords.encode(rawPassword), displayName.strip(),
                Role.READER, null));
    }

    /** Why a registration with these values would be refused (nothing: it would not be). */
    List<AccountException.Problem> registrationProblems(String username, String displayName, String rawPassword) {
        List<AccountException.Problem> problems = new ArrayList<>();
        checkNewUsername(username, problems);
        checkDisplayName(displayName, problems);
        PasswordPolicy.check("password", username, rawPassword).ifPresent(problems::add);
        return problems;
    }

    /**
     * The signed-in person changes their own password; their other sessions end.
     *
     * @param keepSessionId the session that asked (it stays signed in), or null
     */
    @Transactional
    public Account changePassword(long accountId, String currentPassword, String newPassword, String keepSessionId) {
        Account account = accounts.findById(accountId)
                .orElseThrow(() -> new AccountException(HttpStatus.NOT_FOUND, "problem.account.notFound", accountId));
        List<AccountException.Problem> problems = new ArrayList<>();
        if (currentPassword == null || !passwords.matches(currentPassword, account.getPasswordHash())) {
            problems.add(new AccountException.Problem("currentPassword", "problem.password.wrongCurrent"));
        } else if (currentPassword.equals(newPassword)) {
            problems.add(new AccountException.Problem("newPassword", "problem.password.unchanged"));
        }
        PasswordPolicy.check("newPassword", account.getUsername(), newPassword).ifPresent(problems::add);
        failIfAny(problems);
        account.changePassword(passwords.encode(newPassword), false);
        sessions.end(account.getId(), keepSessionId);
        return account;
    }

    /** A setting, not the database: no transaction (every page and API call asks, through the header's model). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean selfRegistrationOpen() {
        return properties.selfRegistration();
    }

    public Optional<Account> byUsername(String username) {
        return accounts.findByUsernameIgnoreCase(username);
    }

    public Optional<Account> byId(long id) {
        return accounts.findById(id);
    }

    /** The display names of these accounts by user name; names without an account are left out. */
    public Map<String, String> displayNames(Collection<String> usernames) {
        List<String> wanted = usernames.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        for (Account a : accounts.findByUsernameIn(wanted)) {
            names.put(a.getUsername(), a.getDisplayName() == null || a.getDisplayName().isBlank()
                    ? a.getUsername() : a.getDisplayName());
        }
        return names;
    }

    public boolean anyWithRole(Role role) {
        return accounts.existsByRole(role);
    }

    /** The code of the account's library, or null. */
    public String libraryCode(Account account) {
        return libraries.byId(account.getLibraryId()).map(LibraryView::code).orElse(null);
    }

    /**
     * The person behind the current request, or {@link Viewer#ANONYMOUS}: from the request's authentication,
     * not the database, so no transaction (every request asks, pages twice).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Viewer currentViewer() {
        return viewerOf(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Viewer viewerOf(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            return principal.viewer();
        }
        return Viewer.ANONYMOUS;
    }

    void checkNewUsername(String username, List<AccountException.Problem> problems) {
        if (username == null || !USERNAME.matcher(username.strip()).matches()) {
            problems.add(new AccountException.Problem("username", "problem.account.badUsername"));
        } else if (accounts.findByUsernameIgnoreCase(username.strip()).isPresent()) {
            problems.add(new AccountException.Problem("username", "problem.account.usernameTaken", username.strip()));
        }
    }

    static void checkDisplayName(String displayName, List<AccountException.Problem> problems) {
        if (displayName == null || displayName.isBlank()) {
            problems.add(new AccountException.Problem("displayName", "problem.account.displayNameRequired"));
        } else if (displayName.strip().length() > MAX_DISPLAY_NAME) {
            problems.add(new AccountException.Problem("displayName", "problem.account.displayNameTooLong",
                    MAX_DISPLAY_NAME));
        }
    }

    /** The id of the library with this code (null for none), or a problem if there is no such library. */
    Long libraryId(String libraryCode, List<AccountException.Problem> problems) {
        if (libraryCode == null || libraryCode.isBlank()) {
            return null;
        }
        Optional<LibraryView> library = libraries.byCode(libraryCode);
        if (library.isEmpty()) {
            problems.add(new AccountException.Problem("library", "problem.account.unknownLibrary", libraryCode.strip()));
            return null;
        }
        return library.get().id();
    }

    static void failIfAny(List<AccountException.Problem> problems) {
        if (!problems.isEmpty()) {
            boolean taken = problems.stream().anyMatch(p -> p.code().equals("problem.account.usernameTaken"));
            throw new AccountException(taken && problems.size() == 1 ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                    problems);
        }
    }
}
