package vn.hoclieu.storage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Byte counts as people read them in messages: {@code 850 KB}, {@code 12.5 MB}, {@code 2 GB} (powers of 1024). */
public final class ByteSizes {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

    private ByteSizes() {
    }

    public static String format(long bytes) {
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
        return shown.toPlainString() + " " + UNITS[unit];
    }
}
