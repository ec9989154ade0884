package vn.hoclieu.ingest.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
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
        if (pool != null) {
            return pool.extract(file, fileName, declaredType);
        }
        Future<Extraction> future = parsing.submit(() -> inProcess.read(file, fileName, declaredType));
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
