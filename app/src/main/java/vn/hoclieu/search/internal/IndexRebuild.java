package vn.hoclieu.search.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.hoclieu.catalog.CatalogFeeds;
import vn.hoclieu.search.RebuildStatus;
import vn.hoclieu.search.SearchProperties;

/**
 * Rebuilds the index from the catalogue while the current one keeps serving: every resource is
 * read and written into a new index aside ({@link LuceneIndex#openAside}) by a few threads; the
 * resources changed meanwhile are re-applied to it, in rounds while changes keep coming and a last
 * time under the swap lock; then the new index is swapped in ({@link LuceneIndex#swap}). One
 * rebuild at a time. If it fails or the application stops, the new index is abandoned and the old
 * one stays in use.
 */
@Component
@LuceneBackend
public class IndexRebuild {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);
    /** Catch-up rounds before the swap: each one shorter than the last while changes come slower than they are applied. */
    private static final int CATCH_UP_ROUNDS = 5;
    private static final int SMALL_ENOUGH_TO_SWAP = 100;

    private final LuceneIndex index;
    private final ResourceIndexer indexer;
    private final CatalogFeeds catalog;
    private final int threads;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<Progress> latest = new AtomicReference<>();
    private volatile boolean stopping;
    private volatile Thread background;
    /** Runs between writing every resource and catching up with the changes made meanwhile: a seam for tests. */
    volatile Runnable afterBulkWrite = () -> { };

    IndexRebuild(LuceneIndex index, ResourceIndexer indexer, CatalogFeeds catalog, SearchProperties properties) {
        this.index = index;
        this.indexer = indexer;
        this.catalog = catalog;
        this.threads = properties.rebuildThreads();
    }

    /** Starts a rebuild in the background; false if one is already running. */
    public boolean start() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        Progress progress = begin();
        Thread thread = new Thread(() -> {
            try {
                build(progress);
            } finally {
                running.set(false);
            }
        }, "index-rebuild");
        thread.setDaemon(true);
        background = thread;
        thread.start();
        return true;
    }

    /**
     * Rebuilds in the calling thread and returns the outcome.
     *
     * @throws IllegalStateException if a rebuild is already running
     */
    public RebuildStatus run() {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("a rebuild of the search index is already running");
        }
        try {
            Progress progress = begin();
            build(progress);
            return progress.status();
        } finally {
            running.set(false);
        }
    }

    public RebuildStatus status() {
        Progress progress = latest.get();
        return progress == null ? RebuildStatus.IDLE : progress.status();
    }

    private Progress begin() {
        Progress progress = new Progress();
        latest.set(progress);
        return progress;
    }

    private void build(Progress progress) {
        try (LuceneIndex.Aside aside = index.openAside()) {
            List<Long> ids = catalog.allResourceIds();
            progress.total.set(ids.size());
            log.info("Rebuilding the search index: {} resources into {}", ids.size(), aside.path);
            writeAll(ids, aside, progress);
            // One segment: every search pays per segment (each clause looks its terms up in each), and a
            // rebuilt catalogue is read far more than it is written. On the search benchmark's 100,000
            // resources, 11 segments merged into one in 17 s and made a search 15-25% cheaper (docs/performance.md,
            // Measured). Changes made later add segments as usual, merged by the usual policy.
            long merging = System.nanoTime();
            aside.writer.forceMerge(1);
            aside.writer.commit();
            log.info("Merged the new index into one segment in {} ms", (System.nanoTime() - merging) / 1_000_000);
            progress.bulkFinished = System.nanoTime();
            afterBulkWrite.run();
            for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
                Set<String> changed = index.changedSinceLastAsked();
                catchUp(aside, changed, progress);
                if (changed.size() < SMALL_ENOUGH_TO_SWAP) {
                    break;
                }
            }
            index.swap(aside, changed -> catchUp(aside, changed, progress));
            progress.finish(RebuildStatus.State.DONE, null);
            log.info("Rebuilt the search index: {} resources in {}, {} changed meanwhile and re-applied", ids.size(),
                    aside.path.getFileName(), progress.reapplied.get());
        } catch (IOException | RuntimeException e) {
            progress.finish(RebuildStatus.State.FAILED, stopping ? "the application stopped" : e.toString());
            log.warn("Rebuilding the search index failed; the current index stays in use: {}", e.toString());
        }
    }

    /** Reads and writes every resource with a few threads taking ids from one list. */
    private void writeAll(List<Long> ids, LuceneIndex.Aside aside, Progress progress) throws IOException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(1, Math.min(threads, ids.size())); t++) {
            Thread worker = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < ids.size() && failure.get() == null;
                         i = next.getAndIncrement()) {
                        if (stopping) {
                            throw new CancellationException("the application is stopping");
                        }
                        Optional<Document> doc = indexer.document(ids.get(i));
                        if (doc.isPresent()) {
                            aside.add(doc.get());
                        }
                        progress.done.incrementAndGet();
                    }
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "index-rebuild-" + (t + 1));
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, e);
                stopping = true;
            }
        }
        Exception e = failure.get();
        if (e instanceof IOException io) {
            throw io;
        } else if (e != null) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** Writes the current state of each changed resource (or its absence) into the new index. */
    private void catchUp(LuceneIndex.Aside aside, Set<String> changed, Progress progress) throws IOException {
        for (String id : changed) {
            Optional<Document> doc = indexer.document(Long.parseLong(id));
            if (doc.isPresent()) {
                aside.upsert(id, doc.get());
            } else {
                aside.delete(id);
            }
            progress.reapplied.incrementAndGet();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        Thread thread = background;
        if (thread != null) {
            thread.join(30_000);
        }
    }

    /** The counters of one rebuild, read by whoever asks while it runs. */
    private static final class Progress {
        final Instant startedAt = Instant.now();
        final long started = System.nanoTime();
        final AtomicLong done = new AtomicLong();
        final AtomicLong total = new AtomicLong();
        final AtomicLong reapplied = new AtomicLong();
        volatile long bulkFinished;
        volatile RebuildStatus.State state = RebuildStatus.State.RUNNING;
        volatile Instant finishedAt;
        volatile String error;

        void finish(RebuildStatus.State outcome, String why) {
            error = why;
            finishedAt = Instant.now();
            state = outcome;
        }

        RebuildStatus status() {
            long end = bulkFinished != 0 ? bulkFinished : System.nanoTime();
            double seconds = Math.max(1e-3, (end - started) / 1e9);
            return new RebuildStatus(state, done.get(), total.get(), reapplied.get(), startedAt, finishedAt,
                    done.get() / seconds, error);
        }
    }
}
