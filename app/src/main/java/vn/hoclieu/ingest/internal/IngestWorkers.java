package vn.hoclieu.ingest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.catalog.ContentExtracted;
import vn.hoclieu.catalog.ExtractionOutcome;
import vn.hoclieu.catalog.ExtractionResults;
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
 * The worker pool: threads that claim queued jobs from the database (a row lock with SKIP LOCKED
 * and a conditional UPDATE, so a job runs once even with several nodes on one database) and extract
 * the file; a recorder then records the outcome, waits until the file is searchable and finishes the
 * job, while its worker reads on (up to {@value #RECORDINGS_AHEAD} files ahead). Workers are woken
 * when an upload commits and otherwise poll once a second. Each claim is a lease that a heartbeat
 * of this node extends while a worker holds it; the jobs of a node that died are reclaimed by any
 * node once their lease runs out. What a worker records afterwards is conditional on its claim
 * ({@link JobClaims}).
 */
@Component
class IngestWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestWorkers.class);

    private final IngestJobRepository jobs;
    private final ExtractionResults catalog;
    private final BlobStore blobs;
    private final TikaExtractor extractor;
    private final NearDuplicates nearDuplicates;
    private final IngestProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Semaphore wakeUp = new Semaphore(0);
    /** Who claims: a name stable across restarts, so that a node restarted after a crash takes back its own jobs. */
    private final String node;
    private final Duration lease;
    private final JobClaims claims;
    /** Made at each start: a context may be stopped and started again (Spring's test contexts are). */
    private ScheduledExecutorService heartbeat;
    private final List<Thread> threads = new ArrayList<>();
    /** Record what the workers read (up to {@value #RECORDINGS_AHEAD} recordings per worker at a time); made at each start. */
    private ExecutorService recorders;
    private volatile boolean running;

    IngestWorkers(IngestJobRepository jobs, ExtractionResults catalog, BlobStore blobs, TikaExtractor extractor,
                  NearDuplicates nearDuplicates, IngestProperties properties,
                  ApplicationEventPublisher events, TransactionTemplate tx,
                  @Value("${hoclieu.node-name:}") String nodeName, @Value("${hoclieu.data-dir:./data}") Path dataDir,
                  @Value("${hoclieu.ingest.lease:1m}") Duration lease) {
        this.node = nodeName == null || nodeName.isBlank() ? defaultNodeName(dataDir) : cut(nodeName.strip(), 200);
        this.lease = lease.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : lease;
        this.nearDuplicates = nearDuplicates;
        this.jobs = jobs;
        this.catalog = catalog;
        this.blobs = blobs;
        this.extractor = extractor;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
        this.claims = new JobClaims(jobs, tx, node, this.lease);
    }

    @TransactionalEventListener
    void onStored(ResourceFileStored event) {
        wakeUp.release();
    }

    @Override
    public void start() {
        // this node's own jobs from before it started are abandoned for certain: take them back now
        reclaimAbandoned(node);
        running = true;
        long beat = Math.max(200, lease.toMillis() / 3);
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
        extractor.onScanPagesQueued(() -> wakeUp.release(threads.size()));
        AtomicInteger recorderNumber = new AtomicInteger();
        recorders = Executors.newFixedThreadPool(properties.workers() * RECORDINGS_AHEAD, r -> {
            Thread t = new Thread(r, "ingest-recorder-" + recorderNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
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
        if (recorders != null) {
            recorders.shutdown();
            try {
                recorders.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            recorders = null;
        }
        // the leases are kept until the workers are gone, so no other node takes a job still being read
        if (heartbeat != null) {
            heartbeat.shutdown();
            heartbeat = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        String me = Thread.currentThread().getName();
        ExecutorService mine = recorders;
        // what this worker has read and is being recorded while it reads on (see process)
        Recordings recordings = new Recordings();
        try {
            while (running) {
                try {
                    // a scan's pages waiting for OCR come first: its reader is already at work on them
                    if (extractor.helpWithScans()) {
                        continue;
                    }
                    Optional<JobClaims.Claim> claimed = claims.next(me);
                    if (claimed.isPresent()) {
                        Recording record = null;
                        try {
                            record = process(claimed.get());
                        } finally {
                            if (record == null) {
                                claims.release(claimed.get());
                            }
                        }
                        if (record != null) {
                            recordings.makeRoomFor(record.characters());
                            Runnable r = record.work();
                            JobClaims.Claim c = claimed.get();
                            Runnable recordAndRelease = () -> {
                                try {
                                    r.run();
                                } finally {
                                    claims.release(c);
                                }
                            };
                            try {
                                recordings.add(mine.submit(recordAndRelease), record.characters());
                            } catch (RejectedExecutionException stopping) {
                                recordAndRelease.run();
                            }
                        }
                    } else {
                        recordings.awaitAll();
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
        } finally {
            recordings.awaitAll();
        }
    }

    /**
     * How many files a worker may have read and not yet seen searchable: while they wait for the
     * index's next reopen, the worker reads on, and one reopen makes several files searchable at
     * once (a reopen for each file cost more than indexing it; see docs/performance.md). Bounded in
     * number and in the text they hold.
     */
    static final int RECORDINGS_AHEAD = 4;
    static final long CHARACTERS_AHEAD = 8_000_000;

    /** One read file's recording, waiting to be handed to a recorder. */
    private record Recording(Runnable work, long characters) {
    }

    /** A worker's recordings not yet finished, oldest first. */
    private static final class Recordings {
        private final ArrayDeque<Future<?>> running = new ArrayDeque<>();
        private final ArrayDeque<Long> sizes = new ArrayDeque<>();
        private long characters;

        /** Waits for the oldest recordings until one more of this size fits. */
        void makeRoomFor(long size) {
            while (!running.isEmpty()
                    && (running.size() >= RECORDINGS_AHEAD || characters + size > CHARACTERS_AHEAD)) {
                awaitOldest();
            }
        }

        void add(Future<?> recording, long size) {
            running.add(recording);
            sizes.add(size);
            characters += size;
        }

        void awaitAll() {
            while (!running.isEmpty()) {
                awaitOldest();
            }
        }

        private void awaitOldest() {
            awaitQuietly(running.poll());
            characters -= sizes.poll();
        }
    }

    /** Waits for a recording to end; it reports its own failures. */
    private static void awaitQuietly(Future<?> recording) {
        if (recording == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                recording.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the recording finishes the job: wait for it all the same
            } catch (ExecutionException e) {
                log.warn("recording an ingestion job failed: {}", e.getCause().toString());
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Extends the leases of the jobs this node's workers hold, then reclaims the jobs of nodes that stopped extending theirs. */
    void beat() {
        try {
            claims.extendHeld();
            if (reclaimAbandoned(null) > 0) {
                wakeUp.release(threads.size());
            }
        } catch (RuntimeException e) {
            // the database is away for a moment: the next beat tries again (a lease lasts three beats)
            log.warn("ingest heartbeat of {} failed: {}", node, e.toString());
        }
    }

    /**
     * Queues again the running jobs whose node is gone ({@code ownNode}: also this node's, at its
     * start). A file that was being read during each of the last {@code max-attempts} crashes is
     * not tried again: it ends FAILED with the reason.
     */
    private int reclaimAbandoned(String ownNode) {
        int reclaimed = tx.execute(s -> {
            int n = 0;
            for (Long id : jobs.lockAbandoned(Instant.now(), ownNode)) {
                IngestJob j = jobs.findById(id).orElseThrow();
                if (j.getAttempts() >= properties.maxAttempts()) {
                    giveUp(j, Reason.of("reason.crashedWhileReading", j.getAttempts()));
                    log.warn("ingestion job {} ({}) was running at {} crashes in a row; marked FAILED", id,
                            j.getFileName(), j.getAttempts());
                } else {
                    jobs.requeue(id);
                }
                n++;
            }
            return n;
        });
        if (reclaimed > 0) {
            log.info("Re-queued {} ingestion jobs abandoned by {}", reclaimed,
                    ownNode == null ? "a node that stopped" : "the last run of this node");
        }
        return reclaimed;
    }

    /** host:data-folder — two nodes never share a data folder (each has its own index there). */
    static String defaultNodeName(Path dataDir) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return cut(host + ":" + dataDir.toAbsolutePath().normalize(), 200);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(s.length() - max);
    }

    /** This node's name in {@code ingest_job.claimed_node}. */
    String node() {
        return node;
    }

    /**
     * Reads the claimed job's file; returns what records the reading and finishes the job, or null when
     * the job ended here (its file gone, or a failure). The recording ends with the file searchable, which
     * takes the index's next reopen: the worker that read the file hands it to a recorder and reads on
     * meanwhile, so a reopen no longer holds a worker (the job still ends only once searchable).
     */
    private Recording process(JobClaims.Claim claim) {
        long jobId = claim.jobId();
        IngestJob job = jobs.findById(jobId).orElseThrow();
        try {
            Optional<FileForExtraction> file = catalog.fileForExtraction(job.getFileId());
            if (file.isEmpty()) {
                claims.finish(claim, JobStatus.DONE, Reason.of("reason.fileGone"));
                return null;
            }
            FileForExtraction f = file.get();
            Path path = blobs.localPath(f.sha256());
            Extraction extraction = extractor.extract(path, f.name(), f.mediaType(),
                    (done, total, sofar) -> recordPagesRead(claim, f, done, total, sofar));
            String fingerprint = TextFingerprint.of(extraction.text());
            // kept at once, so that the files read next are compared with it before it is recorded
            NearDuplicates.Match near = nearDuplicates.closestKeeping(fingerprint, f.fileId(), f.resourceId())
                    .orElse(null);
            return new Recording(() -> {
                try {
                    record(claim, f, extraction, fingerprint, near);
                } catch (IOException | RuntimeException | Error e) {
                    failed(claim, job, e);
                }
            }, extraction.text().length());
        } catch (RuntimeException | Error e) {
            failed(claim, job, e);
            return null;
        }
    }

    /** Records what a reading gave, then finishes the job: a finished job means a searchable file. */
    private void record(JobClaims.Claim claim, FileForExtraction f, Extraction extraction, String fingerprint,
                        NearDuplicates.Match near) throws IOException {
        ExtractionOutcome outcome = outcome(extraction, fingerprint, near);
        // First the outcome (the index is updated right after this commit, in this thread),
        // then the job: a finished job means a searchable file. A crash in between re-runs the
        // job, which is harmless: extraction and indexing are idempotent.
        // Only while the claim holds: the conditional update locks the job's row, so it cannot be claimed
        // again until this commits; a claim already lost records nothing (the new claimant will).
        boolean recorded = Boolean.TRUE.equals(tx.execute(s -> {
            if (!claims.holds(claim)) {
                return false;
            }
            catalog.recordExtraction(f.fileId(), outcome);
            jobs.allPagesRead(claim.jobId());
            return true;
        }));
        if (!recorded) {
            nearDuplicates.remember(f.fileId(), f.resourceId(), null); // whoever claimed it now records it
            return;
        }
        // Published once committed, outside the transaction: the index is updated and awaited in this
        // thread, which then holds no database connection while it waits for the reopen.
        events.publishEvent(new ContentExtracted(f.resourceId(), f.fileId(), extraction.status()));
        nearDuplicates.remember(f.fileId(), f.resourceId(), fingerprint);
        JobStatus ended = extraction.status() == ExtractionStatus.FAILED
                || extraction.status() == ExtractionStatus.TIMED_OUT ? JobStatus.FAILED : JobStatus.DONE;
        claims.finish(claim, ended, extraction.status()
                + (extraction.reason() == null ? "" : ": " + extraction.reason()));
    }

    /** A job that failed on its way: tried again later, or after its last attempt ended FAILED with the reason. */
    private void failed(JobClaims.Claim claim, IngestJob job, Throwable e) {
        nearDuplicates.remember(job.getFileId(), job.getResourceId(), null);
        log.warn("ingest job {} ({}) failed: {}", claim.jobId(), job.getFileName(), e.toString());
        int attempts = job.getAttempts();
        if (attempts >= properties.maxAttempts()) {
            String reason = Reason.of("reason.gaveUp", attempts, e.toString());
            tx.executeWithoutResult(s -> {
                if (claims.giveUp(claim, reason)) {
                    recordUnreadable(job, reason);
                }
            });
        } else {
            claims.retryLater(claim, e.toString(), Instant.now().plusSeconds(1L << Math.min(attempts, 8)));
        }
    }

    /** What a reading gave, its text and preview stored as blobs, ready for the catalogue. */
    private ExtractionOutcome outcome(Extraction extraction, String fingerprint, NearDuplicates.Match near)
            throws IOException {
        String textSha = null;
        Long textLength = null;
        if (!extraction.text().isEmpty()) {
            byte[] bytes = extraction.text().getBytes(StandardCharsets.UTF_8);
            StoredBlob stored = blobs.store(new ByteArrayInputStream(bytes));
            textSha = stored.sha256();
            textLength = (long) extraction.text().length();
        }
        return new ExtractionOutcome(extraction.status(), extraction.reason(),
                extraction.title(), extraction.author(), extraction.language(), extraction.pages(),
                extraction.durationSeconds(), extraction.ocr(), extraction.legacyEncoding(), textSha, textLength,
                extraction.mediaType(), thumbnail(extraction.thumbnail()), extraction.launchPath(),
                fingerprint, near == null ? null : near.resourceId(), near == null ? null : near.similarity(),
                extraction.cueStarts(), extraction.keywords());
    }

    /**
     * A scan's pages read so far: recorded and indexed, so that they can be found while the rest is
     * read, and the job's progress shown. Only while the claim holds; a failure here costs only the
     * early view, since the whole reading is recorded at the end.
     */
    private void recordPagesRead(JobClaims.Claim claim, FileForExtraction f, int done, int total, Extraction sofar) {
        try {
            ExtractionOutcome outcome = outcome(sofar, null, null);
            tx.executeWithoutResult(s -> {
                if (claims.holds(claim)) {
                    jobs.recordPages(claim.jobId(), done, total);
                    catalog.recordExtraction(f.fileId(), outcome);
                    events.publishEvent(new ContentExtracted(f.resourceId(), f.fileId(), sofar.status()));
                }
            });
            nearDuplicates.remember(f.fileId(), f.resourceId(), null); // no signature until the whole text is read
        } catch (IOException | RuntimeException e) {
            log.warn("could not record the pages read so far of {}: {}", f.name(), e.toString());
        }
    }

    /** The preview drawn by the extractor, stored like any blob (the same picture is stored once). */
    private String thumbnail(byte[] jpeg) throws IOException {
        return jpeg == null || jpeg.length == 0 ? null : blobs.store(new ByteArrayInputStream(jpeg)).sha256();
    }

    /** Ends a job as FAILED and records the file as unreadable, so the librarian sees why. */
    private void giveUp(IngestJob job, String reason) {
        job.fail(reason, 0);
        recordUnreadable(job, reason);
    }

    private void recordUnreadable(IngestJob job, String reason) {
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
