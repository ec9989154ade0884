package vn.hoclieu.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * What the catalogue accepts as a resource's description, whoever sends it. The upload form, the
 * REST API, a bulk import's manifest (through the same upload) and a librarian's corrections are
 * refused with 400 for a bad value; a harvested record is another server's, so a bad value is left
 * out instead ({@link HarvestedRecords}). Either way a value is kept in one spelling.
 */
public final class MetadataRules {

    /** BCP 47-like: a primary language and subtags, kept in lower case ("vi", "vi-vn", "en-gb"). */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
    /** The column's width (V1: {@code language varchar(20)}). */
    private static final int MAX_LANGUAGE = 20;
    /** SPDX-style ids; the column is {@code varchar(40)}. */
    private static final Pattern LICENCE = Pattern.compile("[A-Za-z0-9.+\\-]{1,40}");

    private MetadataRules() {
    }

    public static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.badEnum", field, value,
                    Arrays.toString(type.getEnumConstants()));
        }
    }

    /** The language tag as kept, or null when blank; 400 for anything else. */
    static String checkedLanguage(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        return language(value).orElseThrow(() -> new CatalogException(HttpStatus.BAD_REQUEST,
                "problem.upload.badValue", "language", value.strip()));
    }

    /**
     * The language tag as kept (stripped, lower case, ISO 639-1 where the language has a two-letter
     * code: {@link Languages#canonical}), or empty when blank or not a tag.
     */
    public static Optional<String> language(String value) {
        String language = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return language.length() <= MAX_LANGUAGE && LANGUAGE.matcher(language).matches()
                ? Optional.of(Languages.canonical(language)) : Optional.empty();
    }

    /** The licence id as kept, or null when blank; 400 for anything else. */
    public static String checkedLicence(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        return licence(value).orElseThrow(() -> new CatalogException(HttpStatus.BAD_REQUEST,
                "problem.upload.badValue", "licence", value.strip()));
    }

    /**
     * The licence id as kept — a known licence in its own spelling ({@link Licence#canonical}), any
     * other SPDX-style id as given — or empty when blank or not an id.
     */
    static Optional<String> licence(String value) {
        return Optional.ofNullable(Licence.canonical(value)).filter(id -> LICENCE.matcher(id).matches());
    }

    /** Whether a rights statement is a licence id ("CC-BY-4.0") rather than prose ("Bản quyền thuộc …"). */
    public static boolean isLicenceId(String value) {
        return licence(value).isPresent();
    }

    static LocalDate parseDate(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(v), 1, 1);
            }
            if (v.matches("\\d{4}-\\d{2}")) {
                return LocalDate.parse(v + "-01");
            }
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.badValue", "date", value);
        }
    }

    /** The values given, stripped, without blanks and repeats. */
    static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String limit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
