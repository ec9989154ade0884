package vn.hoclieu.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ingestion settings ({@code hoclieu.ingest.*}).
 *
 * @param workers      parallel extraction workers (default: one per core)
 * @param timeout      longest a single file may be parsed
 * @param writeLimit   most characters of text kept per file; beyond it the file is TRUNCATED
 * @param maxAttempts  tries for a job that fails for a transient reason
 * @param ocr          read images with Tesseract (vie+eng) when it is installed
 * @param ocrLanguages Tesseract language packs to use
 */
@ConfigurationProperties("hoclieu.ingest")
public record IngestProperties(Integer workers, Duration timeout, Integer writeLimit, Integer maxAttempts,
                               Boolean ocr, String ocrLanguages) {

    public IngestProperties {
        workers = workers == null || workers < 1 ? Runtime.getRuntime().availableProcessors() : workers;
        timeout = timeout == null ? Duration.ofMinutes(2) : timeout;
        writeLimit = writeLimit == null ? 20_000_000 : writeLimit;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        ocr = ocr == null || ocr;
        ocrLanguages = ocrLanguages == null || ocrLanguages.isBlank() ? "vie+eng" : ocrLanguages;
    }
}
