package vn.hoclieu.storage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Byte counts as people read them: {@code 850 KB}, {@code 12.5 MB}, {@code 2 GB} (powers of 1024),
 * one decimal below ten units. Pages and messages give the reader's locale, so a Vietnamese reader
 * sees a decimal comma ({@code 1,1 MB}); logs and the shell commands use the locale-free form.
 */
public final class ByteSizes {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

    private ByteSizes() {
    }

    /** With a decimal point, whatever the server's locale: for logs and the shell commands. */
    public static String format(long bytes) {
        return format(bytes, Locale.ROOT);
    }

    /** With the decimal mark of {@code reader}'s language. */
    public static String format(long bytes, Locale reader) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        BigDecimal shown = BigDecimal.valueOf(value).setScale(value < 10 ? 1 : 0, RoundingMode.HALF_UP).stripTrailingZeros();
        NumberFormat number = NumberFormat.getNumberInstance(reader);
        number.setMaximumFractionDigits(1);
        number.setGroupingUsed(false);
        return number.format(shown) + " " + UNITS[unit];
    }
}
