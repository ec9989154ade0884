package vn.hoclieu.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.UsageService;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;
import vn.hoclieu.search.QueryCount;
import vn.hoclieu.search.SearchCount;
import vn.hoclieu.search.SearchService;

/**
 * Statistics for librarians (their own library's) and administrators (every library's, or one's).
 * Views and downloads are per library; searches are asked of the whole network, so they are
 * counted site-wide for everyone and say so ({@code searchScope}).
 */
@Service
public class StatsService {

    /** Up to this many days the series is per day; beyond, per week. */
    static final int DAILY_UP_TO = 31;
    /** The longest period asked at once. */
    static final int MAX_DAYS = 731;
    static final int DEFAULT_DAYS = 30;
    static final int LIST_SIZE = 10;

    private final UsageService usage;
    private final SearchService search;
    private final LibraryService libraries;

    StatsService(UsageService usage, SearchService search, LibraryService libraries) {
        this.usage = usage;
        this.search = search;
        this.libraries = libraries;
    }

    /**
     * @param libraryCode null or blank: the librarian's own library; for an administrator, every library
     * @param from        first day (ISO date), null for 29 days before {@code to}
     * @param to          last day (ISO date), null for today
     * @throws StatsException 403 for another library than one's own, 400 for a bad period or unknown library
     */
    public Statistics statistics(Viewer viewer, String libraryCode, String from, String to) {
        return statistics(viewer, libraryCode, from, to, LIST_SIZE);
    }

    /** The same, with {@code top} entries (1–100) in each list of queries and resources. */
    public Statistics statistics(Viewer viewer, String libraryCode, String from, String to, int top) {
        int listSize = Math.max(1, Math.min(top, 100));
        LibraryView library = libraryFor(viewer, libraryCode);
        LocalDate last = to == null || to.isBlank() ? LocalDate.now() : date(to, "to");
        LocalDate first = from == null || from.isBlank() ? last.minusDays(DEFAULT_DAYS - 1L) : date(from, "from");
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days < 1) {
            throw new StatsException(HttpStatus.BAD_REQUEST, "problem.stats.order", first, last);
        }
        if (days > MAX_DAYS) {
            throw new StatsException(HttpStatus.BAD_REQUEST, "problem.stats.tooLong", MAX_DAYS);
        }
        int step = days <= DAILY_UP_TO ? 1 : 7;
        Long libraryId = library == null ? null : library.id();
        Map<LocalDate, UsageService.Usage> perDay = usage.perDay(libraryId, first, last.plusDays(1));
        ZoneId zone = ZoneId.systemDefault();
        List<Statistics.Bucket> series = new ArrayList<>();
        long views = 0;
        long downloads = 0;
        long searches = 0;
        long zero = 0;
        for (LocalDate start = first; !start.isAfter(last); start = start.plusDays(step)) {
            LocalDate end = start.plusDays(step - 1L).isAfter(last) ? last : start.plusDays(step - 1L);
            long v = 0;
            long d = 0;
            for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
                UsageService.Usage u = perDay.get(day);
                if (u != null) {
                    v += u.views();
                    d += u.downloads();
                }
            }
            SearchCount s = search.searchCount(start.atStartOfDay(zone).toInstant(),
                    end.plusDays(1).atStartOfDay(zone).toInstant());
            series.add(new Statistics.Bucket(start, end, v, d, s.searches(), s.zeroResults()));
            views += v;
            downloads += d;
            searches += s.searches();
            zero += s.zeroResults();
        }
        Instant since = first.atStartOfDay(zone).toInstant();
        Instant until = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<QueryCount> mostAsked = search.topQueries(since, until, listSize, viewer);
        List<QueryCount> nothing = search.zeroResultQueries(since, until, listSize);
        List<Statistics.Used> used = usage.mostUsed(libraryId, first, last.plusDays(1), listSize).stream()
                .map(u -> new Statistics.Used(u.resourceId(), u.title(), u.views(), u.downloads())).toList();
        return new Statistics(library == null ? null : library.code(), library == null ? null : library.name(),
                first, last, step == 1 ? "DAY" : "WEEK", series, new Statistics.Totals(views, downloads, searches, zero),
                "SITE", mostAsked, nothing, used);
    }

    /** The library whose statistics the viewer asks for; null means every library (administrators only). */
    private LibraryView libraryFor(Viewer viewer, String code) {
        boolean admin = viewer.has(Role.ADMIN);
        if (!viewer.has(Role.LIBRARIAN)) {
            throw new StatsException(HttpStatus.FORBIDDEN, "problem.forbidden");
        }
        if (code == null || code.isBlank()) {
            if (admin) {
                return null;
            }
            return libraries.byId(viewer.libraryId())
                    .orElseThrow(() -> new StatsException(HttpStatus.FORBIDDEN, "problem.stats.noLibrary"));
        }
        LibraryView library = libraries.byCode(code.strip())
                .orElseThrow(() -> new StatsException(HttpStatus.BAD_REQUEST, "problem.stats.unknownLibrary", code));
        if (!admin && !library.hasId(viewer.libraryId())) {
            throw new StatsException(HttpStatus.FORBIDDEN, "problem.stats.otherLibrary", library.code());
        }
        return library;
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new StatsException(HttpStatus.BAD_REQUEST, "problem.stats.badDate", field, value);
        }
    }
}
