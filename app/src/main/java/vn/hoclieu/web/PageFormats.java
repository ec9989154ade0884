package vn.hoclieu.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import vn.hoclieu.storage.ByteSizes;

/**
 * How every page writes dates, times, sizes and numbers, in the page's language and the network's
 * time zone: {@code 01/10/2025}, {@code 01/10/2025 14:05}, {@code 37,5 KB}, {@code 1.234}.
 * Day first in both languages (Vietnamese and British readers write it so), so a date reads the
 * same whichever language a page is in; the decimal mark and digit grouping follow the language.
 * Templates call it as {@code #fmt} ({@link FormatsDialect}): {@code ${#fmt.date(resource.date())}}.
 */
public final class PageFormats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Locale locale;
    private final ZoneId zone;

    public PageFormats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    /** A day: a {@link LocalDate} as it is, an {@link Instant} as the day it was in the network's zone; "" for null. */
    public String date(TemporalAccessor value) {
        return value == null ? "" : DATE.format(local(value));
    }

    /** A moment to the minute, in the network's zone; "" for null. */
    public String dateTime(TemporalAccessor value) {
        return value == null ? "" : DATE_TIME.format(local(value));
    }

    /** A file's size: {@code 850 KB}, {@code 1,1 MB} ({@link ByteSizes}, with the language's decimal mark). */
    public String bytes(Number bytes) {
        return bytes == null ? "" : ByteSizes.format(bytes.longValue(), locale);
    }

    /** A count, grouped as the language groups digits ({@code 12.345} in Vietnamese, {@code 12,345} in English). */
    public String number(Number value) {
        return value == null ? "" : NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A decimal with at most {@code decimals} digits after the language's decimal mark. */
    public String number(Number value, int decimals) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }

    private TemporalAccessor local(TemporalAccessor value) {
        if (value instanceof Instant instant) {
            return instant.atZone(zone);
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone);
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime) {
            return value;
        }
        return ZonedDateTime.from(value).withZoneSameInstant(zone);
    }
}
