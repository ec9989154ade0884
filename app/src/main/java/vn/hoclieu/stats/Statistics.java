package vn.hoclieu.stats;

import java.time.LocalDate;
import java.util.List;
import vn.hoclieu.search.QueryCount;

/**
 * The statistics of one library (or, for an administrator, of all) over [from, to], both days
 * included, as {@code GET /api/v1/stats} and the dashboard show them.
 *
 * @param library        the library's code, or null for every library
 * @param interval       {@code DAY} for up to 31 days, {@code WEEK} (7 days from {@code from}) beyond
 * @param series         one bucket per day or week, oldest first
 * @param searchScope    always {@code SITE}: searches are not asked of one library, so they count the whole site
 * @param mostUsed       the library's resources used most in the period
 */
public record Statistics(String library, String libraryName, LocalDate from, LocalDate to, String interval,
                         List<Bucket> series, Totals totals, String searchScope, List<QueryCount> topQueries,
                         List<QueryCount> zeroResultQueries, List<Used> mostUsed) {

    /** One day or week: [start, end], both included. */
    public record Bucket(LocalDate start, LocalDate end, long views, long downloads, long searches,
                         long zeroResultSearches) {
    }

    public record Totals(long views, long downloads, long searches, long zeroResultSearches) {
    }

    public record Used(long resourceId, String title, long views, long downloads) {
    }
}
