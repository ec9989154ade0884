package vn.hoclieu.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hoclieu.HoclieuApplication;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.ingest.ImportReport;
import vn.hoclieu.ingest.IngestService;
import vn.hoclieu.ingest.JobView;
import vn.hoclieu.ingest.internal.ScanPageReader;
import vn.hoclieu.search.SearchRequest;
import vn.hoclieu.search.SearchService;
import vn.hoclieu.search.relevance.RelevanceCollection;

/**
 * A scanned book read by OCR: one PDF of {@code bench.pages} (default 40) A4 pages that are
 * pictures only, made from the real Vietnamese text of Debian's documentation packages (the
 * Debian relevance collection), drawn at 300 dpi with DejaVu Sans and stored as JPEG, as a
 * scanner would. In one run:
 *
 * <ul>
 *   <li>a bare Tesseract loop over the same page pictures Hoclieu reads (drawn from the PDF by
 *       the same code, not timed): one {@code tesseract} after another with one thread each, then two
 *       at a time (one per core: the fastest way to run the bare loop on this machine, the baseline of
 *       the targets); with {@code -Dbench.bareAsInstalled=true} also one after another with Tesseract's
 *       own threads as installed (OpenMP), as a person would first run it, which is far slower;</li>
 *   <li>Hoclieu (a real instance, isolation on, OCR on) importing the PDF with two workers, then
 *       with one: from the job's start to its end, and when a phrase of the first page could first
 *       be found. Each instance first reads a four-page scan of other pages, unmeasured: a server
 *       reads a book with its JIT and extractor processes warm, as the ingestion benchmark's steady
 *       pass measures it.</li>
 * </ul>
 *
 * <pre>./mvnw -B -q -pl app -am test-compile exec:exec@scan-bench</pre>
 *
 * Needs Tesseract with vie and eng ({@code tesseract-ocr-vie}), DejaVu fonts
 * ({@code fonts-dejavu-core}) and the Debian collection (built on first use, see
 * {@code docs/search.md}). Bounded: each phase reads the book once.
 */
public final class ScanBenchmark {

    private static final int PAGES = Integer.getInteger("bench.pages", 40);
    /** The scan each instance reads before the measured one, as a running server has read others. */
    private static final int WARM_UP_PAGES = 4;
    /** {@code -Dbench.bareAsInstalled=true}: also the bare loop with Tesseract's own threads (OpenMP) as installed. */
    private static final boolean AS_INSTALLED = Boolean.getBoolean("bench.bareAsInstalled");
    private static final String LANGUAGES = "vie+eng";
    private static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final Viewer BENCH = new Viewer(0L, "system:bench", Role.ADMIN, null);
    private static final int WIDTH = 2480;
    private static final int HEIGHT = 3508;
    private static final int MARGIN = 240;

    private ScanBenchmark() {
    }

    private record Run(String name, int pages, double wallSeconds, double machineCpuSeconds, String note) {
        double pagesPerSecond() {
            return pages / wallSeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("bench.scanDir", "target/scan-bench")));
        List<String> paragraphs = paragraphs();
        Path book = work.resolve("ban-quet-" + PAGES + "-trang.pdf");
        String firstPagePhrase = makeBook(paragraphs, book, PAGES);
        // a short scan of other pages, read first by each instance: a server reads books warm
        List<String> others = new ArrayList<>(paragraphs);
        Collections.reverse(others);
        Path warmUpBook = work.resolve("khoi-dong-" + WARM_UP_PAGES + "-trang.pdf");
        makeBook(others, warmUpBook, WARM_UP_PAGES);
        System.out.printf("Scanned book %s: %d pages, %.1f MB; first page's phrase: \"%s\"%n", book, PAGES,
                Files.size(book) / 1_048_576.0, firstPagePhrase);

        Path pictures = Files.createDirectories(work.resolve("pages"));
        List<Path> images = new ArrayList<>();
        for (int page = 0; page < PAGES; page++) {
            Path image = pictures.resolve(String.format(Locale.ROOT, "page-%03d.pgm", page + 1));
            ScanPageReader.writeGreyMap(ScanPageReader.render(book, page), image);
            images.add(image);
        }

        List<Run> runs = new ArrayList<>();
        if (AS_INSTALLED) {
            runs.add(bare("bare tesseract loop, one after another (threads as installed)", images, 1, Map.of()));
        }
        runs.add(bare("bare tesseract loop, one after another, 1 thread each", images, 1,
                Map.of("OMP_THREAD_LIMIT", "1")));
        // one page per core at a time: the fastest bare loop on this machine, the baseline of the targets
        Run loop = bare("bare tesseract loop, 2 at a time, 1 thread each", images, 2, Map.of("OMP_THREAD_LIMIT", "1"));
        runs.add(loop);
        Run two = hoclieu(book, 2, firstPagePhrase, work, warmUpBook);
        runs.add(two);
        Run one = hoclieu(book, 1, firstPagePhrase, work, warmUpBook);
        runs.add(one);

        System.out.println();
        System.out.printf("OCR of a scanned %d-page Vietnamese book (A4, 300 dpi, %s), %d cores%n", PAGES, LANGUAGES,
                Runtime.getRuntime().availableProcessors());
        System.out.println();
        System.out.println("| run | pages | wall s | pages/s | vs bare loop, 2 at a time | machine CPU s | note |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (Run r : runs) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.3f | %.2f× | %.0f | %s |%n", r.name(), r.pages(),
                    r.wallSeconds(), r.pagesPerSecond(), r.pagesPerSecond() / loop.pagesPerSecond(),
                    r.machineCpuSeconds(), r.note());
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "2 workers take %.2f× the wall time of 1 (target ≤ 0.60): %s%n",
                two.wallSeconds() / one.wallSeconds(), two.wallSeconds() <= 0.6 * one.wallSeconds() ? "met" : "MISSED");
        System.out.printf(Locale.ROOT, "Hoclieu with 2 workers reads %.2f× the pages per second of the bare loop 2 at a time "
                        + "(target ≥ 0.90): %s%n", two.pagesPerSecond() / loop.pagesPerSecond(),
                two.pagesPerSecond() >= 0.9 * loop.pagesPerSecond() ? "met" : "MISSED");
    }

    /** Paragraphs of the Debian collection's Vietnamese pages, longest documents first. */
    private static List<String> paragraphs() {
        RelevanceCollection collection;
        try {
            collection = DebianCollection.loadOrBuild();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("the Debian collection is needed: " + e.getMessage(), e);
        }
        List<String> paragraphs = new ArrayList<>();
        collection.materials().stream().filter(m -> "vi".equals(m.language()))
                .sorted((a, b) -> Integer.compare(b.text().length(), a.text().length()))
                .forEach(m -> {
                    paragraphs.add("§ " + m.title());
                    for (String p : m.text().split("\\n\\s*\\n|\\n")) {
                        if (p.strip().length() > 40) {
                            paragraphs.add(p.strip().replaceAll("\\s+", " "));
                        }
                    }
                });
        return paragraphs;
    }

    /**
     * Writes the book: text laid out on A4 pages at 300 dpi in 11 pt DejaVu Sans, each page a JPEG
     * picture in the PDF, no text layer. Returns a phrase of the first page (five words of its
     * first long paragraph).
     */
    private static String makeBook(List<String> paragraphs, Path book, int pages)
            throws IOException, FontFormatException {
        if (!Files.exists(FONT)) {
            throw new IllegalStateException(FONT + " is missing: apt-get install fonts-dejavu-core");
        }
        Font font = Font.createFont(Font.TRUETYPE_FONT, FONT.toFile()).deriveFont(46f);
        String phrase = null;
        int next = 0;
        try (PDDocument doc = new PDDocument()) {
            for (int page = 0; page < pages; page++) {
                BufferedImage picture = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
                Graphics2D g = picture.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, WIDTH, HEIGHT);
                g.setColor(Color.BLACK);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setFont(font);
                FontMetrics metrics = g.getFontMetrics();
                int line = metrics.getHeight() + 8;
                int y = MARGIN + metrics.getAscent();
                while (y < HEIGHT - MARGIN && next < paragraphs.size()) {
                    String paragraph = paragraphs.get(next++);
                    if (phrase == null && !paragraph.startsWith("§")) {
                        String[] words = paragraph.split(" ");
                        phrase = String.join(" ", List.of(words).subList(0, Math.min(5, words.length)));
                    }
                    StringBuilder row = new StringBuilder();
                    for (String word : paragraph.split(" ")) {
                        String longer = row.isEmpty() ? word : row + " " + word;
                        if (metrics.stringWidth(longer) > WIDTH - 2 * MARGIN && !row.isEmpty()) {
                            g.drawString(row.toString(), MARGIN, y);
                            y += line;
                            row = new StringBuilder(word);
                            if (y >= HEIGHT - MARGIN) {
                                break;
                            }
                        } else {
                            row = new StringBuilder(longer);
                        }
                    }
                    if (y < HEIGHT - MARGIN && !row.isEmpty()) {
                        g.drawString(row.toString(), MARGIN, y);
                        y += line + line / 2;
                    }
                }
                g.drawString(String.valueOf(page + 1), WIDTH / 2, HEIGHT - MARGIN / 2);
                g.dispose();
                if (next >= paragraphs.size()) {
                    next = 0;
                }
                PDImageXObject image = JPEGFactory.createFromImage(doc, picture, 0.85f, 300);
                PDPage pdfPage = new PDPage(PDRectangle.A4);
                doc.addPage(pdfPage);
                try (PDPageContentStream content = new PDPageContentStream(doc, pdfPage)) {
                    content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            Files.deleteIfExists(book);
            doc.save(book.toFile());
        }
        return phrase;
    }

    /** {@code tesseract PAGE stdout -l vie+eng} over every page picture, {@code parallel} at a time. */
    private static Run bare(String name, List<Path> images, int parallel, Map<String, String> env) throws Exception {
        long cpu0 = MachineCpu.busyTicks();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Integer>> chars = new ArrayList<>();
            for (Path image : images) {
                chars.add(pool.submit(() -> {
                    ProcessBuilder builder = new ProcessBuilder(ScanPageReader.command(image, LANGUAGES,
                            ScanPageReader.DPI)).redirectError(ProcessBuilder.Redirect.DISCARD);
                    builder.environment().putAll(env);
                    Process p = builder.start();
                    int length = new String(p.getInputStream().readAllBytes()).length();
                    if (p.waitFor() != 0) {
                        throw new IOException("tesseract failed on " + image);
                    }
                    return length;
                }));
            }
            long total = 0;
            for (Future<Integer> c : chars) {
                total += c.get();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %.1f s, %,d characters%n", name, wall, total);
            return new Run(name, images.size(), wall, MachineCpu.seconds(MachineCpu.busyTicks() - cpu0),
                    String.format(Locale.ROOT, "%,d characters read", total));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A real instance (fresh data folder, isolation on, OCR on, no web server) imports the book; the
     * run lasts from its job's start to its end. A search for the first page's phrase is repeated
     * meanwhile, to say when the first page could be found.
     */
    private static Run hoclieu(Path book, int workers, String phrase, Path work, Path warmUpBook) throws Exception {
        Path data = Files.createTempDirectory("hoclieu-scan-bench-");
        Path warmUpInbox = Files.createDirectories(work.resolve("inbox-warm-up-" + workers));
        Files.copy(warmUpBook, warmUpInbox.resolve(warmUpBook.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
        Path inbox = Files.createDirectories(work.resolve("inbox-" + workers));
        Files.copy(book, inbox.resolve(book.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        SpringApplication application = new SpringApplication(HoclieuApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        ConfigurableApplicationContext app = application.run("--hoclieu.data-dir=" + data,
                "--hoclieu.samples.import-on-start=false", "--hoclieu.ingest.workers=" + workers,
                "--hoclieu.ingest.isolation=true", "--hoclieu.ingest.ocr=true",
                "--hoclieu.ingest.ocr-languages=" + LANGUAGES, "--hoclieu.ingest.timeout=5m",
                "--hoclieu.admin-password=bench-password", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--logging.level.org.flywaydb=ERROR");
        try {
            IngestService ingest = app.getBean(IngestService.class);
            SearchService search = app.getBean(SearchService.class);
            ingest.importFolder(warmUpInbox, null, BENCH);
            Instant warmUpDeadline = Instant.now().plus(Duration.ofMinutes(10));
            while (ingest.unfinished() > 0) {
                if (Instant.now().isAfter(warmUpDeadline)) {
                    throw new IllegalStateException("the warm-up scan was not read within 10 minutes");
                }
                Thread.sleep(200);
            }
            long cpu0 = MachineCpu.busyTicks();
            Instant started = Instant.now();
            ImportReport report = ingest.importFolder(inbox, null, BENCH);
            long resource = report.entries().get(0).resourceId();
            Double firstFound = null;
            int lastDone = -1;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
            while (ingest.unfinished() > 0) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the scan was not read within 30 minutes");
                }
                if (firstFound == null && search.search(new SearchRequest("\"" + phrase + "\"", 0, 10, "relevance",
                        Map.of()), BENCH).hits().stream().anyMatch(h -> h.id() == resource)) {
                    firstFound = Duration.between(started, Instant.now()).toMillis() / 1e3;
                }
                for (JobView j : ingest.queue(BENCH).running()) {
                    if (j.pagesDone() != null && j.pagesDone() != lastDone) {
                        lastDone = j.pagesDone();
                        System.out.printf(Locale.ROOT, "  %d worker(s), %.1f s: %d/%d pages read%n", workers,
                                Duration.between(started, Instant.now()).toMillis() / 1e3, j.pagesDone(), j.pagesTotal());
                    }
                }
                Thread.sleep(200);
            }
            double machineCpu = MachineCpu.seconds(MachineCpu.busyTicks() - cpu0);
            JobView job = ingest.jobsOf(List.of(resource)).get(0);
            double wall = Duration.between(job.startedAt(), job.finishedAt()).toMillis() / 1e3;
            String note = String.format(Locale.ROOT, "job %s; first page found %s", job.reason(),
                    firstFound == null ? "only at the end" : String.format(Locale.ROOT, "after %.1f s", firstFound));
            String name = "Hoclieu: import, isolation on, " + workers + (workers == 1 ? " worker" : " workers");
            System.out.printf(Locale.ROOT, "%s: %.1f s (%s)%n", name, wall, note);
            return new Run(name, PAGES, wall, machineCpu, note);
        } finally {
            app.close();
            BenchCorpus.deleteTree(data);
        }
    }

    /** The whole machine's busy CPU time, from /proc/stat: Tesseract runs in grandchildren of this JVM. */
    private static final class MachineCpu {
        static long busyTicks() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < f.length; i++) {
                    if (i != 4 && i != 5) { // idle and iowait
                        busy += Long.parseLong(f[i]);
                    }
                }
                return busy;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        static double seconds(long ticks) {
            return ticks / 100.0;
        }
    }
}
