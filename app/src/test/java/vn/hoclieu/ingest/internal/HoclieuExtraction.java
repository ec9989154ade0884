package vn.hoclieu.ingest.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.ingest.IngestProperties;

/**
 * Hoclieu's own extraction — the one an extractor process runs for an ingest worker: the bomb check, the
 * repairs, Tika, the time limit — with OCR off, for the reports and benchmarks of the bench source set,
 * which live outside this package: in this JVM, or in extractor processes as the workers have it.
 */
public final class HoclieuExtraction implements AutoCloseable {

    /** What reading one file gave. */
    public record Read(ExtractionStatus status, String reason, String text, String title, String mediaType) {
    }

    private final TikaExtractor extractor;

    public HoclieuExtraction(Duration timeout) throws IOException {
        this.extractor = new TikaExtractor(new IngestProperties(1, timeout, 20_000_000, 1, false, null));
    }

    /**
     * As the ingest workers read: {@code workers} threads at once, with isolation (one extractor
     * process each, started with {@code extractorJvmOptions}, or null for the default) or without.
     */
    public HoclieuExtraction(int workers, boolean isolation, String extractorJvmOptions) throws IOException {
        this.extractor = new TikaExtractor(new IngestProperties(workers, null, null, null, false, null, isolation,
                null, null, extractorJvmOptions));
    }

    public Read read(Path file) {
        Extraction e = extractor.extract(file, file.getFileName().toString(), null);
        return new Read(e.status(), e.reason(), e.text(), e.title(), e.mediaType());
    }

    /** The file's text fingerprint, as a worker computes it for the near-duplicate check. */
    public static String fingerprint(String text) {
        return TextFingerprint.of(text);
    }

    @Override
    public void close() {
        extractor.close();
    }
}
