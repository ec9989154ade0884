package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoclieu.HostilePdfs;
import vn.hoclieu.PictureProcesses;
import vn.hoclieu.TestFiles;
import vn.hoclieu.TestGroups;
import vn.hoclieu.catalog.PageDrawing;
import vn.hoclieu.ingest.IngestProperties;

/**
 * PDF pages drawn for the phone reader in picture processes, on Apache Tika's own test PDFs (from its
 * test jar) and on hostile files: a locked or damaged file is refused with its reason by a process
 * that goes on drawing, a page that never ends is stopped with its process at the limit, and a
 * process with nothing to draw goes away.
 */
@Tag(TestGroups.PROCESS)
class PagePicturesProcessTest {

    private static final Path TIKA_PDFS = Path.of("target/tika-test-documents/tika-parser-pdf-module/test-documents");
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private ExtractorPool pool;

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
    }

    private ExtractorPool pool(long idleSeconds) {
        pool = ExtractorPool.forPictures(new IngestProperties(1, Duration.ofMinutes(2), 1_000_000, 3, false, null,
                true, null, null), idleSeconds);
        return pool;
    }

    @Test
    void aRealPdfsPagesAreDrawnInAProcessOfItsOwnAtThePhonesWidth() throws Exception {
        ExtractorPool p = pool(600);
        assertThat(pictureProcesses()).isEmpty();
        Path pdf = TIKA_PDFS.resolve("testPDF.pdf");
        assertThat(p.picture(pdf, 0, 960, 2880, LIMIT)).satisfies(count -> {
            assertThat(count.pages()).isEqualTo(1);
            assertThat(count.jpeg()).isNull();
        });
        BufferedImage page = jpeg(p.picture(pdf, 1, 960, 2880, LIMIT));
        assertThat(page.getWidth()).isEqualTo(960);
        assertThat(page.getHeight()).isBetween(960, 2880);
        // a landscape page fits the same width; a page that is not there is refused, not drawn
        BufferedImage turned = jpeg(p.picture(TIKA_PDFS.resolve("testPDF_rotated.pdf"), 1, 960, 2880, LIMIT));
        assertThat(turned.getWidth()).isLessThanOrEqualTo(960);
        assertThat(turned.getHeight()).isLessThanOrEqualTo(2880);
        assertThatThrownBy(() -> p.picture(pdf, 2, 960, 2880, LIMIT)).isInstanceOf(IOException.class)
                .hasMessageContaining("no page 2");
        assertThat(pictureProcesses()).as("one process, drawing each page in turn").hasSize(1);
    }

    @Test
    void aLockedOrDamagedFileIsRefusedWithItsReasonAndTheSameProcessDrawsOn() throws Exception {
        ExtractorPool p = pool(600);
        Path pdf = TIKA_PDFS.resolve("testPDF.pdf");
        jpeg(p.picture(pdf, 1, 960, 2880, LIMIT));
        List<ProcessHandle> before = pictureProcesses();

        assertThatThrownBy(() -> p.picture(TIKA_PDFS.resolve("testPDF_no_extract_no_accessibility_owner_user.pdf"), 1,
                960, 2880, LIMIT)).isInstanceOf(ExtractionCodec.RefusedPicture.class).hasMessageContaining("password");
        Path cut = dir.resolve("cut.pdf");
        byte[] whole = Files.readAllBytes(pdf);
        Files.write(cut, java.util.Arrays.copyOf(whole, 200));
        assertThatThrownBy(() -> p.picture(cut, 1, 960, 2880, LIMIT)).isInstanceOf(ExtractionCodec.RefusedPicture.class);
        assertThatThrownBy(() -> p.picture(TestFiles.sample("digital-footprint.docx"), 0, 960, 2880, LIMIT))
                .isInstanceOf(ExtractionCodec.RefusedPicture.class);

        jpeg(p.picture(pdf, 1, 960, 2880, LIMIT));
        assertThat(pictureProcesses()).as("the same process").isEqualTo(before);
    }

    @Test
    void aPageThatNeverEndsIsStoppedWithItsProcessAtTheLimit() throws Exception {
        ExtractorPool p = pool(600);
        Path bomb = dir.resolve("bomb.pdf");
        Files.write(bomb, HostilePdfs.formBomb(32, "cuoi"));
        assertThat(p.picture(bomb, 0, 960, 2880, LIMIT).pages()).as("it opens: only drawing never ends").isEqualTo(1);
        List<ProcessHandle> drawing = pictureProcesses();
        assertThat(drawing).hasSize(1);

        long start = System.nanoTime();
        assertThatThrownBy(() -> p.picture(bomb, 1, 960, 2880, Duration.ofSeconds(3))).isInstanceOf(IOException.class)
                .hasMessageContaining("took longer than 3 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(drawing.get(0).isAlive()).as("the process drawing it is gone").isFalse();

        BufferedImage next = jpeg(p.picture(TIKA_PDFS.resolve("testPDF.pdf"), 1, 960, 2880, LIMIT));
        assertThat(next.getWidth()).isEqualTo(960);
        assertThat(pictureProcesses()).hasSize(1).doesNotContainAnyElementsOf(drawing);
    }

    @Test
    void aProcessWithNothingToDrawStops() throws Exception {
        ExtractorPool p = pool(2);
        jpeg(p.picture(TIKA_PDFS.resolve("testPDF.pdf"), 1, 960, 2880, LIMIT));
        assertThat(pictureProcesses()).hasSize(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!pictureProcesses().isEmpty()) {
            assertThat(System.nanoTime()).as("the idle process stopped").isLessThan(deadline);
            Thread.sleep(200);
        }
        // and the next page starts another
        jpeg(p.picture(TIKA_PDFS.resolve("testPDF.pdf"), 1, 960, 2880, LIMIT));
    }

    private static BufferedImage jpeg(PageDrawing.Drawn drawn) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(drawn.jpeg()));
        assertThat(image).as("a JPEG").isNotNull();
        return image;
    }

    /** This JVM's picture processes that are still running. */
    private static List<ProcessHandle> pictureProcesses() {
        return PictureProcesses.of(ProcessHandle.current());
    }
}
