package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoclieu.Messages.english;
import static vn.hoclieu.Messages.vietnamese;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.ingest.IngestProperties;

/**
 * Parsing in extractor processes: the test class path carries two hostile parsers (see
 * {@code HostileParsers}) for the made-up types of {@code .hang} and {@code .oom} files.
 */
class ExtractorPoolTest {

    @TempDir
    Path dir;

    private ExtractorPool pool;

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
    }

    private ExtractorPool pool(Duration timeout) {
        pool = new ExtractorPool(new IngestProperties(1, timeout, 1_000_000, 3, false, null, true, "256m"));
        return pool;
    }

    @Test
    void readsFilesInAChildProcessAndReusesIt() {
        ExtractorPool p = pool(Duration.ofSeconds(120));
        Extraction pdf = p.extract(Path.of("sample-resources/hoc-tap-suot-doi.pdf"), "a.pdf", "application/pdf");
        assertThat(pdf.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(pdf.text()).contains("Đà Nẵng").contains("\f");
        assertThat(pdf.pages()).isEqualTo(2);
        assertThat(pdf.language()).isEqualTo("vi");
        Extraction docx = p.extract(Path.of("sample-resources/digital-footprint.docx"), "b.docx", null);
        assertThat(docx.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(docx.text()).contains("uốn lưỡi");
    }

    @Test
    void aParserThatHangsCostsOneFileAndTheNextFileIsRead() throws Exception {
        ExtractorPool p = pool(Duration.ofSeconds(20));
        Path hang = Files.write(dir.resolve("treo.hang"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 7});
        Extraction stuck = p.extract(hang, "treo.hang", null);
        assertThat(stuck.status()).as(stuck.reason()).isEqualTo(ExtractionStatus.TIMED_OUT);
        assertThat(english(stuck.reason())).contains("20 s");
        assertThat(vietnamese(stuck.reason())).contains("20 giây");

        Extraction next = p.extract(Path.of("sample-resources/lich-su-ha-noi.txt"), "c.txt", "text/plain");
        assertThat(next.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(next.text()).contains("Quốc Tử Giám");
    }

    @Test
    void aParserThatExhaustsMemoryCostsOneFileAndTheNextFileIsRead() throws Exception {
        ExtractorPool p = pool(Duration.ofSeconds(120));
        Path oom = Files.write(dir.resolve("no.oom"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 9});
        Extraction failed = p.extract(oom, "no.oom", null);
        assertThat(failed.status()).isEqualTo(ExtractionStatus.FAILED);
        assertThat(english(failed.reason())).contains("out of memory");

        Extraction next = p.extract(Path.of("sample-resources/lich-su-ha-noi.txt"), "c.txt", "text/plain");
        assertThat(next.status()).isEqualTo(ExtractionStatus.OK);
    }
}
