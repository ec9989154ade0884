package vn.hoclieu.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The pages of a PDF as pictures, for phones whose browsers show no PDF inside a page. Each page is
 * drawn once, at most {@value #WIDTH} pixels wide and {@value #MAX_HEIGHT} high (a poster-sized page is
 * scaled down, never drawn at full size), and kept under {@code ${hoclieu.data-dir}/previews/pages},
 * named by the file's SHA-256: a cache, safe to delete, never a second copy of anything else.
 *
 * <p>The file is untrusted: {@link PageDrawing} draws it outside this process (see there), and every
 * cost is bounded here too: at most {@value #AT_ONCE} pages are drawn at a time (a caller waits
 * {@value #WAIT_SECONDS} s for a turn, then is told to try again) and one page gets {@value #RENDER_SECONDS} s.
 * A file whose page took too long, or that cannot be opened or drawn, is marked and never drawn again:
 * its readers download it. Callers check visibility first ({@link CatalogReads}); this class knows only
 * files.
 */
@Component
class PageImages implements AutoCloseable {

    static final int WIDTH = 960;
    static final int MAX_HEIGHT = 2880;
    /** Beyond this page a document is read by downloading it: a preview, not a converter. */
    static final int MAX_PAGES = 2000;
    static final int AT_ONCE = 2;
    static final long WAIT_SECONDS = 10;
    static final long RENDER_SECONDS = 20;
    private static final String REFUSED = "refused";
    private static final String COUNT = "pages";

    private static final Logger log = LoggerFactory.getLogger(PageImages.class);

    private final Path cache;
    private final PageDrawing drawing;
    private final Semaphore turns = new Semaphore(AT_ONCE);
    private final ExecutorService painters = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "page-images");
        t.setDaemon(true);
        return t;
    });

    PageImages(@Value("${hoclieu.data-dir:./data}") Path dataDir, PageDrawing drawing) {
        this.cache = dataDir.resolve("previews").resolve("pages");
        this.drawing = drawing;
    }

    @Override
    public void close() {
        painters.shutdownNow();
    }

    /** How many pages the PDF has (from the cache after the first time). */
    int pageCount(String sha256, Path pdf) {
        Path folder = folder(sha256);
        refuseIfMarked(folder);
        Path count = folder.resolve(COUNT);
        try {
            if (Files.isRegularFile(count)) {
                return Integer.parseInt(Files.readString(count, StandardCharsets.US_ASCII).strip());
            }
        } catch (IOException | NumberFormatException e) {
            log.debug("page count of {} read again: {}", sha256, e.toString());
        }
        int pages = draw(sha256, folder, pdf, 0).pages();
        write(count, String.valueOf(pages).getBytes(StandardCharsets.US_ASCII));
        return pages;
    }

    /** The JPEG of page {@code page} (from 1), drawn now or earlier. */
    byte[] page(String sha256, Path pdf, int page) {
        int pages = pageCount(sha256, pdf);
        if (page < 1 || page > pages) {
            throw new CatalogException(HttpStatus.NOT_FOUND, "problem.preview.noSuchPage", page, pages);
        }
        if (page > MAX_PAGES) {
            throw new CatalogException(HttpStatus.NOT_FOUND, "problem.preview.beyond", MAX_PAGES);
        }
        Path folder = folder(sha256);
        Path image = folder.resolve("p" + page + "-w" + WIDTH + ".jpg");
        try {
            if (Files.isRegularFile(image)) {
                return Files.readAllBytes(image);
            }
        } catch (IOException e) {
            log.debug("page {} of {} drawn again: {}", page, sha256, e.toString());
        }
        byte[] jpeg = draw(sha256, folder, pdf, page).jpeg();
        write(image, jpeg);
        return jpeg;
    }

    /** Draws (or counts, page 0) within bounds: a turn, a time limit, and a mark on the file if it fails. */
    private PageDrawing.Drawn draw(String sha256, Path folder, Path pdf, int page) {
        try {
            if (!turns.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new CatalogException(HttpStatus.SERVICE_UNAVAILABLE, "problem.preview.busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException(HttpStatus.SERVICE_UNAVAILABLE, "problem.preview.busy");
        }
        // the turn is given back when the drawing ends, not when the caller stops waiting: in a picture process
        // that is when the process is killed at the limit; drawn on a thread of this process (no isolation), a
        // page that never finishes keeps its turn, and its file is marked, never tried again
        Future<PageDrawing.Drawn> running = painters.submit(() -> {
            try {
                return drawing.draw(pdf, page, WIDTH, MAX_HEIGHT, Duration.ofSeconds(RENDER_SECONDS));
            } finally {
                turns.release();
            }
        });
        try {
            return running.get(RENDER_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            mark(folder, "took longer than " + RENDER_SECONDS + " s");
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof IOException)) {
                // not the file: the drawing could not start (no process, no memory for one); try again later
                log.warn("page pictures of {} not drawn: {}", sha256, String.valueOf(e.getCause()));
                throw new CatalogException(HttpStatus.SERVICE_UNAVAILABLE, "problem.preview.busy");
            }
            mark(folder, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException(HttpStatus.SERVICE_UNAVAILABLE, "problem.preview.busy");
        }
        log.info("no page pictures for {}: see {}", sha256, folder.resolve(REFUSED));
        throw new CatalogException(HttpStatus.NOT_FOUND, "problem.preview.unavailable");
    }

    private Path folder(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return cache.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static void refuseIfMarked(Path folder) {
        if (Files.exists(folder.resolve(REFUSED))) {
            throw new CatalogException(HttpStatus.NOT_FOUND, "problem.preview.unavailable");
        }
    }

    private static void mark(Path folder, String why) {
        write(folder.resolve(REFUSED), why.getBytes(StandardCharsets.UTF_8));
    }

    /** Written beside and moved into place: a reader never sees half a picture. */
    private static void write(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Path part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try (OutputStream out = Files.newOutputStream(part)) {
                out.write(bytes);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the cache is only a cache: the next request draws the page again
            log.warn("could not keep {}: {}", target, e.toString());
        }
    }
}
