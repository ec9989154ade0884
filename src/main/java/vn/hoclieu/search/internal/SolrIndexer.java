package vn.hoclieu.search.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.hoclieu.catalog.CatalogService;
import vn.hoclieu.catalog.ContentExtracted;
import vn.hoclieu.catalog.ResourceChanged;
import vn.hoclieu.catalog.UsageChanged;
import vn.hoclieu.search.RebuildStatus;
import vn.hoclieu.search.SearchProperties;

/**
 * Keeps the Solr collection a projection of the catalogue, as {@link ResourceIndexer} keeps the
 * embedded index: after each committed change, at start (reconciliation by version), and on a
 * rebuild, which here re-sends every resource to the live collection (no index is built aside). A
 * change a worker waits for is soft-committed before it returns; others are searchable within the
 * configset's soft-commit interval (1 s).
 */
@Component
@SolrBackend
class SolrIndexer {

    private static final Logger log = LoggerFactory.getLogger(SolrIndexer.class);
    private static final int PAGE = 1000;

    private final SolrCollection solr;
    private final CatalogService catalog;
    private final boolean reconcileOnStart;
    private final StripedLocks locks = new StripedLocks(32);
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.IDLE);

    SolrIndexer(SolrCollection solr, CatalogService catalog, SearchProperties properties) {
        this.solr = solr;
        this.catalog = catalog;
        this.reconcileOnStart = properties.reconcileOnStart();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ResourceChanged event) {
        safely(event.resourceId(), event.awaitSearchable());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ContentExtracted event) {
        safely(event.resourceId(), true);
    }

    /** Popularity is replaced in place (docValues only); a resource not in the collection is left out. */
    @EventListener
    void on(UsageChanged event) {
        event.popularity().forEach((id, popularity) -> {
            SolrInputDocument doc = new SolrInputDocument();
            doc.addField(Fields.ID, Long.toString(id));
            doc.addField(Fields.POPULARITY, Map.of("set", popularity));
            doc.addField("_version_", 1L); // only if it exists: never a document of popularity alone
            try {
                solr.send(new UpdateRequest().add(doc));
            } catch (RuntimeException e) {
                log.debug("popularity of resource {} not updated in Solr: {}", id, e.toString());
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        if (!reconcileOnStart) {
            return;
        }
        try {
            int changed = reconcile();
            if (changed > 0) {
                log.info("Brought {} resources in the Solr collection up to date", changed);
            }
        } catch (RuntimeException e) {
            log.warn("Solr collection not reconciled at start: {}", e.toString());
        }
    }

    private boolean safely(long resourceId, boolean awaitSearchable) {
        try {
            write(resourceId, awaitSearchable);
            return true;
        } catch (RuntimeException e) {
            // the database holds the truth: the next reconciliation repairs the collection
            log.warn("could not index resource {} in Solr: {}", resourceId, e.toString());
            return false;
        }
    }

    /** Writes the resource's committed state (or its absence); with {@code awaitSearchable}, returns once searches see it. */
    void write(long resourceId, boolean awaitSearchable) {
        ReentrantLock lock = locks.of(resourceId);
        lock.lock();
        try {
            Optional<SolrInputDocument> doc = catalog.snapshot(resourceId).map(SolrDocuments::of);
            UpdateRequest update = new UpdateRequest();
            if (doc.isPresent()) {
                update.add(doc.get());
            } else {
                update.deleteById(Long.toString(resourceId));
            }
            if (awaitSearchable) {
                update.setAction(AbstractUpdateRequest.ACTION.COMMIT, false, true, true);
            }
            solr.send(update);
        } finally {
            lock.unlock();
        }
    }

    void awaitSearchable() {
        UpdateRequest commit = new UpdateRequest();
        commit.setAction(AbstractUpdateRequest.ACTION.COMMIT, false, true, true);
        solr.send(commit);
    }

    int reconcile() {
        return reconcile(false);
    }

    private int reconcile(boolean everything) {
        Map<Long, Long> indexed = indexedVersions();
        int changed = 0;
        for (Map.Entry<Long, Instant> entry : catalog.versions().entrySet()) {
            Long version = indexed.remove(entry.getKey());
            if (everything || version == null || version != entry.getValue().toEpochMilli()) {
                safely(entry.getKey(), false);
                changed++;
                if (everything) {
                    status.updateAndGet(s -> progress(s, 1));
                }
            }
        }
        for (Long gone : indexed.keySet()) {
            safely(gone, false);
            changed++;
        }
        if (changed > 0) {
            awaitSearchable();
        }
        return changed;
    }

    /** Every indexed id and its version (-1 for a document from before hits carried their licence). */
    private Map<Long, Long> indexedVersions() {
        Map<Long, Long> versions = new HashMap<>();
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            SolrQuery q = new SolrQuery("*:*").setFields(Fields.ID, Fields.VERSION, Fields.DISPLAY_LICENCE)
                    .setRows(PAGE).setSort(Fields.ID, SolrQuery.ORDER.asc);
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse response = solr.send(new QueryRequest(q));
            for (SolrDocument d : response.getResults()) {
                Object version = d.getFirstValue(Fields.VERSION);
                versions.put(Long.parseLong((String) d.getFirstValue(Fields.ID)),
                        version == null || d.getFirstValue(Fields.DISPLAY_LICENCE) == null ? -1L
                                : ((Number) version).longValue());
            }
            String next = response.getNextCursorMark();
            if (next == null || next.equals(cursor)) {
                return versions;
            }
            cursor = next;
        }
    }

    // --- rebuilding -------------------------------------------------------------------------------------

    boolean startRebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        Thread thread = new Thread(this::rebuildHeld, "solr-rebuild");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    RebuildStatus rebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            throw new IllegalStateException("a rebuild is already running");
        }
        return rebuildHeld();
    }

    private RebuildStatus rebuildHeld() {
        Instant started = Instant.now();
        try {
            long total = catalog.versions().size();
            status.set(new RebuildStatus(RebuildStatus.State.RUNNING, 0, total, 0, started, null, 0, null));
            reconcile(true);
            RebuildStatus s = status.get();
            RebuildStatus done = new RebuildStatus(RebuildStatus.State.DONE, s.done(), s.total(), 0, started,
                    Instant.now(), rate(s.done(), started), null);
            status.set(done);
            return done;
        } catch (RuntimeException e) {
            log.warn("Solr rebuild failed: {}", e.toString());
            RebuildStatus s = status.get();
            RebuildStatus failed = new RebuildStatus(RebuildStatus.State.FAILED, s.done(), s.total(), 0, started,
                    Instant.now(), rate(s.done(), started), e.toString());
            status.set(failed);
            return failed;
        } finally {
            rebuilding.set(false);
        }
    }

    RebuildStatus rebuildStatus() {
        return status.get();
    }

    private static RebuildStatus progress(RebuildStatus s, long more) {
        return new RebuildStatus(s.state(), s.done() + more, s.total(), s.reapplied(), s.startedAt(), null,
                rate(s.done() + more, s.startedAt()), null);
    }

    private static double rate(long done, Instant started) {
        double seconds = java.time.Duration.between(started, Instant.now()).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : done / seconds;
    }
}
