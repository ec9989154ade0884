package vn.hoclieu.stats;

import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.ReviewService;
import vn.hoclieu.ingest.IngestService;
import vn.hoclieu.ingest.JobStatus;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.reading.ReadingFigures;

/**
 * The librarians' dashboard: the ingestion queue (kept live by {@code static/js/dashboard.js},
 * refreshed by a link without it), failures with their reasons and a retry button, how many
 * submissions await review, the import history, and the library's statistics drawn as charts.
 * It links to the pages that hold the details ({@code /ingest}, {@code /review}, {@code /imports/…})
 * rather than repeating them.
 */
@Controller
class DashboardController {

    static final String VIEW = "stats/dashboard";
    static final int FAILURES_SHOWN = 20;
    static final int IMPORTS_SHOWN = 10;

    private final StatsService stats;
    private final IngestService ingest;
    private final ReviewService review;
    private final LibraryService libraries;
    private final AccountService accounts;
    private final MessageSource messages;
    private final ReadingFigures reading;

    DashboardController(StatsService stats, IngestService ingest, ReviewService review, LibraryService libraries,
                        AccountService accounts, MessageSource messages, ReadingFigures reading) {
        this.messages = messages;
        this.reading = reading;
        this.stats = stats;
        this.ingest = ingest;
        this.review = review;
        this.libraries = libraries;
        this.accounts = accounts;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String library, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, Model model) {
        Viewer viewer = accounts.currentViewer();
        Statistics statistics = stats.statistics(viewer, library, from, to);
        model.addAttribute("stats", statistics);
        model.addAttribute("usageChart", Charts.timeline(statistics.series(), Statistics.Bucket::views,
                Statistics.Bucket::downloads));
        model.addAttribute("searchChart", Charts.timeline(statistics.series(), Statistics.Bucket::searches,
                Statistics.Bucket::zeroResultSearches));
        model.addAttribute("topChart", Charts.ranking(statistics.topQueries()));
        model.addAttribute("zeroChart", Charts.ranking(statistics.zeroResultQueries()));
        model.addAttribute("chartWidth", Charts.WIDTH);
        model.addAttribute("chartHeight", Charts.HEIGHT);
        model.addAttribute("queue", ingest.queue(viewer));
        model.addAttribute("failed", ingest.jobs(JobStatus.FAILED, FAILURES_SHOWN, viewer));
        model.addAttribute("waiting", review.waiting(viewer));
        model.addAttribute("imports", ingest.recentImports(viewer, IMPORTS_SHOWN));
        model.addAttribute("csvTables", StatisticsCsv.names());
        model.addAttribute("admin", viewer.has(Role.ADMIN));
        // in the statistics' own scope: the librarian's library, or the administrator's choice
        model.addAttribute("readingFigures", reading.figures(statistics.library(), viewer));
        if (viewer.has(Role.ADMIN)) {
            model.addAttribute("libraries", libraries.all());
        }
        return VIEW;
    }

    /**
     * One table of the statistics the dashboard shows, as CSV, for the same library and period and with
     * the same rights ({@code ?table=series|most-used|top-queries|zero-queries}, series by default).
     */
    @GetMapping("/dashboard/statistics.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String library,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String table) {
        StatisticsCsv.Table which = StatisticsCsv.table(table);
        Statistics statistics = stats.statistics(accounts.currentViewer(), library, from, to);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(StatisticsCsv.fileName(statistics, which)).build().toString())
                .body(StatisticsCsv.write(statistics, which, messages, LocaleContextHolder.getLocale())
                        .getBytes(StandardCharsets.UTF_8));
    }
}
