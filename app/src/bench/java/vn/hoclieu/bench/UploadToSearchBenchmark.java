package vn.hoclieu.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hoclieu.HoclieuApplication;
import vn.hoclieu.Http;
import vn.hoclieu.ingest.IngestService;

/**
 * How long from an upload's {@code 201} until its words are found (target: under 5 s for a small
 * file), beside the baseline of a search for words already in the index, in one run of a real
 * instance on loopback. Bounded: a fixed number of requests, then it stops.
 *
 * <pre>./mvnw -B -q test-compile exec:java</pre>
 */
public final class UploadToSearchBenchmark {

    private static final int SEARCHES = 300;
    private static final int UPLOADS = 40;
    private static final int BURST = 20;

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("hoclieu-bench-");
        ConfigurableApplicationContext app = SpringApplication.run(HoclieuApplication.class,
                "--server.port=0", "--hoclieu.data-dir=" + data, "--hoclieu.admin-password=bench-password",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            IngestService ingest = app.getBean(IngestService.class);
            waitUntil(() -> ingest.unfinished() == 0, 300_000);
            String admin = Http.basic("admin", "bench-password");

            List<Double> baseline = new ArrayList<>();
            String[] queries = {"hoc tap suot doi", "học tập suốt đời", "thu vien", "ky nang", "tim kiem an toan"};
            for (int i = 0; i < SEARCHES + 30; i++) {
                long t = System.nanoTime();
                Http.get(base + "/api/v1/search?q=" + Http.q(queries[i % queries.length]));
                if (i >= 30) {
                    baseline.add(ms(t));
                }
            }

            List<Double> acknowledged = new ArrayList<>();
            List<Double> searchable = new ArrayList<>();
            for (int i = 0; i < UPLOADS; i++) {
                String word = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
                long t0 = System.nanoTime();
                Http.Response r = Http.upload(base + "/api/v1/resources", admin, Map.of("bai-" + i + ".txt",
                        ("Bài đọc ngắn số " + i + " về thói quen đọc sách. " + word).getBytes(StandardCharsets.UTF_8)),
                        null);
                if (r.status() != 201) {
                    throw new IllegalStateException("upload failed: " + r.status() + " " + r.body());
                }
                acknowledged.add(ms(t0));
                long t1 = System.nanoTime();
                waitUntil(() -> Http.get(base + "/api/v1/search?q=" + word).json().get("total").asLong() == 1, 60_000);
                searchable.add(ms(t1));
            }

            List<String> words = new ArrayList<>();
            long burstStart = System.nanoTime();
            for (int i = 0; i < BURST; i++) {
                String word = "burst" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
                words.add(word);
                Http.upload(base + "/api/v1/resources", admin, Map.of("loat-" + i + ".txt",
                        ("Tài liệu loạt " + i + " " + word).getBytes(StandardCharsets.UTF_8)), null);
            }
            waitUntil(() -> words.stream().allMatch(w ->
                    Http.get(base + "/api/v1/search?q=" + w).json().get("total").asLong() == 1), 120_000);
            double burst = ms(burstStart);

            System.out.println();
            System.out.println("Hoclieu upload → searchable, one instance on loopback ("
                    + Runtime.getRuntime().availableProcessors() + " cores, embedded H2 + Lucene)");
            System.out.println();
            System.out.println("| measure | n | p50 ms | p95 ms | max ms |");
            System.out.println("| --- | --- | --- | --- | --- |");
            row("baseline: search for words already indexed", baseline);
            row("upload of a small text file, until 201", acknowledged);
            row("after 201, until its words are found (target < 5000)", searchable);
            System.out.printf("| %d uploads in a row, until all are found | %d | %.0f total | | |%n", BURST, BURST, burst);
        } finally {
            app.close();
        }
    }

    private static void row(String name, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf("| %s | %d | %.1f | %.1f | %.1f |%n", name, sorted.size(), sorted.get(sorted.size() / 2),
                sorted.get((int) Math.floor(sorted.size() * 0.95)), sorted.get(sorted.size() - 1));
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static void waitUntil(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(10);
        }
    }
}
