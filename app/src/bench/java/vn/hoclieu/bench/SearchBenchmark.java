package vn.hoclieu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.solr.client.solrj.SolrClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hoclieu.HoclieuApplication;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.storage.BlobStore;

/**
 * Search latency and throughput at scale: a catalogue of 100,000
 * generated resources ({@link SearchCorpus}) is seeded into the database and blob store as the
 * application keeps them, indexed by the shell {@code reindex} (its rate is reported), and then
 * searched through {@code GET /api/v1/search} by 1, 4 and 16 concurrent loopback clients — a real
 * server in a JVM of its own with {@code -Xmx1g}, its peak heap read from {@code /actuator/metrics}
 * — beside a bare Lucene {@link IndexSearcher} with {@link StandardAnalyzer} over the same documents,
 * in this JVM, given the same queries' words by the same number of threads (the floor), and beside
 * two engines that build the same results page: stock Lucene ({@link StockLucenePage}, in this JVM)
 * and one Solr node with Hoclieu's configset ({@link SolrPage}, over HTTP). Bounded: a fixed time
 * per level (docs/performance.md says how long the whole run takes).
 *
 * <pre>./mvnw -B -q test-compile exec:exec@search-bench</pre>
 *
 * <p>Options: {@code -Dbench.resources=N} (default 100000), {@code -Dbench.seconds=S} per level
 * (default 20), {@code -Dbench.warmup=S} before the first level of each engine (default 90), {@code -Dbench.data=DIR} (default {@code target/search-bench}; a catalogue seeded
 * there with the same size is reused), {@code -Dbench.reindex=false} (search the index the last run
 * built instead of rebuilding it: to compare a change of the search path before and after),
 * {@code -Dbench.clients=1,4} (the levels), {@code -Dbench.baseline=false} (no bare or stock Lucene levels),
 * {@code -Dbench.solr=false} (no Solr levels),
 * {@code -Dbench.serverJvm="…"} (more options for the server's JVM, e.g. a JFR recording),
 * {@code -Dbench.heapEveryMs=N} (how often the server's heap is read, default 1000). Each level also
 * reports the searching process's CPU time per request.
 */
public final class SearchBenchmark {

    private static final int RESOURCES = Integer.getInteger("bench.resources", 100_000);
    private static final Duration LEVEL = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    /**
     * Before the first level, each engine is searched this long by 4 clients (its levels are not counted).
     * A fresh server's JIT compilers are still busy long after its first 20 s: with a 20 s warm-up, a JFR
     * recording showed 41 s of compilation during the 40 s of the 4-client level that followed, on 2
     * cores, and that level's CPU per request fell from 24 to 15 ms once the warm-up lasted 90 s. The
     * bare Lucene baseline gets the same warm-up.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 90));
    /**
     * After {@link #WARM_UP}, the warm-up goes on in rounds of {@link #WARM_UP_ROUND} until the engine's JIT
     * compiler threads used less than {@link #JIT_SETTLED} of one core over a round, or until this much
     * warm-up in all. On a slower machine 90 s were not enough: the server's C2 thread was still compiling
     * through most of the levels that followed (JFR), and those levels measured the compiler.
     */
    private static final Duration WARM_UP_MAX = Duration.ofSeconds(Integer.getInteger("bench.warmupMax", 600));
    private static final Duration WARM_UP_ROUND = Duration.ofSeconds(15);
    private static final double JIT_SETTLED = 0.05;
    /** The exact-total baseline runs in the JVM the bare levels warmed up: a shorter first round. */
    private static final Duration EXACT_WARM_UP = Duration.ofSeconds(20);
    /** false: search the index an earlier run built over the same catalogue (to compare a change of the search path). */
    private static final boolean REINDEX = Boolean.parseBoolean(System.getProperty("bench.reindex", "true"));
    private static final int[] CLIENTS = Arrays.stream(System.getProperty("bench.clients", "1,4,16").split(","))
            .map(String::strip).filter(c -> !c.isEmpty()).mapToInt(Integer::parseInt).toArray();
    /** false: leave out the bare Lucene levels (a quick look at the server's CPU per request while changing it). */
    private static final boolean BASELINE = Boolean.parseBoolean(System.getProperty("bench.baseline", "true"));
    /** false: leave out the Solr levels (they need {@code solr-plugin} packaged: docs/performance.md). */
    private static final boolean SOLR = Boolean.parseBoolean(System.getProperty("bench.solr", "true"));
    /** More options for the server's JVM, blank-separated (e.g. a JFR recording). */
    private static final String SERVER_JVM = System.getProperty("bench.serverJvm", "").strip();
    /**
     * How often the server's heap is read. Each read is an authenticated request, and verifying the
     * administrator's password (Argon2) costs the server tens of CPU milliseconds: read every 250 ms,
     * it took about a seventh of the server's CPU samples (JFR), beside the searches being measured.
     */
    private static final long HEAP_EVERY_MS = Long.getLong("bench.heapEveryMs", 1000);
    private static final int QUERIES = 500;
    private static final int BATCH = 500;
    private static final String PASSWORD = "bench-password";
    private static final double MB = 1_048_576.0;

    /** One engine at one concurrency. */
    private record Level(String engine, int clients, int requests, int errors, double seconds, List<Double> ms,
                         double cpuSeconds, double jitSeconds) {
        double perSecond() {
            return requests / seconds;
        }

        double percentile(double p) {
            return ms.isEmpty() ? Double.NaN : ms.get(Math.min(ms.size() - 1, (int) Math.floor(ms.size() * p)));
        }
    }

    /** What one client thread does once: one search. */
    @FunctionalInterface
    private interface Search {
        boolean run(SearchCorpus.Query query) throws Exception;
    }

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Instant began = Instant.now();
        Path data = Path.of(System.getProperty("bench.data", "target/search-bench")).toAbsolutePath();
        String corpus = seedOnce(data);
        System.out.println(corpus);

        String reindex = REINDEX || !Files.exists(data.resolve("reindex-summary.txt")) ? reindex(data)
                : Files.readString(data.resolve("reindex-summary.txt")).strip() + " (an earlier run's; its index reused)";
        System.out.println(reindex);
        Path baselineIndex = data.resolve("baseline-index");
        String baselineBuild = baselineIndex(baselineIndex);
        System.out.println(baselineBuild);
        Path stockIndex = data.resolve(StockLucenePage.FOLDING ? "stock-page-index" : "stock-page-index-standard");
        String stockBuild = BASELINE ? StockLucenePage.build(stockIndex, RESOURCES) : null;
        if (stockBuild != null) {
            System.out.println(stockBuild);
        }

        List<SearchCorpus.Query> queries = SearchCorpus.queries(QUERIES);
        List<Level> hoclieu = new ArrayList<>();
        double peakHeap;
        double heapMax;
        int port = freePort();
        Path log = data.resolve("server.log");
        List<String> serverJvm = new ArrayList<>(List.of("-Xmx1g"));
        if (!SERVER_JVM.isEmpty()) {
            serverJvm.addAll(List.of(SERVER_JVM.split("\\s+")));
        }
        String serverWarmUp;
        // a few queries' totals and facet counts, per engine, to set side by side
        Map<SearchCorpus.Query, Map<String, SamePage.Answer>> checks = new LinkedHashMap<>();
        Process server = java(log, serverJvm, "vn.hoclieu.HoclieuApplication", "--server.port=" + port,
                "--server.address=127.0.0.1", "--hoclieu.data-dir=" + data, "--hoclieu.samples.import-on-start=false",
                "--hoclieu.admin-password=" + PASSWORD, "--logging.level.root=WARN",
                "--management.endpoints.web.exposure.include=health,info,metrics");
        try {
            String base = "http://127.0.0.1:" + port;
            Instant started = Instant.now();
            awaitHealthy(server, base, log);
            System.out.printf("Server healthy after %.1f s%n", Duration.between(started, Instant.now()).toMillis() / 1e3);
            HeapWatch heap = new HeapWatch(base);
            Search http = httpSearch(base);
            ProcessHandle serverProcess = server.toHandle();
            for (SearchCorpus.Query q : SamePage.checked(queries)) {
                checks.computeIfAbsent(q, k -> new LinkedHashMap<>()).put("Hoclieu", apiAnswer(base, q));
            }
            serverWarmUp = warmUp(queries, () -> http, serverProcess);
            for (int clients : CLIENTS) {
                hoclieu.add(run("Hoclieu GET /api/v1/search", clients, LEVEL, queries, () -> httpSearch(base),
                        serverProcess));
            }
            heap.close();
            peakHeap = heap.peak / MB;
            heapMax = heap.max / MB;
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }

        List<Level> solr = new ArrayList<>();
        String solrWarmUp = "";
        String solrSetUp = null;
        if (SOLR) {
            List<SolrClient> clients = new ArrayList<>();
            try (SolrPage page = SolrPage.start(data, PASSWORD)) {
                solrSetUp = page.summary();
                System.out.println(solrSetUp);
                try (SolrClient client = page.newClient()) {
                    for (Map.Entry<SearchCorpus.Query, Map<String, SamePage.Answer>> check : checks.entrySet()) {
                        check.getValue().put("Solr", SolrPage.search(client, check.getKey()));
                    }
                }
                Supplier<Search> perClient = () -> {
                    SolrClient client = page.newClient();
                    clients.add(client);
                    return q -> SolrPage.search(client, q).total() >= 0;
                };
                solrWarmUp = warmUp(queries, perClient, page.process());
                for (int c : CLIENTS) {
                    solr.add(run("Solr, same page", c, LEVEL, queries, perClient, page.process()));
                }
            } finally {
                for (SolrClient client : clients) {
                    client.close();
                }
            }
        }

        List<Level> lucene = new ArrayList<>();
        List<Level> luceneExact = new ArrayList<>();
        String luceneWarmUp = "";
        String luceneExactWarmUp = "";
        List<Level> stock = new ArrayList<>();
        String stockWarmUp = "";
        if (BASELINE) {
            try (FSDirectory dir = FSDirectory.open(baselineIndex); DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                ProcessHandle self = ProcessHandle.current();
                luceneWarmUp = warmUp(queries, () -> luceneSearch(searcher), self);
                for (int clients : CLIENTS) {
                    lucene.add(run("bare Lucene IndexSearcher", clients, LEVEL, queries, () -> luceneSearch(searcher),
                            self));
                }
                // the same, plus an exact count of every match (Hoclieu's total and facets need every match)
                luceneExactWarmUp = warmUp(queries, () -> luceneSearch(searcher, true), self, EXACT_WARM_UP);
                for (int clients : CLIENTS) {
                    luceneExact.add(run("bare Lucene, exact total", clients, LEVEL, queries,
                            () -> luceneSearch(searcher, true), self));
                }
            }
            try (FSDirectory dir = FSDirectory.open(stockIndex); DirectoryReader reader = DirectoryReader.open(dir)) {
                StockLucenePage page = new StockLucenePage(new IndexSearcher(reader));
                ProcessHandle self = ProcessHandle.current();
                for (Map.Entry<SearchCorpus.Query, Map<String, SamePage.Answer>> check : checks.entrySet()) {
                    check.getValue().put("stock Lucene", page.search(check.getKey()));
                }
                // a code path of its own (facets, drill-sideways, highlighting): the whole warm-up again
                Search same = q -> page.search(q).total() >= 0;
                stockWarmUp = warmUp(queries, () -> same, self);
                for (int clients : CLIENTS) {
                    stock.add(run("stock Lucene, same page", clients, LEVEL, queries, () -> same, self));
                }
            }
        }

        System.out.println();
        System.out.printf("Search over %,d resources, %d cores, %d distinct queries, %d s per level after each engine's "
                + "warm-up (at least %d s, then until its JIT compilers use under %.0f%% of a core, at most %d s)%n",
                RESOURCES, Runtime.getRuntime().availableProcessors(), QUERIES, LEVEL.toSeconds(), WARM_UP.toSeconds(),
                100 * JIT_SETTLED, WARM_UP_MAX.toSeconds());
        System.out.println("Warm-up: Hoclieu " + serverWarmUp + (BASELINE ? "; bare Lucene " + luceneWarmUp
                + "; bare Lucene with an exact total (same JVM, after the bare levels) " + luceneExactWarmUp
                + "; stock Lucene, same page (same JVM, after those) " + stockWarmUp : "")
                + (SOLR ? "; Solr " + solrWarmUp : ""));
        System.out.println();
        System.out.println("| engine | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | CPU ms/req "
                + "| of which JIT | req/s vs bare Lucene | req/s vs same page |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (int i = 0; i < CLIENTS.length; i++) {
            row(hoclieu.get(i), BASELINE ? lucene.get(i) : null, BASELINE ? stock.get(i) : null);
        }
        for (Level l : lucene) {
            row(l, l, null);
        }
        for (int i = 0; i < luceneExact.size(); i++) {
            row(luceneExact.get(i), lucene.get(i), null);
        }
        for (int i = 0; i < stock.size(); i++) {
            row(stock.get(i), lucene.get(i), stock.get(i));
        }
        for (int i = 0; i < solr.size(); i++) {
            row(solr.get(i), BASELINE ? lucene.get(i) : null, BASELINE ? stock.get(i) : null);
        }
        System.out.println();
        System.out.println("CPU ms/req: CPU time of the searching process (Hoclieu: the server's JVM; Solr: the node's "
                + "JVM, its embedded ZooKeeper included; bare and stock Lucene: the benchmark's, clients included) over "
                + "the level, per request; of which JIT: its JIT compiler threads'");
        System.out.println();
        System.out.printf("Server heap: peak %.0f MB in use of %.0f MB (-Xmx1g), sampled every %d ms%n", peakHeap, heapMax,
                HEAP_EVERY_MS);
        System.out.println(corpus);
        System.out.println(reindex);
        System.out.println(baselineBuild);
        Stream.of(stockBuild, solrSetUp).filter(line -> line != null).forEach(System.out::println);
        if (BASELINE || SOLR) {
            System.out.println();
            System.out.println("The same page from each engine (total; each facet's values: count per engine, in the "
                    + "engines' order; – where an engine shows none):");
            checks.forEach((q, answers) -> System.out.print("  " + SamePage.compare(q, answers)));
        }
        System.out.printf("Whole benchmark: %.1f min%n", Duration.between(began, Instant.now()).toSeconds() / 60.0);
    }

    private static void row(Level l, Level lucene, Level samePage) {
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %s |%n",
                l.engine(), l.clients(), l.requests(), l.errors(), l.perSecond(), l.percentile(0.50),
                l.percentile(0.95), l.percentile(0.99), 1000 * l.cpuSeconds() / Math.max(1, l.requests()),
                1000 * l.jitSeconds() / Math.max(1, l.requests()),
                lucene == null ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * l.perSecond() / lucene.perSecond()),
                samePage == null ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * l.perSecond() / samePage.perSecond()));
    }

    // --- the catalogue --------------------------------------------------------------------------------

    /**
     * Resources, their files and the extracted text as the application stores them — a row per
     * resource, a row per file (a text file, extraction {@code OK}), the text in the blob store under
     * its SHA-256 — inserted in JDBC batches instead of uploaded and extracted one by one (which would
     * take hours). The blobs are written without the fsync an upload pays. Once per data folder.
     */
    private static String seedOnce(Path data) throws Exception {
        Path marker = data.resolve("seeded-" + RESOURCES + ".txt");
        if (Files.exists(marker)) {
            return Files.readString(marker).strip() + " (seeded earlier, reused)";
        }
        if (Files.exists(data)) {
            try (Stream<Path> walk = Files.walk(data)) {
                for (Path p : walk.sorted(Collections.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(data);
        Instant started = Instant.now();
        SpringApplication application = new SpringApplication(HoclieuApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        AtomicLong chars = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        List<Integer> words = Collections.synchronizedList(new ArrayList<>());
        try (ConfigurableApplicationContext app = application.run("--hoclieu.data-dir=" + data,
                "--hoclieu.samples.import-on-start=false", "--hoclieu.search.reconcile-on-start=false",
                "--hoclieu.admin-password=" + PASSWORD, "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--logging.level.org.flywaydb=ERROR")) {
            LibraryService libraries = app.getBean(LibraryService.class);
            long[] libraryIds = new long[SearchCorpus.LIBRARIES.length];
            for (int i = 0; i < libraryIds.length; i++) {
                String code = SearchCorpus.LIBRARIES[i];
                libraryIds[i] = libraries.byCode(code)
                        .orElseGet(() -> libraries.register(code, "Thư viện " + code, SearchCorpus.libraryType(code),
                                "Hà Nội", null)).id();
            }
            DataSource db = app.getBean(DataSource.class);
            BlobStore blobs = app.getBean(BlobStore.class);
            AtomicInteger next = new AtomicInteger(1);
            AtomicInteger done = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 2; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        seed(db, blobs, libraryIds, next, done, chars, bytes, words);
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }, "seed-" + t);
                thread.start();
                threads.add(thread);
            }
            while (threads.stream().anyMatch(Thread::isAlive)) {
                threads.get(0).join(10_000);
                System.out.printf("  seeded %,d/%,d resources%n", done.get(), RESOURCES);
            }
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
            try (Connection c = db.getConnection(); var s = c.createStatement()) {
                s.execute("alter table resource alter column id restart with " + (RESOURCES + 1));
                s.execute("alter table resource_file alter column id restart with " + (RESOURCES + 1));
            }
        }
        List<Integer> sorted = new ArrayList<>(words);
        Collections.sort(sorted);
        String summary = String.format(Locale.ROOT, "Corpus: %,d resources (%,d Vietnamese, %,d English), full texts of "
                        + "%d–%d words (median %d, p95 %d), %.0f M characters, %.0f MB of UTF-8; seeded in %.0f s",
                RESOURCES, RESOURCES - RESOURCES / 7, RESOURCES / 7, sorted.get(0), sorted.get(sorted.size() - 1),
                sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.95)), chars.get() / 1e6,
                bytes.get() / MB, Duration.between(started, Instant.now()).toMillis() / 1e3);
        Files.writeString(marker, summary);
        return summary;
    }

    private static int libraryIndex(String code) {
        return Arrays.asList(SearchCorpus.LIBRARIES).indexOf(code);
    }

    private static void seed(DataSource db, BlobStore blobs, long[] libraryIds, AtomicInteger next, AtomicInteger done,
                             AtomicLong chars, AtomicLong bytes, List<Integer> words) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Connection c = db.getConnection();
             PreparedStatement resource = c.prepareStatement("insert into resource (id, title, creators, description, "
                     + "subjects, language, audience, material_type, licence, library_id, visibility, status, created_by, "
                     + "created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PUBLIC', 'PUBLISHED', "
                     + "'bench', ?, ?, 0)");
             PreparedStatement file = c.prepareStatement("insert into resource_file (id, resource_id, position, name, "
                     + "media_type, size, sha256, extraction_status, extracted_language, ocr, text_sha256, text_length, "
                     + "extracted_at) values (?, ?, 0, ?, 'text/plain', ?, ?, 'OK', ?, false, ?, ?, ?)")) {
            c.setAutoCommit(false);
            int inBatch = 0;
            for (int n = next.getAndIncrement(); n <= RESOURCES; n = next.getAndIncrement()) {
                SearchCorpus.Doc d = SearchCorpus.doc(n);
                byte[] text = d.text().getBytes(StandardCharsets.UTF_8);
                String address = HexFormat.of().formatHex(sha.digest(text));
                Path blob = blobs.localPath(address);
                Files.createDirectories(blob.getParent());
                Files.write(blob, text);
                chars.addAndGet(d.text().length());
                bytes.addAndGet(text.length);
                words.add(d.text().split("\\s+").length);
                OffsetDateTime created = OffsetDateTime.ofInstant(d.createdAt(), ZoneOffset.UTC);
                resource.setLong(1, n);
                resource.setString(2, d.title());
                resource.setString(3, d.creator());
                resource.setString(4, d.description());
                resource.setString(5, String.join("\n", d.subjects()));
                resource.setString(6, d.language());
                resource.setString(7, d.audience());
                resource.setString(8, d.materialType());
                resource.setString(9, d.licence());
                resource.setLong(10, libraryIds[libraryIndex(d.library())]);
                resource.setObject(11, created);
                resource.setObject(12, created);
                resource.addBatch();
                file.setLong(1, n);
                file.setLong(2, n);
                file.setString(3, "tai-lieu-" + n + ".txt");
                file.setLong(4, text.length);
                file.setString(5, address);
                file.setString(6, d.language());
                file.setString(7, address);
                file.setLong(8, d.text().length());
                file.setObject(9, created);
                file.addBatch();
                if (++inBatch == BATCH) {
                    resource.executeBatch();
                    file.executeBatch();
                    c.commit();
                    done.addAndGet(inBatch);
                    inBatch = 0;
                }
            }
            resource.executeBatch();
            file.executeBatch();
            c.commit();
            done.addAndGet(inBatch);
        }
    }

    // --- the indexes ----------------------------------------------------------------------------------

    /** {@code hoclieu.jar reindex} in a JVM of its own with -Xmx1g: the documents ResourceIndexer makes. */
    private static String reindex(Path data) throws Exception {
        Path log = data.resolve("reindex.log");
        Instant started = Instant.now();
        Process p = java(log, List.of("-Xmx1g"), "vn.hoclieu.HoclieuApplication", "reindex", "--hoclieu.data-dir=" + data);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("reindex failed: " + Files.readString(log));
        }
        double wall = Duration.between(started, Instant.now()).toMillis() / 1e3;
        Matcher m = Pattern.compile("Reindexed (\\d+) resources in ([\\d.]+) s \\((\\d+) resources/s\\)")
                .matcher(Files.readString(log));
        if (!m.find()) {
            throw new IllegalStateException("no summary in " + Files.readString(log));
        }
        Path index = data.resolve(Files.readString(data.resolve("index.current")).strip());
        String summary = String.format(Locale.ROOT, "Reindex (hoclieu.jar reindex, -Xmx1g, 2 threads): %s resources "
                        + "in %s s, %s resources/s (%.0f s with the JVM's start); index %.0f MB",
                m.group(1), m.group(2), m.group(3), wall, size(index) / MB);
        Files.writeString(data.resolve("reindex-summary.txt"), summary);
        return summary;
    }

    /** The same documents, StandardAnalyzer, title/description/text as plain text fields; built once per data folder. */
    private static String baselineIndex(Path dir) throws Exception {
        // "merged": since a rebuild of Hoclieu's index ends in one segment, the baseline's does too
        Path marker = dir.resolveSibling("baseline-merged-" + RESOURCES + ".txt");
        if (Files.exists(marker) && Files.isDirectory(dir)) {
            return Files.readString(marker).strip() + " (built earlier, reused)";
        }
        Instant started = Instant.now();
        writeMerged(dir, new StandardAnalyzer(), RESOURCES, d -> {
            Document doc = new Document();
            doc.add(new StoredField("id", d.number()));
            doc.add(new TextField("title", d.title(), Field.Store.YES));
            doc.add(new TextField("description", d.description(), Field.Store.NO));
            doc.add(new TextField("text", d.text(), Field.Store.NO));
            return doc;
        });
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1e3;
        String summary = String.format(Locale.ROOT, "Baseline index (StandardAnalyzer, 2 threads, text generated "
                + "in memory, merged into one segment): %,d documents in %.0f s, %.0f documents/s; index %.0f MB",
                RESOURCES, seconds, RESOURCES / seconds, size(dir) / MB);
        Files.writeString(marker, summary);
        return summary;
    }

    /** What a corpus resource becomes in an index of the benchmark's own. */
    @FunctionalInterface
    interface DocumentMaker {
        Document of(SearchCorpus.Doc d) throws IOException;
    }

    /**
     * A new index in {@code dir} of resources 1 to {@code resources}, made by two threads from the
     * texts generated in memory, merged into one segment (a rebuild of Hoclieu's index ends so too).
     */
    static void writeMerged(Path dir, Analyzer analyzer, int resources, DocumentMaker maker) throws Exception {
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64))) {
            AtomicInteger next = new AtomicInteger(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        for (int n = next.getAndIncrement(); n <= resources; n = next.getAndIncrement()) {
                            writer.addDocument(maker.of(SearchCorpus.doc(n)));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, "index-" + t);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            writer.forceMerge(1);
            writer.commit();
        }
    }

    // --- the load -------------------------------------------------------------------------------------

    private static Level run(String engine, int clients, Duration duration, List<SearchCorpus.Query> queries,
                             Supplier<Search> perClient, ProcessHandle searching)
            throws InterruptedException {
        double cpuBefore = cpuSeconds(searching);
        double jitBefore = jitSeconds(searching);
        List<List<Double>> latencies = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            List<Double> mine = new ArrayList<>();
            latencies.add(mine);
            Search search = perClient.get();
            int offset = c * (queries.size() / clients);
            Thread thread = new Thread(() -> {
                for (int i = offset; System.nanoTime() < deadline; i++) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = search.run(queries.get(i % queries.size()));
                    } catch (Exception e) {
                        ok = false;
                    }
                    mine.add((System.nanoTime() - t0) / 1e6);
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                }
            }, "client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = cpuSeconds(searching) - cpuBefore;
        double jit = jitSeconds(searching) - jitBefore;
        List<Double> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        Level level = new Level(engine, clients, all.size(), errors.get(), seconds, all, cpu, jit);
        System.out.printf(Locale.ROOT, "  %s, %d clients: %d requests, %.1f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, "
                        + "%.1f CPU ms/request (JIT %.1f), %d errors%n", engine, clients, level.requests(),
                level.perSecond(), level.percentile(0.5), level.percentile(0.95), level.percentile(0.99),
                1000 * cpu / Math.max(1, level.requests()), 1000 * jit / Math.max(1, level.requests()), level.errors());
        return level;
    }

    /**
     * 4 clients for {@link #WARM_UP}, then rounds of {@link #WARM_UP_ROUND} until a round in which the JIT
     * compiler threads used under {@link #JIT_SETTLED} of a core (or {@link #WARM_UP_MAX} in all): levels
     * measure the engine, not its compiler. Says how long it took and what the JIT used in the last round.
     */
    private static String warmUp(List<SearchCorpus.Query> queries, Supplier<Search> perClient,
                                 ProcessHandle searching) throws InterruptedException {
        return warmUp(queries, perClient, searching, WARM_UP);
    }

    private static String warmUp(List<SearchCorpus.Query> queries, Supplier<Search> perClient,
                                 ProcessHandle searching, Duration first) throws InterruptedException {
        long started = System.nanoTime();
        Level last = run("warm-up", 4, first, queries, perClient, searching);
        // without /proc the JIT's time is unknown (NaN): the minimum warm-up only
        while (!Double.isNaN(last.jitSeconds()) && last.jitSeconds() >= JIT_SETTLED * last.seconds()
                && System.nanoTime() - started + WARM_UP_ROUND.toNanos() <= WARM_UP_MAX.toNanos()) {
            last = run("warm-up", 4, WARM_UP_ROUND, queries, perClient, searching);
        }
        return String.format(Locale.ROOT, "%.0f s, JIT %.0f%% of a core in its last %.0f s", (System.nanoTime() - started)
                / 1e9, 100 * last.jitSeconds() / last.seconds(), last.seconds());
    }

    private static Search httpSearch(String base) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return query -> {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/search?"
                    + query.params())).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return r.statusCode() == 200 && r.body().contains("\"hits\"");
        };
    }

    /** Hoclieu's answer to one query, for the side-by-side check. */
    private static SamePage.Answer apiAnswer(String base, SearchCorpus.Query query) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/search?" + query.params())).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/search?" + query.params() + ": " + r.statusCode() + " " + r.body());
        }
        return SamePage.Answer.ofApi(r.body());
    }

    /** The query's words (filters and sort left out), parsed as a plain query parser would, AND between words. */
    private static Search luceneSearch(IndexSearcher searcher) {
        return luceneSearch(searcher, false);
    }

    /**
     * @param exactTotal also count every match exactly ({@link IndexSearcher#count}, beside the top 10 found
     *                   with Lucene's skipping): what a total that is never "about" costs at the bare level
     */
    private static Search luceneSearch(IndexSearcher searcher, boolean exactTotal) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {"title", "description", "text"},
                new StandardAnalyzer(), Map.of("title", 2f, "description", 1f, "text", 1f));
        parser.setDefaultOperator(QueryParser.Operator.AND);
        return query -> {
            Query q = parser.parse(QueryParser.escape(query.q()).replace("\\\"", "\""));
            TopDocs top = searcher.search(q, 10);
            if (exactTotal && searcher.count(q) < top.scoreDocs.length) {
                return false;
            }
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                stored.document(sd.doc);
            }
            return true;
        };
    }

    // --- plumbing -------------------------------------------------------------------------------------

    /** The server's heap in use, from its metrics endpoint, every {@link #HEAP_EVERY_MS} ms; the peak is kept. */
    private static final class HeapWatch implements AutoCloseable {
        private final Thread thread;
        private volatile boolean running = true;
        volatile double peak;
        volatile double max;

        HeapWatch(String base) {
            HttpClient client = HttpClient.newHttpClient();
            String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            Pattern value = Pattern.compile("\"value\"\\s*:\\s*([0-9.E+]+)");
            thread = new Thread(() -> {
                // HTTP Basic costs the server an Argon2 hash (~0.1 s of a core) per request: a personal API token,
                // as scripts are told to use, keeps the watch's own cost out of the CPU measured per search
                String auth = basic;
                try {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/account/tokens"))
                            .header("Authorization", basic).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"search-bench\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
                    if (r.statusCode() == 201 && m.find()) {
                        auth = "Bearer " + m.group(1);
                    }
                } catch (Exception e) {
                    // the watch reads with the password then
                }
                while (running) {
                    try {
                        peak = Math.max(peak, read(client, auth, value, base + "/actuator/metrics/jvm.memory.used?tag=area:heap"));
                        if (max == 0) {
                            max = read(client, auth, value, base + "/actuator/metrics/jvm.memory.max?tag=area:heap");
                        }
                        Thread.sleep(HEAP_EVERY_MS);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // a sample missed
                    }
                }
            }, "heap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        private static double read(HttpClient client, String auth, Pattern value, String url) throws Exception {
            String body = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = value.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException(body);
            }
            return Double.parseDouble(m.group(1));
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(1_000);
        }
    }

    /** {@code java <jvm option> -cp <this class path> <main> args…}, its output in {@code log}. */
    static Process java(Path log, List<String> jvmOptions, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-cp",
                System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitHealthy(Process server, String base, Path log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server ended: " + Files.readString(log));
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server did not become healthy: " + Files.readString(log));
    }

    /** CPU seconds a process has used so far (user and system, all its threads). */
    private static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /**
     * CPU seconds of the process's JIT compiler threads so far ({@code C1/C2 CompilerThread*}, from
     * {@code /proc}); NaN where there is no {@code /proc} (the warm-up then lasts {@link #WARM_UP}).
     */
    private static double jitSeconds(ProcessHandle process) {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        if (!Files.isDirectory(tasks)) {
            return Double.NaN;
        }
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path t : threads.toList()) {
                try {
                    String name = Files.readString(t.resolve("comm")).strip();
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        String stat = Files.readString(t.resolve("stat"));
                        // after the name in parentheses: state, then fields 4..; utime and stime are fields 14 and 15
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / (double) CLOCK_TICKS;
    }

    /** Linux's clock ticks per second for {@code /proc/.../stat} times ({@code getconf CLK_TCK}; 100 almost everywhere). */
    private static final long CLOCK_TICKS = clockTicks();

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
