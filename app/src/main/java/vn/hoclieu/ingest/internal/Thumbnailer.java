package vn.hoclieu.ingest.internal;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.poi.sl.usermodel.SlideShow;
import org.apache.poi.sl.usermodel.SlideShowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small previews for result lists and players: the first page of a PDF, the first slide of a
 * presentation (PowerPoint old and new), the preview an OpenDocument or Office file carries inside
 * it (LibreOffice saves one in every ODF file), a scaled image, a frame of a video when
 * {@code ffmpeg} is installed. Anything else
 * (or anything that fails) has none, and the pages show a type icon instead. Inputs are untrusted:
 * image dimensions are read from the header before any pixel is decoded, and rendering runs where
 * parsing does — in the extractor process, under its heap and time limits — so a hostile PDF costs
 * that process, never the application.
 */
final class Thumbnailer {

    static final int WIDTH = 320;
    /** Larger pictures are not decoded: a 10,000 × 10,000 header must not cost 400 MB of heap. */
    static final long MAX_PIXELS = 40_000_000L;

    private static final Logger log = LoggerFactory.getLogger(Thumbnailer.class);

    /** ffmpeg is a program of its own: past this, there is no frame. */
    static final long FFMPEG_TIMEOUT_SECONDS = 30;

    /** A JPEG preview, or empty. No time limit of its own: call it where the parse's limit holds. */
    Optional<byte[]> render(Path file, String mediaType) {
        try {
            BufferedImage image = switch (kind(mediaType)) {
                case PDF -> pdf(file);
                case SLIDES -> slides(file);
                case PACKAGE -> embedded(file);
                case IMAGE -> image(file);
                case VIDEO -> video(file);
                case NONE -> null;
            };
            return image == null ? Optional.empty() : Optional.of(jpeg(scale(image)));
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            log.debug("no thumbnail for {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private enum Kind { PDF, SLIDES, PACKAGE, IMAGE, VIDEO, NONE }

    private static final Set<String> SLIDE_TYPES = Set.of(
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.ms-powerpoint");

    /** Where ODF (LibreOffice, always) and OOXML (Office, when "save preview" is on) keep a preview picture. */
    private static final List<String> EMBEDDED_PREVIEWS = List.of(
            "Thumbnails/thumbnail.png", "docProps/thumbnail.jpeg", "docProps/thumbnail.png");
    private static final long MAX_EMBEDDED_PREVIEW_BYTES = 4_000_000;

    private static Kind kind(String mediaType) {
        if (mediaType == null) {
            return Kind.NONE;
        }
        if (mediaType.equals("application/pdf")) {
            return Kind.PDF;
        }
        if (SLIDE_TYPES.contains(mediaType)) {
            return Kind.SLIDES;
        }
        if (mediaType.startsWith("application/vnd.oasis.opendocument.")
                || mediaType.startsWith("application/vnd.openxmlformats-officedocument.")) {
            return Kind.PACKAGE;
        }
        if (mediaType.startsWith("image/") && !mediaType.contains("svg")) {
            return Kind.IMAGE;
        }
        return mediaType.startsWith("video/") ? Kind.VIDEO : Kind.NONE;
    }

    private static BufferedImage pdf(Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            if (doc.getNumberOfPages() == 0 || doc.isEncrypted()) {
                return null;
            }
            float widthPoints = doc.getPage(0).getMediaBox().getWidth();
            float dpi = Math.max(10f, Math.min(150f, WIDTH * 72f / Math.max(widthPoints, 1f)));
            return new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.RGB);
        }
    }

    private static BufferedImage slides(Path file) throws IOException {
        try (SlideShow<?, ?> show = SlideShowFactory.create(file.toFile(), null, true)) {
            if (show.getSlides().isEmpty()) {
                return null;
            }
            Dimension size = show.getPageSize();
            double zoom = (double) WIDTH / Math.max(size.width, 1);
            BufferedImage image = new BufferedImage(WIDTH, (int) Math.max(1, size.height * zoom), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
                g.scale(zoom, zoom);
                show.getSlides().get(0).draw(g);
            } finally {
                g.dispose();
            }
            return image;
        }
    }

    /** The preview picture stored inside a ZIP-based document, read with the same care as any image. */
    private static BufferedImage embedded(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (String name : EMBEDDED_PREVIEWS) {
                ZipEntry entry = zip.getEntry(name);
                if (entry == null || entry.getSize() > MAX_EMBEDDED_PREVIEW_BYTES) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readNBytes((int) MAX_EMBEDDED_PREVIEW_BYTES + 1);
                }
                if (bytes.length > MAX_EMBEDDED_PREVIEW_BYTES) {
                    continue;
                }
                Path picture = Files.createTempFile("hoclieu-preview-", ".img");
                try {
                    Files.write(picture, bytes);
                    BufferedImage image = image(picture);
                    if (image != null) {
                        return image;
                    }
                } finally {
                    Files.deleteIfExists(picture);
                }
            }
            return null;
        }
    }

    private static BufferedImage image(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    return null;
                }
                int step = Math.max(1, reader.getWidth(0) / (WIDTH * 2));
                var param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0); // decode only what a thumbnail needs
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage video(Path file) throws IOException, InterruptedException {
        Path frame = Files.createTempFile("hoclieu-frame-", ".png");
        try {
            Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y", "-ss", "1", "-i",
                    file.toString(), "-frames:v", "1", "-vf", "scale=" + WIDTH + ":-2", frame.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(FFMPEG_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 && Files.size(frame) > 0 ? ImageIO.read(frame.toFile()) : null;
        } catch (IOException noFfmpeg) {
            return null; // ffmpeg is optional: the page shows a video icon
        } finally {
            Files.deleteIfExists(frame);
        }
    }

    private static BufferedImage scale(BufferedImage source) {
        if (source.getWidth() <= WIDTH && source.getType() == BufferedImage.TYPE_INT_RGB) {
            return source;
        }
        int width = Math.min(WIDTH, source.getWidth());
        int height = Math.max(1, (int) Math.round(source.getHeight() * (double) width / source.getWidth()));
        height = Math.min(height, WIDTH * 2); // a very tall page is cropped, not squeezed
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int fullHeight = (int) Math.round(source.getHeight() * (double) width / source.getWidth());
            g.drawImage(source, 0, 0, width, fullHeight, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "jpg", out)) {
            throw new IOException("no JPEG writer");
        }
        return out.toByteArray();
    }
}
