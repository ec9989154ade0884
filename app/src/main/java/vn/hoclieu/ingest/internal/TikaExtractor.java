package vn.hoclieu.ingest.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.ingest.IngestProperties;

/**
 * Extraction with its limits: in separate extractor processes by default (a heap limit, killed at
 * the time limit, replaced after a crash), or — with {@code hoclieu.ingest.isolation=false} — on a
 * thread of this process with the same time limit (a parser that ignores interruption then keeps
 * that thread, but the worker moves on).
 */
@Component
class TikaExtractor {

    private final IngestProperties properties;
    private final ExtractorPool pool;
    private final TikaParsing inProcess;
    private final ExecutorService parsing;
    private final ScanReading scans = new ScanReading(this::ocrPage);

    TikaExtractor(IngestProperties properties) throws IOException {
        this.properties = properties;
        if (properties.isolation()) {
            this.pool = new ExtractorPool(properties);
            this.inProcess = null;
            this.parsing = null;
        } else {
            this.pool = null;
            this.inProcess = new TikaParsing(properties);
            this.parsing = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "tika-parse");
                t.setDaemon(true);
                return t;
            });
        }
    }

    Extraction extract(Path file, String fileName, String declaredType) {
        return extract(file, fileName, declaredType, ScanReading.Listener.NONE);
    }

    /**
     * Reads a file; a PDF whose pages have no text layer (a scan) then has those pages read by OCR
     * one by one, by this thread and any idle worker ({@link #helpWithScans()}), {@code listener}
     * hearing how far it has come.
     */
    Extraction extract(Path file, String fileName, String declaredType, ScanReading.Listener listener) {
        Extraction first = readWhole(file, fileName, declaredType);
        if (!TikaParsing.PDF_TYPE.equals(first.mediaType()) || !first.status().hasText() || !properties.ocr()) {
            return first;
        }
        List<Integer> scanned = ScanReading.pagesWithoutText(first);
        if (scanned.isEmpty()) {
            return first;
        }
        if (!ocr().available()) {
            return first.text().isBlank() && first.reason() == null ? first.withReason(ocr().reason()) : first;
        }
        return scans.read(file, first, scanned, properties.writeLimit(), listener);
    }

    /** Reads one waiting page of a scan, if any: what an idle worker does before it takes a new file. */
    boolean helpWithScans() {
        return scans.helpOnce();
    }

    /** {@code wake} is run when a scan's pages are queued, so that idle workers come and help. */
    void onScanPagesQueued(Runnable wake) {
        scans.onPagesQueued(wake);
    }

    private Extraction ocrPage(Path pdf, int page) {
        if (pool != null) {
            return pool.ocrPage(pdf, page);
        }
        return limited(parsing.submit(() -> inProcess.ocrPage(pdf, page)), TikaParsing.PDF_TYPE);
    }

    private Extraction readWhole(Path file, String fileName, String declaredType) {
        if (pool != null) {
            return pool.extract(file, fileName, declaredType);
        }
        return limited(parsing.submit(() -> inProcess.read(file, fileName, declaredType)), declaredType);
    }

    private Extraction limited(Future<Extraction> future, String declaredType) {
        try {
            return future.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return Extraction.failed(ExtractionStatus.TIMED_OUT,
                    Reason.of("reason.timedOut", properties.timeout().toSeconds()), declaredType);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return Extraction.failed(ExtractionStatus.FAILED, Reason.of("reason.interrupted"), declaredType);
        } catch (ExecutionException e) {
            return Extraction.failed(ExtractionStatus.FAILED, TikaParsing.describe(e.getCause()), declaredType);
        }
    }

    /** Whether Tesseract and its language packs are installed; checked once, reported in health. */
    OcrAvailability ocr() {
        return OcrAvailability.of(properties.ocrLanguages());
    }

    @PreDestroy
    void close() {
        if (pool != null) {
            pool.close();
        }
        if (parsing != null) {
            parsing.shutdownNow();
        }
    }
}
