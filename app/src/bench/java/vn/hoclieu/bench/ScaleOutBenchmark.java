package vn.hoclieu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import vn.hoclieu.Http;
import vn.hoclieu.Instance;
import vn.hoclieu.Postgres;
import vn.hoclieu.ingest.PdfImports;

/**
 * Ingest and search throughput with one and with two application nodes on one PostgreSQL database
 * and one blob folder: a fresh schema each time, one ZIP bulk import of {@code bench.files}
 * distinct real PDFs (default 200) posted to the first node, timed from the POST until every job is
 * finished. Each node: 2 workers, parsing in its own JVM (isolation off), OCR off, {@code -Xmx512m}.
 * Then, once every node's embedded index (following the shared database) finds every file,
 * {@code bench.clients} loopback clients (default 8) search for {@code bench.search-seconds} (default 20):
 * all against the one node, or split evenly over the two. Prints a table.
 *
 * <pre>./mvnw -B -q test-compile exec:exec@scale-bench</pre>
 */
public final class ScaleOutBenchmark {

    private static final String PASSWORD = "scale-bench-password";

    public static void main(String[] args) throws Exception {
        int files = Integer.getInteger("bench.files", 200);
        int clients = Integer.getInteger("bench.clients", 8);
        int searchSeconds = Integer.getInteger("bench.search-seconds", 20);
        byte[] pdf = Files.readAllBytes(Path.of(System.getProperty("hoclieu.samples.dir", "../sample-resources"), "hoc-tap-suot-doi.pdf"));
        byte[] zip = PdfImports.zipOfPdfs(pdf, files, "bench");
        List<String> rows = new ArrayList<>();
        for (int nodes = 1; nodes <= 2; nodes++) {
            Path dir = Files.createTempDirectory("hoclieu-scale-");
            String jdbcUrl = Postgres.freshSchema("hoclieu_it_" + ProcessHandle.current().pid() + "_bench" + nodes);
            List<String> settings = new ArrayList<>(List.of(Postgres.instanceSettings(jdbcUrl)));
            settings.addAll(List.of("--hoclieu.admin-password=" + PASSWORD,
                    "--hoclieu.storage.dir=" + Files.createDirectories(dir.resolve("blobs")),
                    "--hoclieu.ingest.workers=2", "--hoclieu.ingest.isolation=false", "--hoclieu.ingest.ocr=false",
                    "--hoclieu.search.follow-interval=2s"));
            List<Instance> running = new ArrayList<>();
            try {
                for (int n = 0; n < nodes; n++) {
                    running.add(Instance.start(Files.createDirectories(dir.resolve("node-" + n)),
                            settings.toArray(String[]::new)));
                }
                long start = System.nanoTime();
                Http.Response accepted = Http.upload(running.get(0).url("/api/v1/imports"),
                        Http.basic("admin", PASSWORD), Map.of("bench.zip", zip), null);
                if (accepted.status() != 202) {
                    throw new IllegalStateException(accepted.status() + " " + accepted.body());
                }
                PdfImports.awaitJobsFinished(jdbcUrl, files, Duration.ofMinutes(20));
                double seconds = (System.nanoTime() - start) / 1e9;
                long ok;
                long claims;
                try (Connection c = Postgres.connect(jdbcUrl); Statement s = c.createStatement()) {
                    ok = PdfImports.longOf(s, "select count(*) from resource_file where extraction_status = 'OK'");
                    claims = PdfImports.longOf(s, "select sum(attempts) from ingest_job");
                }
                for (Instance node : running) {
                    awaitIndexed(node, files);
                }
                Searches searches = search(running, clients, Duration.ofSeconds(searchSeconds));
                rows.add(String.format("| %d | %d | %d | %d | %.1f | %.2f | %d | %d | %.1f | %.0f | %.0f |", nodes,
                        nodes * 2, files, ok, seconds, files / seconds, clients, searches.count(),
                        searches.perSecond(), searches.p50(), searches.p95()));
                System.out.println(rows.get(rows.size() - 1) + "   (claims: " + claims + ")");
            } finally {
                for (Instance i : running) {
                    i.close();
                }
            }
        }
        System.out.println();
        System.out.println("| app nodes | workers in all | files | read OK | seconds (POST to last job done) | files/s"
                + " | search clients | searches | searches/s | p50 ms | p95 ms |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
    }

    /** The queries the clients take in turn: words of the imported PDF, exact and without diacritics, and a miss. */
    private static final List<String> QUERIES = List.of("hoc tap suot doi", "học tập suốt đời", "hoc tap",
            "suốt đời", "\"học tập\"", "giao duc", "cộng đồng", "thu vien so", "zzqxv");

    private record Searches(int count, double perSecond, double p50, double p95) {
    }

    /** {@code clients} threads, client i on node i mod nodes, each searching as fast as it is answered. */
    private static Searches search(List<Instance> nodes, int clients, Duration length) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<String> failure = new AtomicReference<>();
        long end = System.nanoTime() + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Instance node = nodes.get(c % nodes.size());
            int first = c;
            Thread t = new Thread(() -> {
                for (int i = first; System.nanoTime() < end && failure.get() == null; i++) {
                    long t0 = System.nanoTime();
                    Http.Response r = Http.get(node.url("/api/v1/search?q=" + Http.q(QUERIES.get(i % QUERIES.size()))));
                    if (r.status() != 200) {
                        failure.set(r.status() + " " + r.body());
                    }
                    latencies.add(System.nanoTime() - t0);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a search failed: " + failure.get());
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double seconds = length.toNanos() / 1e9;
        return new Searches(sorted.size(), sorted.size() / seconds, percentile(sorted, 0.50), percentile(sorted, 0.95));
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }

    /** Waits until the node's own index finds every imported file (the other node's through the change feed). */
    private static void awaitIndexed(Instance node, int files) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (Http.get(node.url("/api/v1/search?q=hoc+tap+suot+doi")).json().get("total").asLong() != files) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(node.url("") + " does not find all " + files + " files");
            }
            Thread.sleep(250);
        }
    }
}
