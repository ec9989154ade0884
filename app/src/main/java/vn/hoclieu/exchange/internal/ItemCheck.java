package vn.hoclieu.exchange.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.exchange.ExchangeManifest;

/**
 * What is wrong with one resource of a manifest, if anything, before any of its bytes is read: missing or
 * hostile file names, addresses that are not a SHA-256, absurd sizes, fields longer than the catalogue keeps.
 * The catalogue's own rules (licence, language, visibility, material type, date) are applied by the upload
 * itself, with the same messages as on the upload form.
 */
final class ItemCheck {

    static final int MAX_FILES = 50;
    private static final int MAX_VALUES = 50;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_NAME = 255;

    private ItemCheck() {
    }

    /** @return the reason (a stored {@link Reason}) this resource cannot be imported, or empty */
    static Optional<String> problem(ExchangeManifest.Item item, String label, long maxFileBytes) {
        if (item == null) {
            return reason("reason.exchange.badField", "resources", label);
        }
        if (item.files() == null || item.files().isEmpty()) {
            return reason("reason.exchange.noFiles", label);
        }
        Optional<String> field = tooLong(item, label);
        if (field.isPresent()) {
            return field;
        }
        for (ExchangeManifest.File f : item.files()) {
            if (f == null || f.name() == null) {
                return reason("reason.exchange.badField", "files.name", label);
            }
            if (!isPlainName(f.name())) {
                return reason("reason.exchange.badName", f.name());
            }
            if (f.sha256() == null || !SHA256.matcher(f.sha256()).matches()) {
                return reason("reason.exchange.badChecksum", f.name());
            }
            if (f.size() == null || f.size() < 0 || f.size() > maxFileBytes) {
                return reason("reason.exchange.badSize", f.name(), String.valueOf(f.size()));
            }
        }
        return Optional.empty();
    }

    /** A file's name, never a path: no folders, no parent, no control characters, no more than a file system takes. */
    static boolean isPlainName(String name) {
        if (name.isBlank() || name.length() > MAX_NAME || name.equals(".") || name.equals("..")) {
            return false;
        }
        return name.chars().noneMatch(c -> c == '/' || c == '\\' || c == ':' || Character.isISOControl(c));
    }

    private static Optional<String> tooLong(ExchangeManifest.Item item, String label) {
        if (item.files().size() > MAX_FILES) {
            return reason("reason.exchange.badField", "files", label);
        }
        if (longer(item.title(), 1000)) {
            return reason("reason.exchange.badField", "title", label);
        }
        if (longer(item.description(), 100_000)) {
            return reason("reason.exchange.badField", "description", label);
        }
        if (longer(item.publisher(), 500)) {
            return reason("reason.exchange.badField", "publisher", label);
        }
        // the widths of the columns that keep each list, one value per line
        if (!fits(item.creators(), 4000)) {
            return reason("reason.exchange.badField", "creators", label);
        }
        if (!fits(item.subjects(), 4000)) {
            return reason("reason.exchange.badField", "subjects", label);
        }
        if (!fits(item.audience(), 2000)) {
            return reason("reason.exchange.badField", "audience", label);
        }
        return Optional.empty();
    }

    private static boolean longer(String value, int max) {
        return value != null && value.length() > max;
    }

    private static boolean fits(List<String> values, int column) {
        if (values == null) {
            return true;
        }
        long length = 0;
        for (String v : values) {
            length += (v == null ? 0 : v.length()) + 1;
        }
        return values.size() <= MAX_VALUES && length <= column;
    }

    private static Optional<String> reason(String code, Object... arguments) {
        return Optional.of(Reason.of(code, arguments));
    }
}
