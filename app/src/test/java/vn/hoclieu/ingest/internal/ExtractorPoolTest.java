package vn.hoclieu.ingest.internal;

import vn.hoclieu.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoclieu.Messages.english;
import static vn.hoclieu.Messages.vietnamese;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.ingest.IngestProperties;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/**
 * Parsing in extractor processes: the test class path carries two hostile parsers (see
 * {@code HostileParsers}) for the made-up types of {@code .hang} and {@code .oom} files.
 */
@Tag(TestGroups.PROCESS)
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
        return pool(timeout, null);
    }

    private ExtractorPool pool(Duration timeout, Duration maxTime) {
        pool = new ExtractorPool(new IngestProperties(1, timeout, 1_000_000, 3, false, null, true, "256m", maxTime));
        return pool;
    }

    @Test
    void readsFilesInAChildProcessAndReusesIt() {
        ExtractorPool p = pool(Duration.ofSeconds(120));
        Extraction pdf = p.extract(TestFiles.sample("hoc-tap-suot-doi.pdf"), "a.pdf", "application/pdf");
        assertThat(pdf.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(pdf.text()).contains("Đà Nẵng").contains("\f");
        assertThat(pdf.pages()).isEqualTo(2);
        assertThat(pdf.language()).isEqualTo("vi");
        Extraction docx = p.extract(TestFiles.sample("digital-footprint.docx"), "b.docx", null);
        assertThat(docx.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(docx.text()).contains("uốn lưỡi");
    }

    @Test
    void extractorJvmsTakeTheConfiguredOptionsAndTheJvmsOwnCompilersByDefault() {
        List<String> plain = ExtractorPool.command(new IngestProperties(1, null, null, null, false, null, true, null,
                null));
        assertThat(plain).noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel")).doesNotContain("");
        IngestProperties custom = new IngestProperties(1, Duration.ofSeconds(120), 1_000_000, 3, false, null, true,
                "256m", null, " -Xss2m   -XX:TieredStopAtLevel=1 ");
        assertThat(ExtractorPool.command(custom)).contains("-Xss2m", "-XX:TieredStopAtLevel=1").doesNotContain("");
        // and a child started with them reads files
        pool = new ExtractorPool(custom);
        assertThat(pool.extract(TestFiles.sample("digital-footprint.docx"), "b.docx", null).text())
                .contains("uốn lưỡi");
    }

    @Test
    void aParserThatHangsCostsOneFileAndTheNextFileIsRead() throws Exception {
        ExtractorPool p = pool(Duration.ofSeconds(20));
        Path hang = Files.write(dir.resolve("treo.hang"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 7});
        Extraction stuck = p.extract(hang, "treo.hang", null);
        assertThat(stuck.status()).as(stuck.reason()).isEqualTo(ExtractionStatus.TIMED_OUT);
        assertThat(english(stuck.reason())).contains("20 s");
        assertThat(vietnamese(stuck.reason())).contains("20 giây");

        Extraction next = p.extract(TestFiles.sample("lich-su-ha-noi.txt"), "c.txt", "text/plain");
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

        Extraction next = p.extract(TestFiles.sample("lich-su-ha-noi.txt"), "c.txt", "text/plain");
        assertThat(next.status()).isEqualTo(ExtractionStatus.OK);
    }

    @Test
    void aLongReadThatKeepsMakingProgressIsNotStopped() throws Exception {
        ExtractorPool p = pool(Duration.ofSeconds(3), Duration.ofMinutes(2));
        // six pages at a page a second: twice the 3 s allowed without progress, yet never 3 s without a page
        Path long_ = Files.write(dir.resolve("sach-dai.slowpages"), new byte[] {1, 1, 1, 1, 1, 1});
        Extraction read = p.extract(long_, "sach-dai.slowpages", null);
        assertThat(read.status()).as(english(read.reason())).isEqualTo(ExtractionStatus.OK);
        assertThat(read.text()).contains("trang 6");
        assertThat(read.pages()).isEqualTo(6);
    }

    @Test
    void aReadThatNeverEndsIsStoppedAtTheMaximumTimeEvenWithProgress() throws Exception {
        ExtractorPool p = pool(Duration.ofSeconds(3), Duration.ofSeconds(8));
        Path endless = Files.write(dir.resolve("vo-tan.slowpages"), new byte[] {0});
        Extraction stopped = p.extract(endless, "vo-tan.slowpages", null);
        assertThat(stopped.status()).isEqualTo(ExtractionStatus.TIMED_OUT);
        assertThat(english(stopped.reason())).contains("more than 0 min").contains("hoclieu.ingest.max-time");
    }
}
