package vn.hoclieu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.hoclieu.Http;
import vn.hoclieu.Instance;
import vn.hoclieu.Postgres;
import vn.hoclieu.ingest.PdfImports;

/**
 * Ingest throughput with one and with two application nodes on one PostgreSQL database and one
 * blob folder (issue 7): a fresh schema each time, one ZIP bulk import of {@code bench.files} distinct
 * real PDFs (default 200) posted to the first node, timed from the POST until every job is finished.
 * Each node: 2 workers, parsing in its own JVM (isolation off), OCR off, {@code -Xmx512m}. Prints a table.
 *
 * <pre>./mvnw -B -q test-compile exec:exec@scale-bench</pre>
 */
public final class ScaleOutBenchmark {

    private static final String PASSWORD = "scale-bench-password";

    public static void main(String[] args) throws Exception {
        int files = Integer.getInteger("bench.files", 200);
        byte[] pdf = Files.readAllBytes(Path.of("sample-resources/hoc-tap-suot-doi.pdf"));
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
                rows.add(String.format("| %d | %d | %d | %d | %.1f | %.2f |", nodes, nodes * 2, files, ok, seconds,
                        files / seconds));
                System.out.println(rows.get(rows.size() - 1) + "   (claims: " + claims + ")");
            } finally {
                for (Instance i : running) {
                    i.close();
                }
            }
        }
        System.out.println();
        System.out.println("| app nodes | workers in all | files | read OK | seconds (POST to last job done) | files/s |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
    }
}
