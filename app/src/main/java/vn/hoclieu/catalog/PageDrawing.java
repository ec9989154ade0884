package vn.hoclieu.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Draws the pages of an uploaded PDF as pictures. The file is untrusted, so the ingestion module,
 * which implements this, draws where a hostile file cannot reach the application: in a process of
 * its own with a small heap, killed at the time limit (with {@code hoclieu.ingest.isolation=false},
 * on a thread of this process, bounded by its caller instead).
 */
public interface PageDrawing {

    /** What a drawing gave: the document's page count, and the page as a JPEG when a page was asked for. */
    record Drawn(int pages, byte[] jpeg) {
    }

    /**
     * Counts the pages of {@code pdf} and, when {@code page} is 1 or more, draws that page at most
     * {@code width} pixels wide and {@code maxHeight} high.
     *
     * @param limit how long the drawing may take before it is stopped
     * @throws IOException why the file could not be drawn (damaged, locked, too slow, too large)
     */
    Drawn draw(Path pdf, int page, int width, int maxHeight, Duration limit) throws IOException;
}
