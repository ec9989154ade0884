package vn.hoclieu.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.hoclieu.catalog.CatalogService;
import vn.hoclieu.catalog.ContentExtracted;
import vn.hoclieu.catalog.ResourceChanged;
import vn.hoclieu.catalog.ResourceSnapshot;

/**
 * Keeps the index a faithful projection of the catalogue: indexes a resource when it changes or
 * its text is extracted (after the commit, so only committed facts are indexed), and at start-up
 * catches up with anything a crash left out. A change is searchable within a second; the worker
 * that extracted a file waits until it is, so a finished job means a searchable file.
 */
@Component
public class ResourceIndexer {

    private static final Logger log = LoggerFactory.getLogger(ResourceIndexer.class);

    private final LuceneIndex index;
    private final CatalogService catalog;
    private final ReentrantLock[] locks = new ReentrantLock[32];

    ResourceIndexer(LuceneIndex index, CatalogService catalog) {
        this.index = index;
        this.catalog = catalog;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ResourceChanged event) {
        safely(event.resourceId(), event.awaitSearchable());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ContentExtracted event) {
        safely(event.resourceId(), true);
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        int changed = reconcile();
        if (changed > 0) {
            log.info("Brought {} resources in the search index up to date", changed);
        }
    }

    /** @return the index generation of the change, or -1 if it failed */
    private long safely(long resourceId, boolean awaitSearchable) {
        try {
            long generation = write(resourceId);
            if (awaitSearchable) {
                index.awaitSearchable(generation);
            }
            return generation;
        } catch (RuntimeException | IOException e) {
            // The database holds the truth; the next start-up reconciliation repairs the index.
            log.warn("could not index resource {}: {}", resourceId, e.toString());
            return -1;
        }
    }

    /**
     * Reads the resource's committed state and writes it to the index. The lock spans both, so of
     * two threads indexing one resource (the upload's and the worker's), the later read is the
     * later write: a stale snapshot can never overwrite a fresher one.
     */
    public void index(long resourceId) throws IOException {
        index.awaitSearchable(write(resourceId));
    }

    private long write(long resourceId) throws IOException {
        ReentrantLock lock = locks[Math.floorMod(Long.hashCode(resourceId), locks.length)];
        lock.lock();
        try {
            Optional<ResourceSnapshot> snapshot = catalog.snapshot(resourceId);
            return snapshot.isEmpty() ? index.delete(Long.toString(resourceId))
                    : index.upsert(Long.toString(resourceId), ResourceDocuments.of(snapshot.get()));
        } finally {
            lock.unlock();
        }
    }

    /** Indexes what is missing or stale and removes what no longer exists; returns how many changed. */
    public int reconcile() {
        Map<Long, Long> indexed = indexedVersions();
        int changed = 0;
        long last = -1;
        for (Map.Entry<Long, java.time.Instant> entry : catalog.versions().entrySet()) {
            Long version = indexed.remove(entry.getKey());
            if (version == null || version != entry.getValue().toEpochMilli()) {
                last = Math.max(last, safely(entry.getKey(), false));
                changed++;
            }
        }
        for (Long gone : indexed.keySet()) {
            last = Math.max(last, safely(gone, false));
            changed++;
        }
        if (last >= 0) {
            try {
                index.awaitSearchable(last);
            } catch (IOException e) {
                log.warn("index reopen after reconciliation failed: {}", e.toString());
            }
        }
        return changed;
    }

    private Map<Long, Long> indexedVersions() {
        Map<Long, Long> versions = new HashMap<>();
        return index.withSearcher(searcher -> {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    Document d = stored.document(doc, java.util.Set.of(Fields.ID, Fields.VERSION,
                            Fields.DISPLAY_LICENCE));
                    // a document from before hits carried their licence is stale, whatever its version
                    versions.put(Long.parseLong(d.get(Fields.ID)), d.get(Fields.DISPLAY_LICENCE) == null ? -1L
                            : d.getField(Fields.VERSION).numericValue().longValue());
                }
            }
            return versions;
        });
    }

}
