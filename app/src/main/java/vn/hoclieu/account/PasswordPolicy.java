package vn.hoclieu.account;

import java.util.Locale;
import java.util.Optional;

/**
 * What a password people choose must be. Length matters most (NIST SP 800-63B): at least
 * {@value #MIN_LENGTH} characters, any characters, no rules about digits or capitals; not the user
 * name (nor containing it, for names long enough that this is no accident); not one, two or three
 * characters repeated. A cap keeps the cost of hashing what a stranger sends bounded.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    private static final int MIN_DISTINCT = 4;

    private PasswordPolicy() {
    }

    /** The first reason this password may not be used, for the {@code field} of a form. */
    static Optional<AccountException.Problem> check(String field, String username, String password) {
        String code = null;
        Object[] args = {};
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            code = "problem.password.tooShort";
            args = new Object[] {MIN_LENGTH};
        } else if (password.length() > MAX_LENGTH) {
            code = "problem.password.tooLong";
            args = new Object[] {MAX_LENGTH};
        } else if (containsUsername(username, password)) {
            code = "problem.password.containsUsername";
        } else if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            code = "problem.password.tooSimple";
        }
        return code == null ? Optional.empty() : Optional.of(new AccountException.Problem(field, code, args));
    }

    private static boolean containsUsername(String username, String password) {
        if (username == null || username.isBlank()) {
            return false;
        }
        String name = username.strip().toLowerCase(Locale.ROOT);
        String lower = password.toLowerCase(Locale.ROOT);
        return lower.equals(name) || (name.length() >= 5 && lower.contains(name));
    }
}
