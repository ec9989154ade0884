package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.RequiresTool;
import vn.hoclieu.TestFiles;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Tool;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/**
 * A scanned book (pages that are pictures only) uploaded through the API: its pages are read by
 * OCR one by one across the workers, the job says how far reading has come, the first pages can
 * be found while the last are still being read, and each page's words are found on that page.
 */
@Tag(TestGroups.PROCESS)
@RequiresTool(Tool.TESSERACT)
class ScannedBookTest extends IntegrationTest {

    @Test
    void aScanIsSearchablePageByPageWhileItIsRead() throws Exception {
        String librarian = Http.basic(account("tt-ban-quet", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        String title = "Sổ tay bản quét " + UUID.randomUUID();
        long id = Uploads.resource(title).visibility("PUBLIC").file("so-tay-ban-quet.pdf", scan())
                .by(librarian).to(url("")).id();

        boolean foundWhileReading = false;
        boolean progressShown = false;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            JsonNode job = jobOf(id, librarian);
            boolean finished = job == null;
            if (!finished && job.get("pagesTotal").isNumber()) {
                int done = job.get("pagesDone").asInt();
                int total = job.get("pagesTotal").asInt();
                assertThat(total).as("every page of the scan is read by OCR").isEqualTo(6);
                progressShown |= done > 0 && done < total;
                foundWhileReading |= done < total && found("\"thợ may ở Đà Nẵng\"", id);
            }
            if (finished && ingest.unfinished() == 0) {
                break;
            }
            assertThat(Instant.now()).as("the scan is read within three minutes").isBefore(deadline);
            Thread.sleep(150);
        }
        assertThat(progressShown).as("the API showed the pages read so far while reading").isTrue();
        assertThat(foundWhileReading).as("the first page could be found before the last was read").isTrue();

        JsonNode file = Http.get(url("/api/v1/resources/" + id)).json().get("files").get(0);
        assertThat(file.get("extraction").get("status").asString()).isEqualTo("OK");
        assertThat(file.get("extraction").get("ocr").asBoolean()).isTrue();
        assertThat(found("\"sơ đồ tư duy\"", id)).as("a word of page 2").isTrue();
        assertThat(found("\"đồng biến\"", id)).as("a word of page 3").isTrue();
        assertThat(found("\"clear keywords\"", id)).as("page 4, in English").isTrue();
    }

    /** The running job of the resource, from the queue the API shows; null once it is no longer running. */
    private JsonNode jobOf(long resourceId, String librarian) {
        JsonNode queue = Http.get(url("/api/v1/ingest/queue"), "Authorization", librarian).json();
        for (JsonNode job : queue.get("running")) {
            if (job.get("resourceId").asLong() == resourceId) {
                return job;
            }
        }
        JsonNode queued = Http.get(url("/api/v1/ingest/jobs?status=QUEUED"), "Authorization", librarian).json();
        for (JsonNode job : queued) {
            if (job.get("resourceId").asLong() == resourceId) {
                return job;
            }
        }
        return null;
    }

    private boolean found(String query, long id) {
        for (JsonNode hit : Http.get(url("/api/v1/search?size=50&q=" + Http.q(query))).json().get("hits")) {
            if (hit.get("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    /**
     * Six A4 pages that are pictures only: the sample PDFs' pages drawn at 200 dpi (their own fonts,
     * so no system font is needed) and put back into a PDF with no text layer, the odd pages as JPEG
     * (read by Tesseract as stored) and the even ones without loss (drawn by PDFBox first).
     */
    private static byte[] scan() throws Exception {
        List<Object[]> pages = List.of(new Object[] {"hoc-tap-suot-doi.pdf", 0}, new Object[] {"hoc-tap-suot-doi.pdf", 1},
                new Object[] {"ham-so-bac-nhat-lop-10.pdf", 0}, new Object[] {"search-smarter-stay-safer.pdf", 0},
                new Object[] {"hoc-tap-suot-doi.pdf", 1}, new Object[] {"ham-so-bac-nhat-lop-10.pdf", 0});
        try (PDDocument scan = new PDDocument()) {
            for (Object[] p : pages) {
                BufferedImage picture;
                try (PDDocument source = Loader.loadPDF(TestFiles.sample((String) p[0]).toFile())) {
                    picture = new PDFRenderer(source).renderImageWithDPI((Integer) p[1], 200, ImageType.GRAY);
                }
                PDImageXObject image = scan.getNumberOfPages() % 2 == 0
                        ? JPEGFactory.createFromImage(scan, picture, 0.9f, 200)
                        : LosslessFactory.createFromImage(scan, picture);
                PDPage page = new PDPage(PDRectangle.A4);
                scan.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(scan, page)) {
                    content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            scan.save(out);
            return out.toByteArray();
        }
    }
}
