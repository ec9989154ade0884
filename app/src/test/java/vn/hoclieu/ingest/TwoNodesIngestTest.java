package vn.hoclieu.ingest;

import vn.hoclieu.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import vn.hoclieu.Http;
import vn.hoclieu.Instance;
import vn.hoclieu.Postgres;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/**
 * Two real application processes share one PostgreSQL schema and one blob folder (each keeps its
 * own data folder and Lucene index) and read one bulk import of 100 PDFs: every job ends DONE
 * after exactly one claim, both nodes did part of the work, every file has its text, and each
 * node's index finds all 100 (it follows the other's changes through the catalogue). Then one
 * node is killed with SIGKILL while it holds jobs: the other reclaims them when their lease runs
 * out and finishes them, so nothing is lost. Runs in the PostgreSQL run of the build only.
 */
@Tag(TestGroups.PROCESS)
@Tag(TestGroups.POSTGRES)
class TwoNodesIngestTest {

    private static final String PASSWORD = "two-nodes-password";
    private static final int FILES = 100;
    private static final String SCHEMA = "hoclieu_it_" + ProcessHandle.current().pid() + "_nodes";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // the nodes' logs stay when it fails
    Path dir;

    @BeforeAll
    static void onPostgres() {
        Assumptions.assumeTrue(Postgres.active(), "needs PostgreSQL: runs in the build's postgres execution");
        Postgres.assumeReachable();
    }

    @Test
    void twoNodesReadOneImportOnceEachAndReclaimTheJobsOfANodeThatDied() throws Exception {
        String jdbcUrl = Postgres.freshSchema(SCHEMA);
        Path blobs = Files.createDirectories(dir.resolve("shared-blobs"));
        List<String> settings = new ArrayList<>(List.of(Postgres.instanceSettings(jdbcUrl)));
        settings.addAll(List.of("--hoclieu.admin-password=" + PASSWORD, "--hoclieu.storage.dir=" + blobs,
                "--hoclieu.ingest.workers=2", "--hoclieu.ingest.isolation=false", "--hoclieu.ingest.ocr=false",
                // short leases, so that the dead node's jobs come back within seconds — yet long enough
                // that a pause of a loaded CI machine does not pass a live node's job to the other
                "--hoclieu.ingest.lease=10s", "--logging.level.vn.hoclieu.ingest=INFO",
                // each node's embedded index follows what the other changed
                "--hoclieu.search.follow-interval=1s"));
        String admin = Http.basic("admin", PASSWORD);
        byte[] pdf = Files.readAllBytes(TestFiles.sample("hoc-tap-suot-doi.pdf"));

        // one after the other: the first migrates the schema and creates the administrator
        Instance a = Instance.start(Files.createDirectories(dir.resolve("node-a")), settings.toArray(String[]::new));
        try {
            try (Instance b = Instance.start(Files.createDirectories(dir.resolve("node-b")),
                    settings.toArray(String[]::new))) {
                Http.Response accepted = Http.upload(a.url("/api/v1/imports"), admin,
                        Map.of("hai-nut.zip", PdfImports.zipOfPdfs(pdf, FILES, "hai")), null);
                assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
                long importId = accepted.json().get("id").asLong();
                PdfImports.awaitJobsFinished(jdbcUrl, FILES, Duration.ofMinutes(8));

                try (Connection c = Postgres.connect(jdbcUrl); Statement s = c.createStatement()) {
                    assertThat(PdfImports.longOf(s, "select count(*) from ingest_job")).isEqualTo(FILES);
                    assertThat(PdfImports.longOf(s, "select count(*) from ingest_job where status = 'DONE'"))
                            .as("jobs done").isEqualTo(FILES);
                    assertThat(PdfImports.longOf(s, "select count(*) from ingest_job where attempts <> 1"))
                            .as("jobs claimed other than once").isZero();
                    assertThat(PdfImports.longOf(s, "select count(distinct claimed_node) from ingest_job"))
                            .as("nodes that read files").isEqualTo(2);
                    assertThat(PdfImports.longOf(s, "select count(*) from resource_file where extraction_status = 'OK'"
                            + " and text_sha256 is not null")).as("files read with their text").isEqualTo(FILES);
                    assertThat(PdfImports.longOf(s, "select count(distinct sha256) from resource_file")).isEqualTo(FILES);
                }
                // each node read only part of the files, yet each one's own index finds the text of all
                for (Instance node : List.of(a, b)) {
                    awaitTotal(node, "hoc+tap+suot+doi", FILES);
                }
                var status = Http.get(b.url("/api/v1/imports/" + importId), "Authorization", admin).json();
                assertThat(status.get("done").asInt()).as("the import, as the other node sees it").isEqualTo(FILES);
                assertThat(status.get("pending").asInt()).isZero();

                // node A dies while it holds jobs
                Http.Response second = Http.upload(b.url("/api/v1/imports"), admin,
                        Map.of("sau.zip", PdfImports.zipOfPdfs(pdf, 20, "sau")), null);
                assertThat(second.status()).as(second.body()).isEqualTo(202);
                awaitRunningOn(jdbcUrl, "node-a");
                a.kill();
                // what it held when it died (read before the 10 s lease can run out)
                List<Long> heldByA = runningOn(jdbcUrl, "node-a");
                assertThat(heldByA).as("jobs the dead node held").isNotEmpty();
                PdfImports.awaitJobsFinished(jdbcUrl, FILES + 20, Duration.ofMinutes(8));
                try (Connection c = Postgres.connect(jdbcUrl); Statement s = c.createStatement()) {
                    assertThat(PdfImports.longOf(s, "select count(*) from ingest_job where status = 'DONE'")).isEqualTo(FILES + 20);
                    for (long id : heldByA) {
                        assertThat(PdfImports.longOf(s, "select attempts from ingest_job where id = " + id))
                                .as("claims of job " + id + ", which the dead node held").isEqualTo(2);
                        assertThat(stringOf(s, "select claimed_node from ingest_job where id = " + id))
                                .endsWith("node-b");
                    }
                    assertThat(PdfImports.longOf(s, "select count(*) from resource_file where extraction_status = 'OK'"))
                            .isEqualTo(FILES + 20);
                }
            }
        } finally {
            a.kill();
        }
    }

    private static void awaitTotal(Instance node, String q, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        long total;
        while ((total = Http.get(node.url("/api/v1/search?q=" + q)).json().get("total").asLong()) != expected) {
            assertThat(Instant.now()).as("hits for " + q + " on " + node.url("") + ": " + total).isBefore(deadline);
            Thread.sleep(250);
        }
    }

    /** Waits until the node whose data folder ends with {@code node} is running jobs. */
    private static void awaitRunningOn(String jdbcUrl, String node) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (runningOn(jdbcUrl, node).isEmpty()) {
            assertThat(Instant.now()).as(node + " claimed a job").isBefore(deadline);
            Thread.sleep(10);
        }
    }

    private static List<Long> runningOn(String jdbcUrl, String node) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = Postgres.connect(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id from ingest_job where status = 'RUNNING'"
                     + " and claimed_node like '%" + node + "'")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static String stringOf(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
