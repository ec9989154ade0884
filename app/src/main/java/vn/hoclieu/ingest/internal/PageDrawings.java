package vn.hoclieu.ingest.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.stereotype.Component;
import vn.hoclieu.catalog.PageDrawing;
import vn.hoclieu.ingest.IngestProperties;

/**
 * PDF pages drawn for the phone reader as files are read: in picture processes by default (a heap of
 * their own, killed at the time limit, so a hostile PDF costs a process, never the application's
 * memory or a thread it cannot stop), or on the caller's thread with {@code hoclieu.ingest.isolation=false}.
 */
@Component
class PageDrawings implements PageDrawing {

    private final ExtractorPool pool;

    PageDrawings(IngestProperties properties) {
        this.pool = properties.isolation() ? ExtractorPool.forPictures(properties) : null;
    }

    @Override
    public Drawn draw(Path pdf, int page, int width, int maxHeight, Duration limit) throws IOException {
        if (pool == null) {
            return PagePictures.draw(pdf, page, width, maxHeight);
        }
        return pool.picture(pdf, page, width, maxHeight, limit);
    }

    @PreDestroy
    void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
