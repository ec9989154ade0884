package vn.hoclieu.catalog;

import java.time.Instant;

/**
 * Where a resource imported from an exchange package came from, as its page credits it.
 *
 * @param instance   the name of the Hoclieu instance that made the package
 * @param library    the name of the library it belonged to there (null when it had none)
 * @param packagedAt when the package was made
 */
public record ResourceOrigin(String instance, String library, Instant packagedAt) {

    /** The widest value the columns hold (V22). */
    public static final int MAX_NAME = 255;
}
