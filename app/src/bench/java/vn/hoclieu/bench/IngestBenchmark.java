package vn.hoclieu.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.hoclieu.HoclieuApplication;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.CatalogReads;
import vn.hoclieu.catalog.ResourceView;
import vn.hoclieu.ingest.ImportReport;
import vn.hoclieu.ingest.IngestService;
import vn.hoclieu.ingest.JobView;
import vn.hoclieu.ingest.internal.HoclieuExtraction;
import vn.hoclieu.search.internal.HoclieuIndexing;

/**
 * Bulk ingestion throughput, cold and in a steady state: two corpora of over 2,000 real-format files
 * each ({@link BenchCorpus}; the second, measured one, holds other files of the same kinds), read
 * by a bare baseline (Tika's {@link AutoDetectParser} and one Lucene {@link IndexWriter}, on two
 * threads), by the same loop writing Hoclieu's own index ({@link HoclieuIndexing}), by the loop
 * that also has each file read the way Hoclieu's workers have it read ({@link HoclieuExtraction}:
 * extractor processes, legacy-text repair, language, preview, fingerprint) and by Hoclieu itself
 * (a real instance, isolation on, two workers) through its folder import. The two middle loops
 * have no target: they show what each layer costs by itself, so that what is left is the pipeline
 * (database, blobs, jobs, waiting until each file is searchable). Each reads the warm-up corpus
 * first, in a fresh JVM or instance (the cold pass), then the measured corpus in the same JVM and
 * the same running instance (the steady state, as a server lives); a Markdown table gives files/s,
 * MB/s, per-file latency, peak memory and CPU of each pass. OCR is off in all. Bounded: each file is
 * read once per phase, then it stops.
 *
 * <pre>./mvnw -B -q test-compile exec:exec@ingest-bench</pre>
 *
 * <p>Run with {@code -Xmx1g} (the exec execution does), so that the heap limit is real. Options:
 * {@code -Dbench.isolation=false} parses in the application's JVM, and the loop with Hoclieu's
 * reading in its own (to see what isolation costs);
 * {@code -Dbench.corpus=DIR} puts the corpus elsewhere than {@code target/bench-corpus};
 * {@code -Dbench.jfr=FILE} records the application JVM's CPU samples (every 10 ms) with Java Flight
 * Recorder during Hoclieu's phase only; {@code -Dbench.extractorJvm="OPTIONS"} replaces the
 * extractor processes' JVM options ({@code hoclieu.ingest.extractor-jvm-options});
 * {@code -Dbench.warmups=N} reads N warm-up corpora of other files before the measured one (1), so
 * that the steady pass can be measured once the JIT has settled.
 */
public final class IngestBenchmark {

    private static final int THREADS = 2;
    /** {@code -Dbench.eachSearchable=true}: the loop with Hoclieu's index waits until each file is searchable. */
    private static final boolean EACH_SEARCHABLE = Boolean.getBoolean("bench.eachSearchable");
    /** How many warm-up corpora are read before the measured one (the first of them is the cold pass). */
    private static final int WARM_UPS = Math.max(1, Integer.getInteger("bench.warmups", 1));
    /** Numbers the files the bare loops index, across passes. */
    private static final AtomicLong NEXT_ID = new AtomicLong();
    /** The application's default write limit (hoclieu.ingest.write-limit), so both keep the same text. */
    private static final int WRITE_LIMIT = 20_000_000;
    private static final Duration HOCLIEU_DEADLINE = Duration.ofMinutes(30);
    /** {@code -Dbench.isolation=false} reads in the application's own JVM instead: to see what isolation costs. */
    private static final boolean ISOLATION = Boolean.parseBoolean(System.getProperty("bench.isolation", "true"));
    /** {@code -Dbench.jfr=FILE}: a flight recording of Hoclieu's phase (the application JVM), none if blank. */
    private static final String JFR = System.getProperty("bench.jfr", "").strip();
    /** {@code -Dbench.extractorJvm=OPTIONS}: the extractor processes' JVM options, the application's default if unset. */
    private static final String EXTRACTOR_JVM = System.getProperty("bench.extractorJvm");
    private static final Viewer BENCH = new Viewer(0L, "system:bench", Role.ADMIN, null);
    private static final double MB = 1_048_576.0;

    /** One phase's measurements. */
    private record Result(String name, int files, long bytes, double wallSeconds, List<Double> latenciesMs,
                          double peakHeapMb, double jvmRssMb, double extractorRssMb, double cpuSeconds,
                          String cpuDetail, Map<String, Integer> statuses, List<String> problems) {

        double filesPerSecond() {
            return files / wallSeconds;
        }

        double mbPerSecond() {
            return bytes / MB / wallSeconds;
        }
    }

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        if (!JFR.isEmpty()) {
            // The flight recorder's first recording instruments some JDK classes, and the JVM then
            // throws away all the code it has compiled: done now, before anything is measured, instead
            // of at the start of the recorded pass, where it tripled the JIT's work
            try (jdk.jfr.Recording first = new jdk.jfr.Recording()) {
                first.start();
            }
        }
        Path corpus = BenchCorpus.prepare(Path.of(System.getProperty("bench.corpus", "target/bench-corpus")),
                Path.of(System.getProperty("hoclieu.samples.dir", "../sample-resources")));
        List<Path> files = BenchCorpus.files(corpus);
        long bytes = BenchCorpus.bytes(files);
        System.out.printf("Corpus %s: %d files, %.1f MB (%s)%n", corpus, files.size(), bytes / MB, byExtension(files));

        Path warmUpCorpus = BenchCorpus.prepareWarmUp(Path.of(System.getProperty("bench.warmupCorpus",
                "target/bench-corpus-warmup")), 0);
        List<Path> warmUpFiles = BenchCorpus.files(warmUpCorpus);
        long warmUpBytes = BenchCorpus.bytes(warmUpFiles);
        System.out.printf("Warm-up corpus %s: %d other files of the same kinds, %.1f MB%n", warmUpCorpus,
                warmUpFiles.size(), warmUpBytes / MB);
        // more warm-up corpora, each with files of its own, read between the cold and the steady pass
        List<Path> corpora = new ArrayList<>(List.of(warmUpCorpus));
        for (int round = 1; round < WARM_UPS; round++) {
            corpora.add(BenchCorpus.prepareWarmUp(Path.of(warmUpCorpus + "-" + (round + 1)), round));
        }
        corpora.add(corpus);
        List<List<Path>> fileLists = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (Path c : corpora) {
            List<Path> f = c.equals(corpus) ? files : BenchCorpus.files(c);
            fileLists.add(f);
            sizes.add(BenchCorpus.bytes(f));
        }

        List<Result> baseline = baseline(fileLists, sizes);
        List<Result> indexOnly = baselineWithHoclieusIndex(fileLists, sizes);
        List<Result> reading = baselineWithHoclieusReading(fileLists, sizes);
        List<Result> hoclieu = hoclieu(corpora, sizes);
        int last = corpora.size() - 1;

        System.out.println();
        System.out.printf("Ingestion, %d cores, heap limit %.0f MB, OCR off. Cold: the warm-up corpus (%d files, "
                        + "%.1f MB) read first, by a fresh JVM and a fresh instance%s. Steady: then the measured corpus "
                        + "(%d other files, %.1f MB) by the same JVM and the same running instance.%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / MB, warmUpFiles.size(),
                warmUpBytes / MB, WARM_UPS == 1 ? "" : String.format(Locale.ROOT, ", then %d more warm-up corpora "
                        + "of as many other files", WARM_UPS - 1), files.size(), bytes / MB);
        System.out.println();
        System.out.println("| run | files | MB | wall s | files/s | MB/s | p50 ms | p95 ms | peak heap MB "
                + "| JVM RSS MB | extractor RSS MB | CPU s | files/s vs baseline |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        row(baseline.get(0), baseline.get(0), "");
        row(indexOnly.get(0), baseline.get(0), "");
        row(reading.get(0), baseline.get(0), "");
        row(hoclieu.get(0), baseline.get(0), "");
        row(baseline.get(last), baseline.get(last), "");
        row(indexOnly.get(last), baseline.get(last), "");
        row(reading.get(last), baseline.get(last), "");
        row(hoclieu.get(last), baseline.get(last), " (target ≥ 40%)");
        System.out.println();
        double steady = hoclieu.get(last).filesPerSecond() / baseline.get(last).filesPerSecond();
        System.out.printf(Locale.ROOT, "Steady state: Hoclieu reads %.2f× the files per second of the bare loop "
                + "(target ≥ 0.40): %s%n", steady, steady >= 0.4 ? "met" : "MISSED");
        System.out.printf(Locale.ROOT, "Steady state: the bare loop writing Hoclieu's index reads %.2f× the files per "
                + "second of the bare loop (no database, isolation, previews or waiting)%n",
                indexOnly.get(last).filesPerSecond() / baseline.get(last).filesPerSecond());
        System.out.printf(Locale.ROOT, "Steady state: the bare loop with Hoclieu's reading and index reads %.2f× the files "
                + "per second of the bare loop (no database, jobs or waiting)%n",
                reading.get(last).filesPerSecond() / baseline.get(last).filesPerSecond());
        System.out.println();
        for (Result r : List.of(baseline.get(0), indexOnly.get(0), reading.get(0), hoclieu.get(0), baseline.get(last),
                indexOnly.get(last), reading.get(last), hoclieu.get(last))) {
            System.out.println(r.name() + " — every file's outcome: " + r.statuses());
            r.problems().stream().limit(12).forEach(p -> System.out.println("    " + p));
            System.out.println("    CPU: " + r.cpuDetail());
        }
    }

    /** The cold pass, the extra warm-up passes and the steady one. */
    private static String passName(int pass, int passes) {
        return pass == 0 ? "cold" : pass == passes - 1 ? "steady" : "warm-up " + (pass + 1);
    }

    /** Where a bare loop puts what it read: the file's number, its title (or null) and its text. */
    private interface Sink {
        void add(long id, Path file, String title, String text) throws IOException;
    }

    /**
     * Tika and one shared IndexWriter, two threads taking files from one list: no database, no
     * isolation. One pass per corpus, in one JVM and into one index, each measured on its own.
     */
    private static List<Result> baseline(List<List<Path>> corpora, List<Long> sizes) throws Exception {
        Path indexDir = Files.createTempDirectory("hoclieu-bench-baseline-");
        List<Result> results = new ArrayList<>();
        try (Directory dir = FSDirectory.open(indexDir);
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            Sink sink = (id, file, title, text) -> {
                Document doc = new Document();
                doc.add(new StringField("id", file.getFileName().toString(), Field.Store.YES));
                doc.add(new TextField("title", title == null ? "" : title, Field.Store.YES));
                doc.add(new TextField("content", text, Field.Store.NO));
                writer.addDocument(doc);
            };
            for (int pass = 0; pass < corpora.size(); pass++) {
                results.add(baselinePass(sink, writer::commit, corpora.get(pass), sizes.get(pass), passName(pass, corpora.size()),
                        "baseline, Tika AutoDetectParser + Lucene IndexWriter, 2 threads"));
            }
        }
        BenchCorpus.deleteTree(indexDir);
        return results;
    }

    /**
     * The same loop writing Hoclieu's own index instead ({@link HoclieuIndexing}: the four analysed
     * forms of every text field, facets, the stored text), still without database, isolation,
     * previews or waiting: what the index Vietnamese search rests on costs by itself.
     */
    private static List<Result> baselineWithHoclieusIndex(List<List<Path>> corpora, List<Long> sizes)
            throws Exception {
        Path indexDir = Files.createTempDirectory("hoclieu-bench-baseline-index-");
        List<Result> results = new ArrayList<>();
        try (HoclieuIndexing index = new HoclieuIndexing(indexDir)) {
            Sink sink = (id, file, title, text) -> index.add(id,
                    title == null || title.isBlank() ? file.getFileName().toString() : title, text,
                    "application/octet-stream", EACH_SEARCHABLE);
            for (int pass = 0; pass < corpora.size(); pass++) {
                results.add(baselinePass(sink, index::commit, corpora.get(pass), sizes.get(pass), passName(pass, corpora.size()),
                        "bare loop with Hoclieu's index (four analysed forms), 2 threads"));
            }
        }
        BenchCorpus.deleteTree(indexDir);
        return results;
    }

    /**
     * The loop with Hoclieu's reading as well: each thread has a file read the way a worker has it
     * read ({@link HoclieuExtraction}: its extractor processes, legacy-Vietnamese repair, language,
     * preview and text fingerprint) and writes Hoclieu's index, still with no database, jobs or
     * waiting. What isolation and the Vietnamese index cost together, before any of the rest.
     */
    private static List<Result> baselineWithHoclieusReading(List<List<Path>> corpora, List<Long> sizes)
            throws Exception {
        Path indexDir = Files.createTempDirectory("hoclieu-bench-baseline-reading-");
        List<Result> results = new ArrayList<>();
        try (HoclieuIndexing index = new HoclieuIndexing(indexDir);
             HoclieuExtraction extraction = new HoclieuExtraction(THREADS, ISOLATION, EXTRACTOR_JVM)) {
            Reader reader = (id, file, problems) -> {
                HoclieuExtraction.Read read = extraction.read(file);
                HoclieuExtraction.fingerprint(read.text());
                if (!read.status().hasText()) {
                    problems.add(read.status() + " " + file.getFileName() + ": " + read.reason());
                }
                String title = read.title() == null || read.title().isBlank() ? file.getFileName().toString()
                        : read.title();
                String type = read.mediaType() == null ? "application/octet-stream" : read.mediaType();
                index.add(id, title, read.text(), type, EACH_SEARCHABLE);
                return read.status().name();
            };
            for (int pass = 0; pass < corpora.size(); pass++) {
                results.add(loopPass(() -> reader, index::commit, corpora.get(pass), sizes.get(pass),
                        passName(pass, corpora.size()), "bare loop with Hoclieu's reading ("
                                + (ISOLATION ? "isolation on" : "isolation off") + ") and index, 2 threads", true));
            }
        }
        BenchCorpus.deleteTree(indexDir);
        return results;
    }

    /** How one loop thread reads a file and indexes it; returns the file's status. */
    private interface Reader {
        String read(long id, Path file, List<String> problems) throws Exception;
    }

    /** What a loop does once its threads are done. */
    private interface Commit {
        void commit() throws IOException;
    }

    private static Result baselinePass(Sink sink, Commit commit, List<Path> files, long bytes, String pass,
                                       String name) throws Exception {
        return loopPass(() -> {
            AutoDetectParser parser = new AutoDetectParser();
            return (id, file, problems) -> parseAndIndex(parser, sink, id, file, problems);
        }, commit, files, bytes, pass, name, false);
    }

    /**
     * Two threads taking files from one list, each with its own {@link Reader}; {@code children}:
     * whether the loop's extractor processes are counted too.
     */
    private static Result loopPass(Supplier<Reader> readers, Commit commit, List<Path> files,
                                   long bytes, String pass, String name, boolean children) throws Exception {
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ResourceSampler sampler = new ResourceSampler(null, null);
        long firstId = NEXT_ID.getAndAdd(files.size());
        AtomicLong ids = new AtomicLong(firstId);
        sampler.restartClocks();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                Reader reader = readers.get();
                for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    String status;
                    try {
                        status = reader.read(ids.incrementAndGet(), files.get(i), problems);
                    } catch (Exception e) {
                        status = "FAILED";
                        problems.add("FAILED " + files.get(i).getFileName() + ": " + e);
                    }
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    synchronized (statuses) {
                        statuses.merge(status, 1, Integer::sum);
                    }
                }
            }, "baseline-" + (t + 1));
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        commit.commit();
        double wall = (System.nanoTime() - started) / 1e9;
        sampler.close();
        double busy = latencies.stream().mapToDouble(Double::doubleValue).sum() / 1e3 / (THREADS * wall);
        String extractors = !children || sampler.children() == 0 ? "" : String.format(Locale.ROOT,
                ", %.0f s in %d extractor processes (%s)", sampler.childCpuSeconds(), sampler.children(),
                cpu(sampler, false));
        String detail = String.format(Locale.ROOT, "%.0f s in the JVM (%s)%s; the two threads were reading files %.0f%% "
                + "of the wall time; %s", sampler.ownCpuSeconds(), cpu(sampler, true), extractors, 100 * busy,
                others(sampler, wall));
        double cpu = sampler.ownCpuSeconds() + (children ? sampler.childCpuSeconds() : 0);
        return new Result(pass + ": " + name, files.size(),
                bytes, wall,
                latencies, sampler.peakHeapMb(), ResourceSampler.ownPeakRssMb(), children ? sampler.maxChildRssMb() : 0,
                cpu, detail, statuses, problems);
    }

    private static String parseAndIndex(AutoDetectParser parser, Sink sink, long id, Path file,
                                        List<String> problems) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        BodyContentHandler text = new BodyContentHandler(WRITE_LIMIT);
        ParseContext context = new ParseContext();
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        String status = "OK";
        try (InputStream in = TikaInputStream.get(file)) {
            parser.parse(in, text, metadata, context);
        } catch (Exception e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                status = "TRUNCATED";
            } else {
                status = e instanceof EncryptedDocumentException ? "ENCRYPTED" : "FAILED";
                problems.add(status + " " + file.getFileName() + ": " + e);
                return status;
            }
        }
        try {
            sink.add(id, file, metadata.get(TikaCoreProperties.TITLE), text.toString());
        } catch (IOException e) {
            problems.add("INDEX FAILED " + file.getFileName() + ": " + e);
            return "INDEX FAILED";
        }
        return status;
    }

    /**
     * A real instance (fresh data folder, isolation on, two workers, OCR off, no web server: the
     * shell import's setup) imports each corpus folder in turn the way {@code hoclieu.jar import DIR}
     * does; a phase ends when its last job is finished, that is, when its file is searchable.
     */
    private static List<Result> hoclieu(List<Path> corpora, List<Long> sizes) throws Exception {
        Path data = Files.createTempDirectory("hoclieu-bench-data-");
        SpringApplication application = new SpringApplication(HoclieuApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        Instant appStart = Instant.now();
        List<String> arguments = new ArrayList<>(List.of("--hoclieu.data-dir=" + data,
                "--hoclieu.samples.import-on-start=false", "--hoclieu.ingest.workers=" + THREADS,
                "--hoclieu.ingest.isolation=" + ISOLATION, "--hoclieu.ingest.ocr=false",
                "--hoclieu.admin-password=bench-password", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--logging.level.org.flywaydb=ERROR"));
        if (EXTRACTOR_JVM != null) {
            arguments.add("--hoclieu.ingest.extractor-jvm-options=" + EXTRACTOR_JVM);
        }
        ConfigurableApplicationContext app = application.run(arguments.toArray(String[]::new));
        try {
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            System.out.printf("Hoclieu started in %.1f s%n", Duration.between(appStart, Instant.now()).toMillis() / 1e3);
            List<Result> results = new ArrayList<>();
            for (int pass = 0; pass < corpora.size(); pass++) {
                Path corpus = corpora.get(pass);
                results.add(hoclieuPass(app, corpus, sizes.get(pass),
                        passName(pass, corpora.size()), pass == corpora.size() - 1));
            }
            return results;
        } finally {
            app.close();
            BenchCorpus.deleteTree(data);
        }
    }

    /** One corpus imported into the running instance; {@code record}: the flight recording, if asked for, is of this pass. */
    private static Result hoclieuPass(ConfigurableApplicationContext app, Path corpus, long bytes,
                                      String pass, boolean record) throws Exception {
        IngestService ingest = app.getBean(IngestService.class);
        CatalogReads catalog = app.getBean(CatalogReads.class);
        ResourceSampler sampler = new ResourceSampler(
                t -> t.getName().startsWith("ingest-worker-") || t.getName().startsWith("ingest-recorder-")
                        || t.getName().equals("main"), IngestBenchmark::stage);
        Instant started = Instant.now();
        jdk.jfr.Recording recording = JFR.isEmpty() || !record ? null : new jdk.jfr.Recording();
        if (recording != null) {
            // CPU samples only: with the "profile" settings, the application JVM spent about seven
            // times as long in its JIT compilers during the steady pass, which the recording then measured
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.CompilerStatistics").withPeriod(Duration.ofSeconds(1));
            recording.setDestination(Path.of(JFR));
            recording.start();
        }
        sampler.restartClocks();
        ImportReport report = ingest.importFolder(corpus, null, BENCH);
        double storing = Duration.between(started, Instant.now()).toMillis() / 1e3;
        List<Long> resources = report.entries().stream().filter(e -> e.outcome() == ImportReport.Outcome.IMPORTED)
                .map(ImportReport.Entry::resourceId).toList();
        Instant deadline = Instant.now().plus(HOCLIEU_DEADLINE);
        while (ingest.unfinished() > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("jobs still unfinished after " + HOCLIEU_DEADLINE);
            }
            Thread.sleep(100);
        }
        List<JobView> jobs = ingest.jobsOf(resources);
        Instant lastFinished = jobs.stream().map(JobView::finishedAt).max(Instant::compareTo).orElse(started);
        double wall = Duration.between(started, lastFinished).toMillis() / 1e3;
        sampler.close();
        if (recording != null) {
            recording.stop();
            recording.close();
            System.out.println("Flight recording of Hoclieu's phase: " + JFR);
        }

        List<Double> latencies = jobs.stream()
                .map(j -> Duration.between(j.startedAt(), j.finishedAt()).toNanos() / 1e6).toList();
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        report.entries().stream().filter(e -> e.outcome() != ImportReport.Outcome.IMPORTED).forEach(e -> {
            statuses.merge("import " + e.outcome(), 1, Integer::sum);
            problems.add(e.outcome() + " " + e.file() + ": " + e.message());
        });
        Map<Long, ResourceView.FileView> byFile = new HashMap<>();
        int nearDuplicates = 0;
        for (long id : resources) {
            for (ResourceView.FileView f : catalog.find(id, BENCH).orElseThrow().files()) {
                byFile.put(f.id(), f);
                nearDuplicates += f.nearDuplicate() == null ? 0 : 1;
            }
        }
        for (JobView j : jobs) {
            ResourceView.FileView f = byFile.get(j.fileId());
            String status = j.status() + "/" + f.extraction().status();
            statuses.merge(status, 1, Integer::sum);
            if (!f.extraction().status().hasText()) {
                problems.add(status + " " + j.fileName() + ": " + f.extraction().reason());
            }
        }
        System.out.printf("Hoclieu: storing %d files (blob, database row and job per file) took %.1f s "
                        + "(%.0f files/s), while the workers were already reading; %d flagged as near-duplicates%n",
                resources.size(), storing, resources.size() / storing, nearDuplicates);
        double jvmCpu = sampler.ownCpuSeconds();
        String extractors = sampler.children() == 0 ? "no extractor processes" : String.format(Locale.ROOT,
                "%.0f s in %d extractor processes (%s; alive %s after the application's start)",
                sampler.childCpuSeconds(), sampler.children(), cpu(sampler, false), sampler.childLifetimes());
        String detail = String.format(Locale.ROOT, "%.0f s in the application JVM (%s), %s; %s", jvmCpu,
                cpu(sampler, true), extractors, others(sampler, wall));
        System.out.println("Pass " + pass + ":");
        printProfile(sampler.profile());
        return new Result(pass + ": Hoclieu, folder import, isolation " + (ISOLATION ? "on" : "off")
                + ", 2 workers", jobs.size(), bytes, wall, latencies, sampler.peakHeapMb(),
                ResourceSampler.ownPeakRssMb(), sampler.maxChildRssMb(), jvmCpu + sampler.childCpuSeconds(), detail,
                statuses, problems);
    }

    /** Class.method found in a stack → the stage it means; the first that matches wins, so the most specific come first. */
    private static final List<String[]> STAGES = """
            ExtractorPool.start                             extractor process: start a JVM
            ExtractorPool$Child.run                         extractor process: parse (worker waits)
            TikaExtractor.extract                           parse on a thread of the application (isolation off)
            Thumbnailer.render                              thumbnail (rendered in the app JVM)
            ReferenceManager.maybeRefreshBlocking           index: near-real-time reopen
            LuceneIndex.awaitSearchable                     index: wait until searchable
            LuceneIndex.upsert                              index: analyse and add document
            CatalogFeeds.snapshot                           index: read the resource and its text
            NearDuplicates.closest                          near-duplicate scan
            TextFingerprint.of                              text fingerprint
            LocalBlobStore.store                            blob store (write, fsync, rename)
            AbstractPlatformTransactionManager.commit       database: commit
            Semaphore.tryAcquire                            idle: no job queued
            IngestWorkers.awaitQuietly                      wait for its files' recordings
            """.lines().map(line -> line.split("\\.|\\s{2,}", 3)).toList();

    /**
     * What an ingest worker (or the importing thread) is doing, from its stack: the most specific
     * stage found anywhere in it wins (indexing runs inside a transaction's commit, for instance).
     */
    static String stage(Thread thread, StackTraceElement[] stack) {
        String group;
        if (thread.getName().startsWith("ingest-worker-")) {
            group = "worker";
        } else if (thread.getName().startsWith("ingest-recorder-")) {
            group = "recorder";
        } else if (contains(stack, "FolderImporter", "importFolder")) {
            group = "import";
        } else {
            return null;
        }
        for (String[] s : STAGES) {
            if (contains(stack, s[0], s[1])) {
                return group + ": " + s[2];
            }
        }
        for (StackTraceElement f : stack) {
            if (f.getClassName().startsWith("org.hibernate") || f.getClassName().startsWith("org.h2")) {
                return group + ": database: queries";
            }
        }
        for (StackTraceElement f : stack) {
            if (f.getClassName().startsWith("vn.hoclieu") && !f.getClassName().startsWith("vn.hoclieu.bench")) {
                return group + ": other (" + simpleName(f.getClassName()) + "." + f.getMethodName() + ")";
            }
        }
        return group + ": other";
    }

    /** A JVM's threads by what they do, from the first 15 characters of their names (as Linux keeps them). */
    static String threadKind(String name, boolean extractor) {
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            return "JIT compilers";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return "garbage collector";
        }
        if (extractor) {
            return name.equals("java") ? "parsing (main thread)" : null;
        }
        if (name.startsWith("tika-parse")) {
            return "parsing (isolation off)";
        }
        if (name.startsWith("ingest-worker") || name.startsWith("baseline-")) {
            return "workers";
        }
        if (name.startsWith("ingest-recorder")) {
            return "recorders";
        }
        if (name.startsWith("index-reopen")) {
            return "index reopens";
        }
        if (name.equals("java")) {
            return "import (main thread)";
        }
        if (name.startsWith("Lucene Merge")) {
            return "Lucene merges";
        }
        if (name.startsWith("thumbnail")) {
            return "thumbnails";
        }
        return name.equals("bench-sampler") ? "this benchmark's sampler" : null;
    }

    /** CPU seconds of a JVM's threads by kind, largest first; "other" covers threads that ended between samples. */
    private static String cpu(ResourceSampler sampler, boolean own) {
        Map<String, Double> seconds = sampler.cpuByThread(own, name -> threadKind(name, !own));
        double total = own ? sampler.ownCpuSeconds() : sampler.childCpuSeconds();
        seconds.merge("other", total - seconds.values().stream().mapToDouble(Double::doubleValue).sum(), Double::sum);
        StringBuilder b = new StringBuilder();
        seconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(e ->
                b.append(b.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                        .append(String.format(Locale.ROOT, "%.0f s", e.getValue())));
        return b.toString();
    }

    /** How busy the rest of the machine was: the figures of a shared machine mean less. */
    private static String others(ResourceSampler sampler, double wall) {
        return String.format(Locale.ROOT, "other programs on the machine used %.0f CPU s meanwhile (%.1f cores on average)",
                sampler.othersCpuSeconds(), sampler.othersCpuSeconds() / wall);
    }

    private static boolean contains(StackTraceElement[] stack, String simpleClass, String method) {
        for (StackTraceElement f : stack) {
            if (f.getMethodName().equals(method) && simpleName(f.getClassName()).equals(simpleClass)) {
                return true;
            }
        }
        return false;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static void printProfile(Map<String, Double> shares) {
        System.out.println();
        System.out.println("Where Hoclieu's threads spent their time (stack samples every 100 ms; % of the group's samples)");
        System.out.println();
        System.out.println("| thread | stage | % |");
        System.out.println("| --- | --- | --- |");
        Map<String, Double> small = new TreeMap<>();
        shares.forEach((stage, share) -> {
            String group = stage.substring(0, stage.indexOf(": "));
            if (share < 0.5) {
                small.merge(group, share, Double::sum);
            } else {
                System.out.printf(Locale.ROOT, "| %s | %s | %.1f |%n", group, stage.substring(group.length() + 2), share);
            }
        });
        small.forEach((group, share) -> System.out.printf(Locale.ROOT, "| %s | (smaller stages together) | %.1f |%n",
                group, share));
        System.out.println();
    }

    private static void row(Result r, Result baseline, String target) {
        List<Double> sorted = new ArrayList<>(r.latenciesMs());
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.2f | %.0f | %.0f | %.0f | %.0f | %s | %.0f | %s |%n",
                r.name(), r.files(), r.bytes() / MB, r.wallSeconds(), r.filesPerSecond(), r.mbPerSecond(),
                percentile(sorted, 0.50), percentile(sorted, 0.95), r.peakHeapMb(), r.jvmRssMb(),
                r.extractorRssMb() == 0 ? "–" : String.format(Locale.ROOT, "%.0f (max of one)", r.extractorRssMb()),
                r.cpuSeconds(), r == baseline ? "100%" : String.format(Locale.ROOT, "%.0f%%%s",
                        100 * r.filesPerSecond() / baseline.filesPerSecond(), target));
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static String byExtension(List<Path> files) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            counts.merge(name.substring(name.lastIndexOf('.') + 1), 1, Integer::sum);
        }
        return counts.toString();
    }

    /** Before Spring configures logging, parsers would log at DEBUG: warnings only. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
