package vn.hoclieu.oai.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The provider's sets: {@code library} with one {@code library:<CODE>} per library, and
 * {@code type} with one {@code type:<MATERIAL_TYPE>} per kind of material. The colon makes them a
 * hierarchy, as the protocol defines it: asking for {@code library} gives the records of every
 * library set.
 */
final class SetSpecs {

    static final String LIBRARY = "library";
    static final String TYPE = "type";
    /** The protocol's grammar of a setSpec. */
    private static final Pattern SPEC = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+(:[A-Za-z0-9\\-_.!~*'()]+)*");

    private SetSpecs() {
    }

    static boolean isValid(String spec) {
        return SPEC.matcher(spec).matches();
    }

    /** A library code as a set: characters a setSpec may not hold (a space, a slash) become '_'. */
    static String library(String code) {
        return LIBRARY + ":" + code.replaceAll("[^A-Za-z0-9\\-_.!~*'()]", "_");
    }

    static String type(String materialType) {
        return TYPE + ":" + materialType.toUpperCase(Locale.ROOT);
    }

    /** The sets a record belongs to, most specific only (membership of their parents follows). */
    static List<String> of(ExposedMetadata m) {
        List<String> sets = new ArrayList<>();
        if (m.libraryCode() != null) {
            sets.add(library(m.libraryCode()));
        }
        sets.add(type(m.materialType()));
        return sets;
    }

    /** The stored form: space-separated and space-framed, so that one LIKE finds a set and its children. */
    static String column(List<String> specs) {
        return " " + String.join(" ", specs) + " ";
    }

    static List<String> fromColumn(String column) {
        return column == null || column.isBlank() ? List.of() : List.of(column.strip().split(" "));
    }

    /** LIKE patterns (escape '\') matching a record in {@code spec} or in a set below it. */
    static String[] patterns(String spec) {
        if (spec == null) {
            return new String[] {"%", "%"};
        }
        String escaped = spec.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
        return new String[] {"% " + escaped + " %", "% " + escaped + ":%"};
    }
}
