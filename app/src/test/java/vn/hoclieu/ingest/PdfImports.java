package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.hoclieu.Postgres;

/** Bulk imports of many real PDFs and the job table they fill, for the tests and benchmarks of several nodes. */
public final class PdfImports {

    private PdfImports() {
    }

    /** {@code n} distinct copies of a real PDF (a trailing comment makes each unique), zipped. */
    public static byte[] zipOfPdfs(byte[] pdf, int n, String prefix) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < n; i++) {
                zip.putNextEntry(new ZipEntry(prefix + "-" + i + ".pdf"));
                zip.write(pdf);
                zip.write(("\n% " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Waits until the schema of {@code jdbcUrl} holds {@code expected} jobs and none is queued or running. */
    public static void awaitJobsFinished(String jdbcUrl, int expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try (Connection c = Postgres.connect(jdbcUrl); Statement s = c.createStatement()) {
                if (longOf(s, "select count(*) from ingest_job") == expected
                        && longOf(s, "select count(*) from ingest_job where status in ('QUEUED', 'RUNNING')") == 0) {
                    return;
                }
            }
            assertThat(Instant.now()).as("every job finished").isBefore(deadline);
            Thread.sleep(250);
        }
    }

    public static long longOf(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
