package vn.hoclieu.ingest.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.ingest.IngestProperties;

/**
 * Hoclieu's own extraction — the one an extractor process runs for an ingest worker: the bomb check, the
 * repairs, Tika, the time limit — in this JVM with OCR off, for the reports of the bench source set, which
 * live outside this package.
 */
public final class HoclieuExtraction implements AutoCloseable {

    /** What reading one file gave. */
    public record Read(ExtractionStatus status, String reason, String text) {
    }

    private final TikaExtractor extractor;

    public HoclieuExtraction(Duration timeout) throws IOException {
        this.extractor = new TikaExtractor(new IngestProperties(1, timeout, 20_000_000, 1, false, null));
    }

    public Read read(Path file) {
        Extraction e = extractor.extract(file, file.getFileName().toString(), null);
        return new Read(e.status(), e.reason(), e.text());
    }

    @Override
    public void close() {
        extractor.close();
    }
}
