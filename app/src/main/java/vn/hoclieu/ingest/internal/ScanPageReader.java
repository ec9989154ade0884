package vn.hoclieu.ingest.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads one page of a scanned PDF: Tesseract reads the scanner's own JPEG when the page is just that
 * ({@link WholePageImage}); otherwise PDFBox draws the page in grey at 300 dpi (what Tika's own OCR of
 * PDF pages uses) and Tesseract reads the drawing. One page per call, so that the pages of a long scan
 * can be read by several workers at once; each Tesseract runs on one thread
 * ({@code OMP_THREAD_LIMIT=1}), since the pages, not the threads inside a page, are what is spread
 * over the cores.
 *
 * <p>It runs where the untrusted file may be opened: in an extractor process, or on a parsing
 * thread without isolation. It keeps nothing between calls: opening a PDF reads only its
 * cross-reference table, a few milliseconds beside the seconds of a page's OCR.
 */
public final class ScanPageReader {

    /** Tika's default rendering resolution for OCR of PDF pages. */
    public static final int DPI = 300;
    private static final int MAX_STDERR = 2000;

    private final String languages;

    ScanPageReader(String languages) {
        this.languages = languages;
    }

    /**
     * The text of one page (0-based), read by Tesseract.
     *
     * @throws IOException if the page cannot be drawn or Tesseract fails
     */
    String read(Path pdf, int page, Duration timeout) throws IOException, InterruptedException {
        Path image = null;
        try {
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                checkPage(doc, page);
                WholePageImage.Jpeg jpeg = WholePageImage.jpegOf(doc.getPage(page));
                image = Files.createTempFile("hoclieu-scan-page-", jpeg == null ? ".pgm" : ".jpg");
                if (jpeg == null) {
                    writeGreyMap(draw(doc, page), image);
                } else {
                    Files.write(image, jpeg.bytes());
                }
                return tesseract(image, jpeg == null ? DPI : jpeg.dpi(), timeout);
            }
        } finally {
            if (image != null) {
                Files.deleteIfExists(image);
            }
        }
    }

    private static void checkPage(PDDocument doc, int page) throws IOException {
        if (page < 0 || page >= doc.getNumberOfPages()) {
            throw new IOException("page " + (page + 1) + " of " + doc.getNumberOfPages());
        }
    }

    /** The page drawn in shades of grey. */
    public static BufferedImage render(Path pdf, int page) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            checkPage(doc, page);
            return draw(doc, page);
        }
    }

    private static BufferedImage draw(PDDocument doc, int page) throws IOException {
        return new PDFRenderer(doc).renderImageWithDPI(page, DPI, ImageType.GRAY);
    }

    /**
     * A binary PGM: what Tesseract reads fastest, written in a few milliseconds where a PNG of
     * an A4 page at 300 dpi takes a tenth of a second to compress.
     */
    public static void writeGreyMap(BufferedImage grey, Path to) throws IOException {
        int width = grey.getWidth();
        int height = grey.getHeight();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(to), 1 << 16)) {
            out.write(("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            if (grey.getType() == BufferedImage.TYPE_BYTE_GRAY
                    && grey.getRaster().getDataBuffer() instanceof DataBufferByte bytes
                    && bytes.getData().length == width * height) {
                out.write(bytes.getData());
                return;
            }
            byte[] row = new byte[width];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int rgb = grey.getRGB(x, y);
                    row[x] = (byte) (((rgb >> 16 & 0xFF) * 299 + (rgb >> 8 & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000);
                }
                out.write(row);
            }
        }
    }

    /**
     * The command every page is read with; a benchmark runs the same one over the same pictures. The
     * resolution is given: a grey map carries none, and a JPEG's header often says none or a wrong one.
     */
    public static List<String> command(Path image, String languages, int dpi) {
        return List.of("tesseract", image.toString(), "stdout", "-l", languages, "--dpi", Integer.toString(dpi));
    }

    private String tesseract(Path image, int dpi, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command(image, languages, dpi)));
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        CompletableFuture<byte[]> text = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream(), -1));
        CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream(),
                MAX_STDERR));
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("Tesseract took longer than " + timeout.toSeconds() + " s for one page");
        }
        if (process.exitValue() != 0) {
            throw new IOException("Tesseract stopped with " + process.exitValue() + ": "
                    + new String(errors.join(), StandardCharsets.UTF_8).strip());
        }
        return new String(text.join(), StandardCharsets.UTF_8);
    }

    private static byte[] readAll(InputStream in, int keep) {
        try (in) {
            if (keep < 0) {
                return in.readAllBytes();
            }
            byte[] kept = in.readNBytes(keep);
            in.transferTo(OutputStream.nullOutputStream());
            return kept;
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
