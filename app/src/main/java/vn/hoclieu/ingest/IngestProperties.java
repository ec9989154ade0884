package vn.hoclieu.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Ingestion settings ({@code hoclieu.ingest.*}).
 *
 * @param workers       parallel extraction workers (default: one per core)
 * @param timeout       longest a file may be read without progress (a page, a slide); then its reader is stopped
 * @param maxTime       longest a single file may be read at all, progress or not (a 500-page scan read by OCR)
 * @param writeLimit    most characters of text kept per file; beyond it the file is TRUNCATED
 * @param maxAttempts   tries for a job that fails for a transient reason
 * @param ocr           read images and scanned PDF pages with Tesseract (vie+eng) when it is installed
 * @param ocrLanguages  Tesseract language packs to use
 * @param isolation     parse in separate extractor processes (default), so that a parser that hangs,
 *                      runs out of memory or crashes costs one file and never the application
 * @param extractorHeap heap of each extractor process, in {@code -Xmx} syntax
 * @param extractorJvmOptions further options of the extractor processes' JVMs, separated by spaces
 *                      (default none: the JVM's own compilers, see docs/performance.md)
 */
@ConfigurationProperties("hoclieu.ingest")
public record IngestProperties(Integer workers, Duration timeout, Integer writeLimit, Integer maxAttempts,
                               Boolean ocr, String ocrLanguages, Boolean isolation, String extractorHeap,
                               Duration maxTime, String extractorJvmOptions) {

    /**
     * None: an extractor lives as long as the server, and once C2 has compiled the parsers it reads
     * a file with about a quarter less CPU than with the quick compiler alone; over a first bulk
     * import both cost the same (measured: docs/performance.md, ingestion).
     */
    public static final String DEFAULT_EXTRACTOR_JVM_OPTIONS = "";

    @ConstructorBinding
    public IngestProperties {
        workers = workers == null || workers < 1 ? Runtime.getRuntime().availableProcessors() : workers;
        timeout = timeout == null ? Duration.ofMinutes(2) : timeout;
        writeLimit = writeLimit == null ? 20_000_000 : writeLimit;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        ocr = ocr == null || ocr;
        ocrLanguages = ocrLanguages == null || ocrLanguages.isBlank() ? "vie+eng" : ocrLanguages;
        isolation = isolation == null || isolation;
        extractorHeap = extractorHeap == null || !extractorHeap.matches("\\d+[kKmMgG]?") ? "768m" : extractorHeap;
        maxTime = maxTime == null ? Duration.ofHours(1) : maxTime;
        extractorJvmOptions = extractorJvmOptions == null ? DEFAULT_EXTRACTOR_JVM_OPTIONS : extractorJvmOptions.strip();
    }

    /** The same with the default options of the extractor processes' JVMs. */
    public IngestProperties(Integer workers, Duration timeout, Integer writeLimit, Integer maxAttempts, Boolean ocr,
                            String ocrLanguages, Boolean isolation, String extractorHeap, Duration maxTime) {
        this(workers, timeout, writeLimit, maxAttempts, ocr, ocrLanguages, isolation, extractorHeap, maxTime, null);
    }

    /** Settings for parsing inside this process (tools, tests). */
    public IngestProperties(Integer workers, Duration timeout, Integer writeLimit, Integer maxAttempts, Boolean ocr,
                            String ocrLanguages) {
        this(workers, timeout, writeLimit, maxAttempts, ocr, ocrLanguages, false, null, null, null);
    }
}
