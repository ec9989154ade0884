package vn.hoclieu.oai.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * UTC datestamps as the protocol writes them ({@code YYYY-MM-DDThh:mm:ssZ}) and the two
 * granularities a harvester may use in {@code from} and {@code until}. Datestamps are kept in
 * whole seconds, so that a bound written in seconds means exactly what it says.
 */
final class Datestamps {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SECONDS_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withResolverStyle(ResolverStyle.STRICT).withZone(ZoneOffset.UTC);

    private Datestamps() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    static String format(Instant instant) {
        return SECONDS_FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A {@code from} or {@code until} argument with the granularity it was written in. */
    record Bound(Instant instant, boolean dayGranularity) {
    }

    /**
     * @param upper for {@code until}: a day means up to its last second, since both bounds are inclusive
     * @throws OaiError badArgument for anything but a real date in one of the two forms
     */
    static Bound parse(String name, String value, boolean upper) {
        try {
            if (DAY.matcher(value).matches()) {
                LocalDate day = LocalDate.parse(value, DAY_FORMAT);
                Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                return new Bound(upper ? start.plus(1, ChronoUnit.DAYS).minusSeconds(1) : start, true);
            }
            if (SECONDS.matcher(value).matches()) {
                return new Bound(Instant.from(SECONDS_FORMAT.parse(value)), false);
            }
        } catch (DateTimeParseException e) {
            // falls through: a date that does not exist, such as 2025-02-30
        }
        throw OaiError.badArgument("'" + value + "' is not a valid " + name
                + ": use YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC)");
    }
}
