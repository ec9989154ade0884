package vn.hoclieu.search.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
import vn.hoclieu.catalog.CatalogFeeds;
import vn.hoclieu.catalog.ContentExtracted;
import vn.hoclieu.catalog.ResourceChanged;
import vn.hoclieu.catalog.UsageChanged;
import vn.hoclieu.concurrent.StripedLocks;
import vn.hoclieu.search.IndexCheck;
import vn.hoclieu.search.RebuildStatus;
import vn.hoclieu.search.SearchProperties;

/**
 * Keeps the Solr collection a projection of the catalogue, as {@link ResourceIndexer} keeps the
 * embedded index: after each committed change, at start, and periodically ({@link SolrReconciliation}:
 * updates that failed are retried and the catalogue's recent changes compared by version). A change
 * a worker waits for is soft-committed before it returns; others are searchable within the
 * configset's soft-commit interval (1 s).
 *
 * <p>A rebuild fills a new collection aside ({@link SolrCollection#newName}, the current one's
 * configset, shards and replicas) while the current one keeps serving and taking changes; the
 * resources changed meanwhile are re-applied to the new one, the alias is moved to it, what changed
 * while the alias spread is re-applied once more, and the old collection is deleted.
 */
@Component
@SolrBackend
class SolrIndexer {

    private static final Logger log = LoggerFactory.getLogger(SolrIndexer.class);
    private static final int PAGE = 1000;
    private static final int BATCH = 200;
    private static final int CATCH_UP_ROUNDS = 5;
    private static final int SMALL_ENOUGH_TO_SWAP = 100;
    /** How long every node may take to see a moved alias (ZooKeeper watches): writes to the old collection meanwhile are re-applied. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final SolrCollection solr;
    private final CatalogFeeds catalog;
    private final boolean reconcileOnStart;
    /** Held from reading a resource's committed state to writing it: of two threads indexing it, the later read is the later write. */
    private final StripedLocks locks = new StripedLocks(32);
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.IDLE);
    /** Resources whose last update did not reach Solr: retried by the periodic reconciliation. */
    private final Set<Long> failed = ConcurrentHashMap.newKeySet();
    /** While a rebuild runs: the resources changed since it began, to re-apply to the new collection. */
    private volatile Set<Long> changedDuringRebuild;
    /** Runs between filling the new collection and catching up with the changes made meanwhile: a seam for tests. */
    volatile Runnable afterBulkWrite = () -> { };

    SolrIndexer(SolrCollection solr, CatalogFeeds catalog, SearchProperties properties) {
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
        try {
            solr.ensure();
        } catch (RuntimeException e) {
            log.warn("Solr collection {} not reachable at start: {}", solr.name(), e.toString());
            return;
        }
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
            failed.remove(resourceId);
            return true;
        } catch (RuntimeException e) {
            // the database holds the truth: the periodic reconciliation retries it
            failed.add(resourceId);
            log.warn("could not index resource {} in Solr: {}", resourceId, e.toString());
            return false;
        }
    }

    /** Writes the resource's committed state (or its absence); with {@code awaitSearchable}, returns once searches see it. */
    void write(long resourceId, boolean awaitSearchable) {
        Set<Long> recording = changedDuringRebuild;
        if (recording != null) {
            recording.add(resourceId); // before the write: a write that fails is re-applied too
        }
        write(resourceId, awaitSearchable, solr.name());
    }

    private void write(long resourceId, boolean awaitSearchable, String collection) {
        try (StripedLocks.Held held = locks.lock(resourceId)) {
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
            solr.send(update, collection);
        }
    }

    void awaitSearchable() {
        commit(solr.name(), true);
    }

    private void commit(String collection, boolean soft) {
        UpdateRequest commit = new UpdateRequest();
        commit.setAction(AbstractUpdateRequest.ACTION.COMMIT, false, true, soft);
        solr.send(commit, collection);
    }

    /** Indexes what is missing, stale or duplicated and deletes what is extra; returns how many changed. */
    int reconcile() {
        return check(true).repaired();
    }

    // --- checking -----------------------------------------------------------------------------------------

    /**
     * Compares the collection with the catalogue, shard by shard (a resource indexed in two shards is
     * duplicated): ids and versions read with cursorMark paging. With {@code repair}, re-indexes what is
     * missing, stale or duplicated (its copies deleted everywhere first), deletes what is extra, and
     * returns once searches see the result.
     */
    IndexCheck check(boolean repair) {
        String live = solr.current().orElseGet(solr::prepare);
        Map<Long, Long> indexed = new HashMap<>();
        Set<Long> duplicated = new TreeSet<>();
        int documents = 0;
        for (String shard : solr.shards(live)) {
            Map<Long, Long> inShard = indexedVersions(shard);
            documents += inShard.size();
            inShard.forEach((id, version) -> {
                if (indexed.putIfAbsent(id, version) != null) {
                    duplicated.add(id);
                }
            });
        }
        Map<Long, Instant> versions = catalog.versions();
        List<Long> missing = new ArrayList<>();
        List<Long> stale = new ArrayList<>();
        for (Map.Entry<Long, Instant> entry : versions.entrySet()) {
            Long version = indexed.remove(entry.getKey());
            if (version == null) {
                missing.add(entry.getKey());
            } else if (version != entry.getValue().toEpochMilli()) {
                stale.add(entry.getKey());
            }
        }
        List<Long> extra = new ArrayList<>(indexed.keySet());
        int repaired = 0;
        if (repair) {
            if (!duplicated.isEmpty()) {
                // a delete by id reaches only the shard the id is routed to; by query, every shard
                UpdateRequest delete = new UpdateRequest();
                duplicated.forEach(id -> delete.deleteByQuery(Fields.ID + ":" + id));
                solr.send(delete);
            }
            Set<Long> toWrite = new TreeSet<>(missing);
            toWrite.addAll(stale);
            toWrite.addAll(extra);
            toWrite.addAll(duplicated);
            for (Long id : toWrite) {
                if (safely(id, false)) {
                    repaired++;
                }
            }
            if (!toWrite.isEmpty()) {
                awaitSearchable();
            }
        }
        Collections.sort(missing);
        Collections.sort(stale);
        Collections.sort(extra);
        return new IndexCheck(versions.size(), documents, missing, stale, extra, List.copyOf(duplicated), repaired);
    }

    /** Every id in one shard and its version (-1 for a document from before hits carried their licence). */
    private Map<Long, Long> indexedVersions(String shard) {
        Map<Long, Long> versions = new HashMap<>();
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            SolrQuery q = new SolrQuery("*:*").setFields(Fields.ID, Fields.VERSION, Fields.DISPLAY_LICENCE)
                    .setRows(PAGE).setSort(Fields.ID, SolrQuery.ORDER.asc);
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            q.set("shards", shard);
            QueryResponse response = solr.send(new QueryRequest(q));
            response.getResults().forEach(d -> versions.put(id(d), version(d)));
            String next = response.getNextCursorMark();
            if (next == null || next.equals(cursor)) {
                return versions;
            }
            cursor = next;
        }
    }

    /** The indexed versions of these resources (those indexed at all). */
    private Map<Long, Long> indexedVersions(Collection<Long> ids) {
        Map<Long, Long> versions = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += PAGE) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + PAGE));
            StringBuilder terms = new StringBuilder();
            chunk.forEach(id -> terms.append(terms.isEmpty() ? "" : ",").append(id));
            SolrQuery q = new SolrQuery("{!terms f=" + Fields.ID + "}" + terms)
                    .setFields(Fields.ID, Fields.VERSION, Fields.DISPLAY_LICENCE).setRows(chunk.size());
            solr.send(new QueryRequest(q)).getResults().forEach(d -> versions.put(id(d), version(d)));
        }
        return versions;
    }

    private static long id(SolrDocument d) {
        return Long.parseLong((String) d.getFirstValue(Fields.ID));
    }

    private static long version(SolrDocument d) {
        Object version = d.getFirstValue(Fields.VERSION);
        return version == null || d.getFirstValue(Fields.DISPLAY_LICENCE) == null ? -1L : ((Number) version).longValue();
    }

    // --- periodic reconciliation ----------------------------------------------------------------------------

    /**
     * One round of the periodic reconciliation: retries the updates that failed, compares the resources
     * changed since {@code since} with their indexed versions, and, if the collection and the catalogue
     * hold different numbers of resources (a deletion that never reached Solr), reconciles everything.
     * When nothing changed it costs one query per thousand recent changes and two counts. Throws if Solr
     * is unreachable (the caller then reaches back over this round next time); a resource Solr keeps
     * refusing stays among the failed ones, retried each round, without holding the change feed back.
     */
    int reconcileSince(Instant since) {
        solr.ensure();
        int changed = 0;
        for (Long id : new ArrayList<>(failed)) {
            if (safely(id, false)) {
                changed++;
            }
        }
        Map<Long, Instant> recent = catalog.versionsSince(since);
        Map<Long, Long> indexed = indexedVersions(recent.keySet());
        for (Map.Entry<Long, Instant> entry : recent.entrySet()) {
            Long version = indexed.get(entry.getKey());
            if ((version == null || version != entry.getValue().toEpochMilli()) && safely(entry.getKey(), false)) {
                changed++;
            }
        }
        if (changed > 0) {
            awaitSearchable();
        }
        long inSolr = solr.send(new QueryRequest(new SolrQuery("*:*").setRows(0))).getResults().getNumFound();
        if (inSolr != catalog.resourceCount()) {
            changed += reconcile();
        }
        return changed;
    }

    /** Resources whose last update has not reached Solr yet. */
    Set<Long> failed() {
        return Set.copyOf(failed);
    }

    // --- rebuilding -------------------------------------------------------------------------------------

    boolean startRebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        status.set(new RebuildStatus(RebuildStatus.State.RUNNING, 0, 0, 0, Instant.now(), null, 0, null));
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
        Set<Long> changed = ConcurrentHashMap.newKeySet();
        String fresh = null;
        boolean swapped = false;
        try {
            String old = solr.current().orElseGet(solr::prepare);
            SolrCollection.Layout layout = solr.layout(old);
            fresh = solr.newName();
            changedDuringRebuild = changed;
            solr.create(fresh, layout);
            List<Long> ids = catalog.allResourceIds();
            status.set(new RebuildStatus(RebuildStatus.State.RUNNING, 0, ids.size(), 0, started, null, 0, null));
            log.info("Rebuilding the Solr collection: {} resources into {} beside {}", ids.size(), fresh, old);
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
                List<SolrInputDocument> docs = new ArrayList<>();
                for (Long id : chunk) {
                    catalog.snapshot(id).map(SolrDocuments::of).ifPresent(docs::add);
                }
                if (!docs.isEmpty()) {
                    solr.send(new UpdateRequest().add(docs), fresh);
                }
                status.updateAndGet(s -> progress(s, chunk.size(), 0));
            }
            commit(fresh, false);
            afterBulkWrite.run();
            for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
                if (reapply(drain(changed), fresh) < SMALL_ENOUGH_TO_SWAP) {
                    break;
                }
            }
            commit(fresh, false);
            solr.point(fresh);
            swapped = true;
            Thread.sleep(SETTLE.toMillis());
            changedDuringRebuild = null;
            reapply(drain(changed), fresh);
            commit(fresh, true);
            if (!old.equals(fresh)) {
                try {
                    solr.delete(old);
                } catch (RuntimeException e) {
                    log.warn("Solr collection {} no longer used but not deleted: {}", old, e.toString());
                }
            }
            RebuildStatus s = status.get();
            RebuildStatus done = new RebuildStatus(RebuildStatus.State.DONE, s.done(), s.total(), s.reapplied(),
                    started, Instant.now(), rate(s.done(), started), null);
            status.set(done);
            log.info("Rebuilt the Solr collection: {} resources in {} (alias {}), {} changed meanwhile and re-applied",
                    s.done(), fresh, solr.name(), s.reapplied());
            return done;
        } catch (RuntimeException | InterruptedException e) {
            changedDuringRebuild = null;
            log.warn("Solr rebuild failed; the current collection stays in use: {}", e.toString());
            if (fresh != null && !swapped) {
                try {
                    solr.delete(fresh);
                } catch (RuntimeException cleanup) {
                    log.warn("Solr collection {} of the failed rebuild not deleted: {}", fresh, cleanup.toString());
                }
            }
            RebuildStatus s = status.get();
            RebuildStatus failedStatus = new RebuildStatus(RebuildStatus.State.FAILED, s.done(), s.total(),
                    s.reapplied(), started, Instant.now(), rate(s.done(), started), e.toString());
            status.set(failedStatus);
            return failedStatus;
        } finally {
            changedDuringRebuild = null;
            rebuilding.set(false);
        }
    }

    private static Set<Long> drain(Set<Long> changed) {
        Set<Long> taken = new HashSet<>();
        for (Long id : new ArrayList<>(changed)) {
            if (changed.remove(id)) {
                taken.add(id);
            }
        }
        return taken;
    }

    /** Writes these resources' current state into the new collection; returns how many. */
    private int reapply(Set<Long> ids, String collection) {
        for (Long id : ids) {
            write(id, false, collection);
        }
        status.updateAndGet(s -> progress(s, 0, ids.size()));
        return ids.size();
    }

    RebuildStatus rebuildStatus() {
        return status.get();
    }

    private static RebuildStatus progress(RebuildStatus s, long more, long reapplied) {
        return new RebuildStatus(s.state(), s.done() + more, s.total(), s.reapplied() + reapplied, s.startedAt(), null,
                rate(s.done() + more, s.startedAt()), null);
    }

    private static double rate(long done, Instant started) {
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : done / seconds;
    }
}
