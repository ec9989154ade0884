package vn.hoclieu.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hoclieu.SmallFiles;

/**
 * The soak run: a real server ({@code java -Xmx1g -jar target/hoclieu.jar}, loopback only) under
 * mixed searches from 20 clients and uploads from 2 for 10 minutes, sampling throughput, errors,
 * the heap after a full GC and the process's RSS over time, and judging whether memory stays flat
 * (the slope of a least-squares line through heap-after-GC after the warm-up).
 *
 * <p>{@code ./mvnw -B -q -DskipTests package exec:exec@soak [-Dsoak.minutes=2] [-Dsoak.searchers=20]
 * [-Dsoak.uploaders=2] [-Dsoak.samples=20] [-Dsoak.upload-pause-ms=1000]}. Exit code 0 when there was
 * no error and the heap stayed flat, 1 otherwise. Not a test: it is bounded by its duration, not by
 * an assertion, and prints its table for docs/performance.md.
 */
public final class SoakRun {

    private static final String PASSWORD = "soak-password-1";
    private static final List<String> QUERIES = List.of("học tập", "hoc tap suot doi", "kỹ năng sống", "ky nang",
            "thư viện cộng đồng", "thu vien", "giáo án", "giao an doc", "tài liệu", "lớp học", "bài học",
            "\"học tập suốt đời\"", "trang", "sach", "tuần lễ học tập");
    private static final List<String> TYPES = List.of("BOOK", "WORKSHEET", "ARTICLE", "LECTURE");

    private final String base;
    /** HTTP Basic until a personal API token is made; then that token, as API clients use it. */
    private volatile String auth;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Words of acknowledged uploads, with when they were acknowledged (nanoTime). */
    private final List<Map.Entry<String, Long>> words = new CopyOnWriteArrayList<>();
    private final AtomicLong searches = new AtomicLong();
    private final AtomicLong uploads = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong notFound = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    private final Path gcLog;

    private SoakRun(String base, Path gcLog) {
        this.base = base;
        this.gcLog = gcLog;
        this.auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    record Sample(double minutes, long searches, double searchesPerSecond, long p95Ms, long uploads,
                  double uploadsPerSecond, long errors, double heapAfterGcMb, double rssMb) {
    }

    public static void main(String[] args) throws Exception {
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "10"));
        int searchers = Integer.getInteger("soak.searchers", 20);
        int uploaders = Integer.getInteger("soak.uploaders", 2);
        int samples = Integer.getInteger("soak.samples", 20);
        long uploadPause = Long.getLong("soak.upload-pause-ms", 1000);
        Path jar = Path.of(System.getProperty("soak.jar", "../target/hoclieu.jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("No " + jar + ": run ./mvnw -B -q -DskipTests package, then ./mvnw -B -q -pl app exec:exec@soak");
            System.exit(2);
        }
        Path data = Path.of("target", "soak", "data-" + System.currentTimeMillis()).toAbsolutePath();
        Files.createDirectories(data);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = data.resolve("server.log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Xlog:gc:file=" + data.resolve("gc.log"), "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8", "-jar", jar.toString(),
                "--server.port=" + port, "--server.address=127.0.0.1", "--hoclieu.data-dir=" + data,
                "--hoclieu.samples.import-on-start=false", "--hoclieu.admin-password=" + PASSWORD,
                "--logging.level.root=WARN", "--management.endpoints.web.exposure.include=health,info,metrics")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit;
        try {
            SoakRun soak = new SoakRun("http://127.0.0.1:" + port, data.resolve("gc.log"));
            soak.awaitHealthy(server, log);
            soak.useToken();
            exit = soak.run(server, minutes, searchers, uploaders, samples, uploadPause);
        } finally {
            server.destroy();
            server.waitFor();
        }
        System.exit(exit);
    }

    private int run(Process server, double minutes, int searchers, int uploaders, int samples, long uploadPause)
            throws Exception {
        System.out.printf(Locale.ROOT, "Soak: %.1f min, %d search clients, %d upload clients (pause %d ms), server "
                + "java -Xmx1g -jar target/hoclieu.jar on loopback, %d cores%n", minutes, searchers, uploaders,
                uploadPause, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < 40; i++) {
            upload(i); // something to find from the first search on
        }
        searches.set(0);
        uploads.set(0);
        errors.set(0);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < searchers; i++) {
            boolean anonymous = i % 2 == 0; // half the clients are students who did not sign in
            threads.add(started(new Thread(() -> searchLoop(anonymous), "search-" + i)));
        }
        for (int i = 0; i < uploaders; i++) {
            int first = 1_000_000 * (i + 1);
            threads.add(started(new Thread(() -> uploadLoop(first, uploadPause), "upload-" + i)));
        }
        List<Sample> table = new ArrayList<>();
        long start = System.nanoTime();
        long every = (long) (minutes * 60e9 / samples);
        long lastSearches = 0;
        long lastUploads = 0;
        long lastAt = start;
        System.out.println("| minute | searches | searches/s | p95 ms | uploads | uploads/s | errors (total) | heap after GC MB | RSS MB |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        Map<String, long[]> warmHistogram = null;
        for (int n = 1; n <= samples; n++) {
            long wake = start + n * every;
            while (System.nanoTime() < wake) {
                Thread.sleep(Math.max(1, Math.min(1000, (wake - System.nanoTime()) / 1_000_000)));
            }
            long now = System.nanoTime();
            long s = searches.get();
            long u = uploads.get();
            List<Long> lat = drain();
            double seconds = (now - lastAt) / 1e9;
            Sample sample = new Sample((now - start) / 60e9, s - lastSearches, (s - lastSearches) / seconds, p95(lat),
                    u - lastUploads, (u - lastUploads) / seconds, errors.get(), heapAfterGc(server), rss(server));
            table.add(sample);
            System.out.printf(Locale.ROOT, "| %.1f | %d | %.1f | %d | %d | %.2f | %d | %.0f | %.0f |%n", sample.minutes(),
                    sample.searches(), sample.searchesPerSecond(), sample.p95Ms(), sample.uploads(),
                    sample.uploadsPerSecond(), sample.errors(), sample.heapAfterGcMb(), sample.rssMb());
            lastSearches = s;
            lastUploads = u;
            lastAt = now;
            if (n == Math.max(1, samples / 4)) {
                warmHistogram = histogram(server); // after the warm-up, the heap's live objects by class
            }
        }
        Map<String, long[]> endHistogram = histogram(server);
        running = false;
        for (Thread t : threads) {
            t.join(30_000);
        }
        printGrowth(warmHistogram, endHistogram);
        return verdict(table, minutes);
    }

    private static Thread started(Thread t) {
        t.start();
        return t;
    }

    private int verdict(List<Sample> table, double minutes) throws Exception {
        long totalSearches = table.stream().mapToLong(Sample::searches).sum();
        long totalUploads = table.stream().mapToLong(Sample::uploads).sum();
        System.out.printf(Locale.ROOT, "Total: %d searches (%.1f/s), %d uploads (%.2f/s), %d errors, %d searches for a "
                + "word uploaded more than 5 s before that found nothing%n", totalSearches, totalSearches / (minutes * 60), totalUploads,
                totalUploads / (minutes * 60), errors.get(), notFound.get());
        errorKinds.forEach((k, v) -> System.out.println("  error: " + k + " × " + v.get()));
        HttpResponse<String> failed = get("/api/v1/ingest/jobs?status=FAILED&limit=1000");
        System.out.println("Ingest jobs FAILED at the end: " + (failed.statusCode() == 200
                ? Pattern.compile("\"id\"").matcher(failed.body()).results().count() : "HTTP " + failed.statusCode()));
        // the first quarter is the warm-up (classes loaded, caches and the index filling)
        List<Sample> steady = table.subList(Math.max(1, table.size() / 4), table.size()).stream()
                .filter(x -> !Double.isNaN(x.heapAfterGcMb())).toList();
        if (steady.size() < 2) {
            System.out.println("Verdict: too few heap samples to judge (see the server's gc.log)");
            return 1;
        }
        double heapSlope = slope(steady, Sample::heapAfterGcMb);
        double rssSlope = slope(steady, Sample::rssMb);
        double meanHeap = steady.stream().mapToDouble(Sample::heapAfterGcMb).average().orElse(0);
        double window = steady.get(steady.size() - 1).minutes() - steady.get(0).minutes();
        double growth = heapSlope * window;
        boolean flat = growth < Math.max(16, 0.05 * meanHeap);
        System.out.printf(Locale.ROOT, "Heap after GC: slope %+.2f MB/min over the last %.1f min (%+.1f MB; mean %.0f MB)"
                + " → %s; RSS slope %+.2f MB/min%n", heapSlope, window, growth, meanHeap,
                flat ? "FLAT" : "GROWING", rssSlope);
        System.out.println("Verdict: " + (errors.get() == 0 ? "no errors" : errors.get() + " errors") + ", heap "
                + (flat ? "flat" : "growing"));
        return errors.get() == 0 && flat ? 0 : 1;
    }

    /** Least-squares slope of y against minutes. */
    static double slope(List<Sample> samples, ToDoubleFunction<Sample> y) {
        double n = samples.size();
        double mx = samples.stream().mapToDouble(Sample::minutes).average().orElse(0);
        double my = samples.stream().mapToDouble(y).average().orElse(0);
        double num = 0;
        double den = 0;
        for (Sample s : samples) {
            num += (s.minutes() - mx) * (y.applyAsDouble(s) - my);
            den += (s.minutes() - mx) * (s.minutes() - mx);
        }
        return n < 2 || den == 0 ? 0 : num / den;
    }

    private void searchLoop(boolean anonymous) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running) {
            int kind = random.nextInt(100);
            String path;
            String expectWord = null;
            if (kind < 40) {
                path = "/api/v1/search?q=" + enc(QUERIES.get(random.nextInt(QUERIES.size())));
            } else if (kind < 65 && !words.isEmpty()) {
                Map.Entry<String, Long> w = words.get(random.nextInt(words.size()));
                // the index promises a change within seconds, not at once: only older words must be found
                expectWord = System.nanoTime() - w.getValue() > 5e9 ? w.getKey() : null;
                path = "/api/v1/search?q=" + w.getKey();
            } else if (kind < 80) {
                String q = QUERIES.get(random.nextInt(QUERIES.size()));
                path = "/api/v1/suggest?q=" + enc(q.substring(0, Math.min(q.length(), 2 + random.nextInt(5))));
            } else if (kind < 95) {
                path = "/api/v1/search?q=" + enc(QUERIES.get(random.nextInt(QUERIES.size()))) + "&materialType="
                        + TYPES.get(random.nextInt(TYPES.size())) + "&sort=" + (random.nextBoolean() ? "newest" : "title");
            } else {
                path = "/api/v1/search?q=&page=1&size=20";
            }
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = get(path, anonymous);
                latencies.add((System.nanoTime() - t0) / 1_000_000);
                if (r.statusCode() != 200) {
                    error("search HTTP " + r.statusCode());
                } else {
                    searches.incrementAndGet();
                    if (expectWord != null && r.body().contains("\"total\":0")) {
                        notFound.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                error("search " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void uploadLoop(int first, long pause) {
        for (int n = first; running; n++) {
            try {
                upload(n);
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void upload(int n) throws InterruptedException {
        String word = "soak" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Map.Entry<String, byte[]> file = SmallFiles.mixed(n, word);
        String boundary = "----soak" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getKey()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"title\":\"Tài liệu " + word + "\"}\r\n--" + boundary
                + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.getValue().length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file.getValue(), 0, body, head.length, file.getValue().length);
        System.arraycopy(tail, 0, body, head.length + file.getValue().length, tail.length);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/resources"))
                .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 201) {
                uploads.incrementAndGet();
                words.add(Map.entry(word, System.nanoTime()));
            } else {
                error("upload HTTP " + r.statusCode());
            }
        } catch (IOException e) {
            error("upload " + e.getClass().getSimpleName());
        }
    }

    private void error(String kind) {
        if (running) {
            errors.incrementAndGet();
            errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, false);
    }

    private HttpResponse<String> get(String path, boolean anonymous) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1));
        if (!anonymous) {
            request.header("Authorization", auth);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Heap in use right after a full collection asked of the server ({@code jcmd PID GC.run}), in MB, as
     * the server's own GC log states it ({@code Pause Full (Diagnostic Command) 879M->351M(1024M)}): read from
     * outside, the heap would already hold what 20 clients allocated since.
     */
    private double heapAfterGc(Process server) throws Exception {
        Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(server.pid()), "GC.run").redirectErrorStream(true).redirectOutput(
                ProcessBuilder.Redirect.DISCARD).start();
        gc.waitFor();
        // jcmd's collection is logged as "Diagnostic Command"; System.gc() as "System.gc()"
        Pattern full = Pattern.compile("Pause Full \\((?:Diagnostic Command|System.gc\\(\\))\\) \\d+M->(\\d+)M");
        double last = Double.NaN;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = full.matcher(line);
            if (m.find()) {
                last = Double.parseDouble(m.group(1));
            }
        }
        return last;
    }

    /**
     * The live objects of the server's heap by class ({@code jcmd PID GC.class_histogram}, which collects
     * first): class name → {instances, bytes}.
     */
    private static Map<String, long[]> histogram(Process server) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(server.pid()), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Map<String, long[]> classes = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)").matcher(out);
        while (m.find()) {
            classes.put(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
        return classes;
    }

    /** The classes whose live bytes grew most between the two histograms: where a leak would show. */
    private static void printGrowth(Map<String, long[]> warm, Map<String, long[]> end) {
        if (warm == null || warm.isEmpty() || end.isEmpty()) {
            System.out.println("Heap histograms: not available");
            return;
        }
        long warmTotal = warm.values().stream().mapToLong(v -> v[1]).sum();
        long endTotal = end.values().stream().mapToLong(v -> v[1]).sum();
        System.out.printf(Locale.ROOT, "Live heap by class (GC.class_histogram): %.1f MB after the warm-up, %.1f MB at "
                + "the end (%+.1f MB). Largest changes:%n", warmTotal / 1048576.0, endTotal / 1048576.0,
                (endTotal - warmTotal) / 1048576.0);
        System.out.println("| class | instances after warm-up | at the end | MB after warm-up | at the end | change MB |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        Set<String> names = new HashSet<>(warm.keySet());
        names.addAll(end.keySet());
        names.stream().sorted(Comparator.comparingLong((String c) -> -Math.abs(
                end.getOrDefault(c, new long[2])[1] - warm.getOrDefault(c, new long[2])[1]))).limit(12).forEach(c -> {
                    long[] a = warm.getOrDefault(c, new long[2]);
                    long[] b = end.getOrDefault(c, new long[2]);
                    System.out.printf(Locale.ROOT, "| `%s` | %d | %d | %.2f | %.2f | %+.2f |%n", c, a[0], b[0],
                            a[1] / 1048576.0, b[1] / 1048576.0, (b[1] - a[1]) / 1048576.0);
                });
    }

    private static double rss(Process server) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(server.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private List<Long> drain() {
        List<Long> out = new ArrayList<>();
        for (Long l; (l = latencies.poll()) != null; ) {
            out.add(l);
        }
        return out;
    }

    private static long p95(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        Collections.sort(values);
        return values.get((int) Math.min(values.size() - 1, Math.ceil(values.size() * 0.95) - 1));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Trades the password for a personal API token, as scripts are told to: HTTP Basic runs Argon2
     * (19 MiB, ~0.1 s of a core) on every request, which is what sign-in costs, not what a search should.
     */
    private void useToken() throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/account/tokens"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"soak\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("could not make an API token: HTTP " + r.statusCode() + " " + r.body());
        }
        auth = "Bearer " + m.group(1);
    }

    private void awaitHealthy(Process server, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped; see " + log);
            }
            try {
                if (get("/actuator/health").body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not become healthy; see " + log);
    }
}
