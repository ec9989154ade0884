package vn.hoclieu.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * What the catalogue accepts as a resource's description, whoever sends it: the upload form, the
 * REST API, a bulk import's manifest (through the same upload) and a librarian's corrections refuse
 * a bad value with 400.
 */
final class MetadataRules {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern LICENCE = Pattern.compile("[A-Za-z0-9.+\\-]{1,40}");

    private MetadataRules() {
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
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

    /** A BCP 47-like language tag in lower case, or null when blank; 400 for anything else. */
    static String checkedLanguage(String value) {
        String language = blankToNull(value);
        if (language != null && !LANGUAGE.matcher(language.toLowerCase(Locale.ROOT)).matches()) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.badValue", "language", language);
        }
        return language == null ? null : language.toLowerCase(Locale.ROOT);
    }

    /** An SPDX-style licence id, or null when blank; 400 for anything else. */
    static String checkedLicence(String value) {
        String licence = Licence.canonical(value);
        if (licence != null && !LICENCE.matcher(licence).matches()) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.badValue", "licence", licence);
        }
        return licence;
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
