package vn.hoclieu.ingest.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.hoclieu.DamagedCorpus;
import vn.hoclieu.catalog.PageDrawing;
import vn.hoclieu.ingest.IngestProperties;

/**
 * What drawing the phone reader's page pictures in picture processes costs against drawing them in
 * the application's JVM, on real books: the PDFs of Debian's documentation packages (fetched by
 * {@value DamagedCorpus#FETCH}). Each book is opened as a phone opens it: the page count, then its
 * first {@value #PAGES} pages, one after the other. Rows, in one run:
 * <ul>
 * <li>in this JVM, after a warm-up pass over the same pages (what the server did before: the baseline);</li>
 * <li>a picture process started for each book (a reader after two idle minutes: the process start is paid);</li>
 * <li>one picture process kept for all books (readers one after another), after its warm-up pass.</li>
 * </ul>
 * Printed: the first page's wait (count and page 1), milliseconds per page (p50, p95), and the pass's
 * wall time. One page at a time, so the figures are latencies, not throughput.
 *
 * <pre>./mvnw -B -q -pl app -am test-compile exec:java@pictures-bench</pre>
 */
public final class PagePicturesBenchmark {

    static final int PAGES = 12;
    private static final int WIDTH = 960;
    private static final int MAX_HEIGHT = 2880;
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final List<String> BOOKS = List.of("developers-reference.pdf", "fhs-3.0.pdf", "maint-guide.en.pdf");

    private PagePicturesBenchmark() {
    }

    private interface Drawer {
        PageDrawing.Drawn draw(Path pdf, int page) throws IOException;
    }

    private record Pass(String row, List<Double> firstPageMs, List<Double> pageMs, double wallMs) {
    }

    public static void main(String[] args) throws Exception {
        Optional<String> missing = DamagedCorpus.missing();
        if (missing.isPresent()) {
            System.err.println(missing.get());
            System.exit(2);
        }
        List<Path> books = BOOKS.stream().map(b -> DamagedCorpus.debianFolder().resolve(b)).toList();
        IngestProperties properties = new IngestProperties(1, Duration.ofMinutes(2), 1_000_000, 3, false, null,
                true, null, null);
        List<Pass> passes = new ArrayList<>();

        Drawer inProcess = (pdf, page) -> PagePictures.draw(pdf, page, WIDTH, MAX_HEIGHT);
        pass("warm-up, in this JVM", books, b -> inProcess);
        passes.add(pass("in the application's JVM (before), warm", books, b -> inProcess));

        long resident;
        List<ExtractorPool> started = new ArrayList<>();
        passes.add(pass("a picture process started for each book", books, b -> {
            ExtractorPool pool = ExtractorPool.forPictures(properties);
            started.add(pool);
            return (pdf, page) -> pool.picture(pdf, page, WIDTH, MAX_HEIGHT, LIMIT);
        }));
        started.forEach(ExtractorPool::close);

        try (ExtractorPool kept = ExtractorPool.forPictures(properties)) {
            Drawer drawer = (pdf, page) -> kept.picture(pdf, page, WIDTH, MAX_HEIGHT, LIMIT);
            pass("warm-up, one picture process", books, b -> drawer);
            passes.add(pass("one picture process kept, warm", books, b -> drawer));
            resident = ProcessHandle.current().children().mapToLong(PagePicturesBenchmark::residentKb).sum();
        }

        System.out.printf("%nPage pictures: %d real books from Debian, the count and the first %d pages of each, "
                + "%d x %d at most; %d cores, Java %s%n%n", books.size(), PAGES, WIDTH, MAX_HEIGHT,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.println("| where the pages are drawn | first page, ms (p50 / max of the books) | a page, ms p50 | p95 | pass, s | × baseline |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        double base = passes.get(0).wallMs();
        for (Pass p : passes) {
            System.out.printf("| %s | %.0f / %.0f | %.0f | %.0f | %.2f | %.2f |%n", p.row(), percentile(p.firstPageMs(), 50),
                    percentile(p.firstPageMs(), 100), percentile(p.pageMs(), 50), percentile(p.pageMs(), 95),
                    p.wallMs() / 1000, p.wallMs() / base);
        }
        System.out.printf("%nThe kept picture process after its passes: %d MB resident (heap limit %s).%n",
                resident / 1024, ExtractorPool.PICTURES_HEAP);
    }

    /** Resident memory of a process, from {@code /proc} (0 where there is none). */
    private static long residentKb(ProcessHandle process) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private interface DrawerForBook {
        Drawer of(Path book);
    }

    private static Pass pass(String row, List<Path> books, DrawerForBook drawers) throws IOException {
        List<Double> first = new ArrayList<>();
        List<Double> pages = new ArrayList<>();
        long passStart = System.nanoTime();
        for (Path book : books) {
            long open = System.nanoTime();
            Drawer drawer = drawers.of(book);
            int count = drawer.draw(book, 0).pages();
            for (int page = 1; page <= Math.min(PAGES, count); page++) {
                long t = System.nanoTime();
                PageDrawing.Drawn drawn = drawer.draw(book, page);
                if (drawn.jpeg() == null || drawn.jpeg().length == 0) {
                    throw new IllegalStateException("no picture of page " + page + " of " + book);
                }
                long now = System.nanoTime();
                pages.add((now - t) / 1e6);
                if (page == 1) {
                    first.add((now - open) / 1e6);
                }
            }
        }
        return new Pass(row, first, pages, (System.nanoTime() - passStart) / 1e6);
    }

    private static double percentile(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
