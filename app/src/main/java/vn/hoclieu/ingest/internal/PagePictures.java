package vn.hoclieu.ingest.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.hoclieu.catalog.PageDrawing;

/**
 * A PDF page drawn as a JPEG for the phone reader, with PDFBox, wherever it runs (a picture process
 * or, without isolation, a thread of the application). The page is fitted into the box asked for and
 * never drawn above {@value #MAX_DPI} dpi, so a poster-sized page is scaled down, never drawn at full
 * size; the document's streams stay in a temporary file rather than the heap, and large embedded
 * pictures are decoded subsampled.
 */
final class PagePictures {

    static final float MAX_DPI = 150f;

    private PagePictures() {
    }

    /**
     * The page count, and page {@code page} (from 1) drawn when it is 1 or more.
     *
     * @throws IOException whatever in the file stopped PDFBox, a damaged structure included
     */
    static PageDrawing.Drawn draw(Path pdf, int page, int width, int maxHeight) throws IOException {
        try {
            return drawUnchecked(pdf, page, width, maxHeight);
        } catch (RuntimeException | StackOverflowError e) {
            throw new IOException(e.toString(), e);
        }
    }

    private static PageDrawing.Drawn drawUnchecked(Path pdf, int page, int width, int maxHeight) throws IOException {
        // a PDF locked with a password fails here; one that opens without it is drawn
        try (PDDocument doc = Loader.loadPDF(pdf.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            int pages = doc.getNumberOfPages();
            if (page < 1) {
                return new PageDrawing.Drawn(pages, null);
            }
            if (page > pages) {
                throw new IOException("no page " + page + " in " + pages);
            }
            return new PageDrawing.Drawn(pages, jpeg(render(doc, page - 1, width, maxHeight)));
        }
    }

    static BufferedImage render(PDDocument doc, int index, int width, int maxHeight) throws IOException {
        PDPage page = doc.getPage(index);
        PDRectangle box = page.getCropBox();
        boolean turned = page.getRotation() % 180 != 0;
        float w = Math.max(1f, turned ? box.getHeight() : box.getWidth());
        float h = Math.max(1f, turned ? box.getWidth() : box.getHeight());
        // half a pixel over: PDFBox rounds the size down, and 595.276 × (960 / 595.276) is 959.99994 in floats
        float scale = Math.min(MAX_DPI / 72f, Math.min((width + 0.5f) / w, (maxHeight + 0.5f) / h));
        PDFRenderer renderer = new PDFRenderer(doc);
        renderer.setSubsamplingAllowed(true);
        return renderer.renderImage(index, scale, ImageType.RGB);
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "jpg", out)) {
            throw new IOException("no JPEG writer");
        }
        return out.toByteArray();
    }
}
