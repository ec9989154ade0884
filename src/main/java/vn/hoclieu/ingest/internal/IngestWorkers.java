package vn.hoclieu.ingest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.hoclieu.catalog.CatalogService;
import vn.hoclieu.catalog.ContentExtracted;
import vn.hoclieu.catalog.ExtractionOutcome;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.catalog.FileForExtraction;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.catalog.ResourceFileStored;
import vn.hoclieu.ingest.IngestJob;
import vn.hoclieu.ingest.IngestProperties;
import vn.hoclieu.ingest.JobStatus;
import vn.hoclieu.storage.BlobStore;
import vn.hoclieu.storage.StoredBlob;

/**
 * The worker pool: threads that claim queued jobs from the database (a conditional UPDATE, so a
 * job runs once), extract the file, record the outcome and finish the job in one transaction.
 * Workers are woken when an upload commits and otherwise poll once a second.
 */
@Component
class IngestWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestWorkers.class);

    private final IngestJobRepository jobs;
    private final CatalogService catalog;
    private final BlobStore blobs;
    private final TikaExtractor extractor;
    private final NearDuplicates nearDuplicates;
    private final IngestProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Semaphore wakeUp = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    IngestWorkers(IngestJobRepository jobs, CatalogService catalog, BlobStore blobs, TikaExtractor extractor,
                  NearDuplicates nearDuplicates, IngestProperties properties,
                  ApplicationEventPublisher events, TransactionTemplate tx) {
        this.nearDuplicates = nearDuplicates;
        this.jobs = jobs;
        this.catalog = catalog;
        this.blobs = blobs;
        this.extractor = extractor;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
    }

    @TransactionalEventListener
    void onStored(ResourceFileStored event) {
        wakeUp.release();
    }

    @Override
    public void start() {
        // A file that was being read during each of the last crashes is not tried again.
        int gaveUp = tx.execute(s -> {
            List<IngestJob> doomed = jobs.findByStatusAndAttemptsGreaterThanEqual(JobStatus.RUNNING,
                    properties.maxAttempts());
            doomed.forEach(j -> giveUp(j, Reason.of("reason.crashedWhileReading", j.getAttempts())));
            return doomed.size();
        });
        if (gaveUp > 0) {
            log.warn("{} ingestion jobs were running at {} crashes in a row; marked FAILED", gaveUp,
                    properties.maxAttempts());
        }
        int requeued = tx.execute(s -> jobs.requeueRunning());
        if (requeued > 0) {
            log.info("Re-queued {} ingestion jobs interrupted by the last shutdown", requeued);
        }
        running = true;
        for (int i = 0; i < properties.workers(); i++) {
            Thread t = new Thread(this::work, "ingest-worker-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        wakeUp.release(threads.size());
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        String me = Thread.currentThread().getName();
        while (running) {
            try {
                Optional<Long> claimed = claim(me);
                if (claimed.isPresent()) {
                    process(claimed.get());
                } else {
                    wakeUp.tryAcquire(1, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                // Nothing may kill a worker; a job left RUNNING is re-queued at the next start.
                log.warn("ingest worker {} error: {}", me, e.toString());
                sleepQuietly();
            }
        }
    }

    private Optional<Long> claim(String worker) {
        return tx.execute(s -> {
            for (Long id : jobs.claimable(Instant.now(), Limit.of(8))) {
                if (jobs.claim(id, worker, Instant.now()) == 1) {
                    return Optional.of(id);
                }
            }
            return Optional.<Long>empty();
        });
    }

    private void process(long jobId) {
        IngestJob job = jobs.findById(jobId).orElseThrow();
        try {
            Optional<FileForExtraction> file = catalog.fileForExtraction(job.getFileId());
            if (file.isEmpty()) {
                tx.executeWithoutResult(s -> jobs.findById(jobId).ifPresent(j -> j.finish(Reason.of("reason.fileGone"))));
                return;
            }
            FileForExtraction f = file.get();
            Path path = blobs.localPath(f.sha256());
            Extraction extraction = extractor.extract(path, f.name(), f.mediaType());
            String textSha = null;
            Long textLength = null;
            if (!extraction.text().isEmpty()) {
                byte[] bytes = extraction.text().getBytes(StandardCharsets.UTF_8);
                StoredBlob stored = blobs.store(new ByteArrayInputStream(bytes));
                textSha = stored.sha256();
                textLength = (long) extraction.text().length();
            }
            String fingerprint = TextFingerprint.of(extraction.text());
            NearDuplicates.Match near = nearDuplicates.closest(fingerprint, f.resourceId()).orElse(null);
            ExtractionOutcome outcome = new ExtractionOutcome(extraction.status(), extraction.reason(),
                    extraction.title(), extraction.author(), extraction.language(), extraction.pages(),
                    extraction.durationSeconds(), extraction.ocr(), extraction.legacyEncoding(), textSha, textLength,
                    extraction.mediaType(), thumbnail(extraction.thumbnail()), extraction.launchPath(),
                    fingerprint, near == null ? null : near.resourceId(), near == null ? null : near.similarity(),
                    extraction.cueStarts(), extraction.keywords());
            // First the outcome (the index is updated right after this commit, in this thread),
            // then the job: a finished job means a searchable file. A crash in between re-runs the
            // job, which is harmless: extraction and indexing are idempotent.
            tx.executeWithoutResult(s -> {
                catalog.recordExtraction(f.fileId(), outcome);
                events.publishEvent(new ContentExtracted(f.resourceId(), f.fileId(), extraction.status()));
            });
            JobStatus ended = extraction.status() == ExtractionStatus.FAILED
                    || extraction.status() == ExtractionStatus.TIMED_OUT ? JobStatus.FAILED : JobStatus.DONE;
            tx.executeWithoutResult(s -> jobs.findById(jobId).ifPresent(j -> j.finish(ended, extraction.status()
                    + (extraction.reason() == null ? "" : ": " + extraction.reason()))));
        } catch (IOException | RuntimeException | Error e) {
            log.warn("ingest job {} ({}) failed: {}", jobId, job.getFileName(), e.toString());
            tx.executeWithoutResult(s -> jobs.findById(jobId).ifPresent(j -> {
                if (j.getAttempts() >= properties.maxAttempts()) {
                    giveUp(j, Reason.of("reason.gaveUp", j.getAttempts(), e.toString()));
                } else {
                    j.fail(e.toString(), properties.maxAttempts());
                }
            }));
        }
    }

    /** The preview drawn by the extractor, stored like any blob (the same picture is stored once). */
    private String thumbnail(byte[] jpeg) throws IOException {
        return jpeg == null || jpeg.length == 0 ? null : blobs.store(new ByteArrayInputStream(jpeg)).sha256();
    }

    /** Ends a job as FAILED and records the file as unreadable, so the librarian sees why. */
    private void giveUp(IngestJob job, String reason) {
        job.fail(reason, 0);
        catalog.recordExtraction(job.getFileId(), new ExtractionOutcome(ExtractionStatus.FAILED, reason, null, null,
                null, null, null, false, null, null, null, null, null, null, null, null, null, List.of()));
        events.publishEvent(new ContentExtracted(job.getResourceId(), job.getFileId(), ExtractionStatus.FAILED));
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
