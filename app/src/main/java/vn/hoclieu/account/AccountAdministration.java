package vn.hoclieu.account;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoclieu.account.internal.AccountRepository;
import vn.hoclieu.account.internal.AccountSessions;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;

/**
 * What administrators do to accounts: create them, change their role and library, disable them,
 * reset their password. Passwords an administrator hands out are random and temporary: the person
 * chooses their own at the next sign-in. There is always at least one enabled administrator.
 */
@Service
@Transactional(readOnly = true)
class AccountAdministration {

    /** No 0/O, 1/l/I: a temporary password is read aloud or copied from a screen. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);

    /** An account and the temporary password it was given, to show once. */
    record WithPassword(AccountView account, String temporaryPassword) {
    }

    private final AccountRepository accounts;
    private final AccountService service;
    private final LibraryService libraries;
    private final PasswordEncoder passwords;
    private final AccountSessions sessions;

    AccountAdministration(AccountRepository accounts, AccountService service, LibraryService libraries,
                          PasswordEncoder passwords, AccountSessions sessions) {
        this.accounts = accounts;
        this.service = service;
        this.libraries = libraries;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    /** Accounts by user name, a page at a time. */
    Page<AccountView> page(int page, int size) {
        Map<Long, String> codes = libraries.all().stream()
                .collect(Collectors.toMap(LibraryView::id, LibraryView::code));
        return accounts.findAll(PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200), Sort.by("username")))
                .map(a -> AccountView.of(a, codes.get(a.getLibraryId())));
    }

    AccountView get(long id) {
        return view(find(id));
    }

    @Transactional
    WithPassword create(String username, String displayName, Role role, String libraryCode) {
        List<AccountException.Problem> problems = new ArrayList<>();
        service.checkNewUsername(username, problems);
        AccountService.checkDisplayName(displayName, problems);
        if (role == null) {
            problems.add(new AccountException.Problem("role", "problem.account.roleRequired"));
        }
        Long libraryId = checkMembership(role, libraryCode, problems);
        AccountService.failIfAny(problems);
        String temporary = temporaryPassword();
        Account account = new Account(username.strip(), passwords.encode(temporary), displayName.strip(), role,
                libraryId);
        account.changePassword(account.getPasswordHash(), true);
        Account saved = accounts.save(account);
        log.info("{} created account {} ({})", service.currentViewer().username(), saved.getUsername(), role);
        return new WithPassword(view(saved), temporary);
    }

    /**
     * Changes what an account is; a null argument leaves that part as it is, and an empty library code
     * takes the account out of its library. The account's sessions end, so that it signs in again as
     * what it now is.
     */
    @Transactional
    AccountView update(long id, String displayName, Role role, String libraryCode, Boolean enabled) {
        Account account = find(id);
        List<AccountException.Problem> problems = new ArrayList<>();
        String name = displayName == null ? account.getDisplayName() : displayName;
        AccountService.checkDisplayName(name, problems);
        Role newRole = role == null ? account.getRole() : role;
        String code = libraryCode == null ? service.libraryCode(account) : libraryCode;
        Long libraryId = checkMembership(newRole, code, problems);
        AccountService.failIfAny(problems);
        boolean newEnabled = enabled == null ? account.isEnabled() : enabled;
        if (account.getRole() == Role.ADMIN && account.isEnabled() && (newRole != Role.ADMIN || !newEnabled)
                && accounts.lockEnabledByRole(Role.ADMIN).size() <= 1) {
            throw new AccountException(HttpStatus.CONFLICT, "problem.account.lastAdmin");
        }
        boolean changed = newRole != account.getRole() || newEnabled != account.isEnabled()
                || !Objects.equals(libraryId, account.getLibraryId());
        account.describe(name.strip(), newRole, libraryId);
        account.setEnabled(newEnabled);
        if (changed) {
            sessions.end(account.getId(), null);
            log.info("{} changed account {}: {}, library {}, {}", service.currentViewer().username(),
                    account.getUsername(), newRole, libraryId, newEnabled ? "enabled" : "disabled");
        }
        return view(account);
    }

    /** A new temporary password; the old one stops working at once, and the account's sessions end. */
    @Transactional
    WithPassword resetPassword(long id) {
        Account account = find(id);
        String temporary = temporaryPassword();
        account.changePassword(passwords.encode(temporary), true);
        sessions.end(account.getId(), null);
        log.info("{} reset the password of account {}", service.currentViewer().username(), account.getUsername());
        return new WithPassword(view(account), temporary);
    }

    /** Teachers and librarians work for a library; readers and administrators may belong to one. */
    private Long checkMembership(Role role, String libraryCode, List<AccountException.Problem> problems) {
        Long libraryId = service.libraryId(libraryCode, problems);
        if (libraryId == null && (libraryCode == null || libraryCode.isBlank())
                && (role == Role.TEACHER || role == Role.LIBRARIAN)) {
            problems.add(new AccountException.Problem("library", "problem.account.libraryRequired"));
        }
        return libraryId;
    }

    private Account find(long id) {
        return accounts.findById(id)
                .orElseThrow(() -> new AccountException(HttpStatus.NOT_FOUND, "problem.account.notFound", id));
    }

    private AccountView view(Account account) {
        return AccountView.of(account, service.libraryCode(account));
    }

    /** 16 characters from 32: 80 bits, in four groups of four. */
    static String temporaryPassword() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
