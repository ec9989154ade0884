package vn.hoclieu.search.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.hoclieu.catalog.CatalogFeeds;
import vn.hoclieu.catalog.ContentExtracted;
import vn.hoclieu.catalog.ResourceChanged;
import vn.hoclieu.concurrent.StripedLocks;
import vn.hoclieu.search.IndexCheck;
import vn.hoclieu.search.SearchProperties;

/**
 * Keeps the index a faithful projection of the catalogue: indexes a resource when it changes or
 * its text is extracted (after the commit, so only committed facts are indexed), and at start-up
 * catches up with anything a crash left out. A change is searchable within a second; the worker
 * that extracted a file waits until it is, so a finished job means a searchable file.
 */
@Component
@LuceneBackend
public class ResourceIndexer {

    private static final Logger log = LoggerFactory.getLogger(ResourceIndexer.class);

    private final LuceneIndex index;
    private final CatalogFeeds catalog;
    /** Held from reading a resource's committed state to writing it: of two threads indexing it, the later read is the later write. */
    private final StripedLocks locks = new StripedLocks(32);

    private final boolean reconcileOnStart;

    ResourceIndexer(LuceneIndex index, CatalogFeeds catalog, SearchProperties properties) {
        this.index = index;
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

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        if (!reconcileOnStart) {
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        IndexCheck check = check(true);
        log.info("Compared the search index ({} documents) with the catalogue ({} resources) in {} ms ({} CPU ms); "
                        + "{} brought up to date", check.documents(), check.resources(),
                (System.nanoTime() - start) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000,
                check.repaired());
    }

    /** @return the change written, or null if it failed */
    private LuceneIndex.Change safely(long resourceId, boolean awaitSearchable) {
        try {
            LuceneIndex.Change change = write(resourceId);
            if (awaitSearchable) {
                index.awaitSearchable(change);
            }
            return change;
        } catch (RuntimeException | IOException e) {
            // The database holds the truth; the next start-up reconciliation repairs the index.
            log.warn("could not index resource {}: {}", resourceId, e.toString());
            return null;
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

    private LuceneIndex.Change write(long resourceId) throws IOException {
        try (StripedLocks.Held held = locks.lock(resourceId)) {
            Optional<Document> doc = document(resourceId);
            return doc.isEmpty() ? index.delete(Long.toString(resourceId))
                    : index.upsert(Long.toString(resourceId), doc.get());
        }
    }

    /** The document of the resource as committed now, or empty if it no longer exists. */
    Optional<Document> document(long resourceId) {
        return catalog.snapshot(resourceId).map(ResourceDocuments::of);
    }

    /** Indexes what is missing or stale and removes what no longer exists; returns how many changed. */
    public int reconcile() {
        return check(true).repaired();
    }

    /**
     * Compares the index with the catalogue: resources missing from it, indexed in an older version,
     * indexed more than once, and documents of resources that no longer exist. With {@code repair},
     * re-indexes or deletes each of them and returns once searches see the result.
     */
    public IndexCheck check(boolean repair) {
        List<Long> repeats = new ArrayList<>();
        Map<Long, Long> indexed = indexedVersions(repeats);
        int documents = indexed.size() + repeats.size();
        Set<Long> duplicated = new TreeSet<>(repeats);
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
        Set<Long> toWrite = new TreeSet<>(missing);
        toWrite.addAll(stale);
        toWrite.addAll(extra);
        toWrite.addAll(duplicated);
        int repaired = 0;
        if (repair) {
            LuceneIndex.Change last = null;
            for (Long id : toWrite) {
                // an upsert replaces every document of the id and a delete removes them all
                LuceneIndex.Change change = safely(id, false);
                if (change != null) {
                    repaired++;
                }
                last = later(last, change);
            }
            awaitSearchable(last, "reconciliation");
        }
        Collections.sort(missing);
        Collections.sort(stale);
        Collections.sort(extra);
        return new IndexCheck(versions.size(), documents, missing, stale, extra, List.copyOf(duplicated), repaired);
    }

    /**
     * Indexes those of {@code versions} (id → last change) that the index holds in another version
     * or not at all, and waits until they are searchable; returns how many it indexed. What this
     * node indexed itself is already current and costs one lookup.
     */
    public int catchUp(Map<Long, Instant> versions) {
        int changed = 0;
        LuceneIndex.Change last = null;
        for (Map.Entry<Long, Instant> entry : versions.entrySet()) {
            Long indexed = indexedVersion(entry.getKey());
            if (indexed == null || indexed != entry.getValue().toEpochMilli()) {
                last = later(last, safely(entry.getKey(), false));
                changed++;
            }
        }
        awaitSearchable(last, "catching up");
        return changed;
    }

    private void awaitSearchable(LuceneIndex.Change last, String after) {
        if (last != null) {
            try {
                index.awaitSearchable(last);
            } catch (IOException e) {
                log.warn("index reopen after {} failed: {}", after, e.toString());
            }
        }
    }

    private Long indexedVersion(long resourceId) {
        return index.withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, Long.toString(resourceId))), 1);
            if (top.scoreDocs.length == 0) {
                return null;
            }
            int doc = top.scoreDocs[0].doc;
            LeafReaderContext leaf = searcher.getIndexReader().leaves()
                    .get(ReaderUtil.subIndex(doc, searcher.getIndexReader().leaves()));
            NumericDocValues indexedAt = DocValues.getNumeric(leaf.reader(), Fields.VERSION_VALUE);
            if (indexedAt.advanceExact(doc - leaf.docBase)) {
                return indexedAt.longValue();
            }
            Document d = searcher.storedFields().document(doc, Set.of(Fields.VERSION));
            return d.getField(Fields.VERSION) == null ? null : d.getField(Fields.VERSION).numericValue().longValue();
        });
    }

    /** The change to wait for: the later of two (one written to a newer index generation is later). */
    private static LuceneIndex.Change later(LuceneIndex.Change a, LuceneIndex.Change b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return b.generation() != a.generation() || b.sequence() > a.sequence() ? b : a;
    }

    /**
     * Indexed id → version; each further live document of an id already seen adds the id to {@code repeats}.
     * Both come from doc values; a document written before they existed is read from its stored fields.
     */
    private Map<Long, Long> indexedVersions(List<Long> repeats) {
        Map<Long, Long> versions = new HashMap<>();
        return index.withSearcher(searcher -> {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                LeafReader reader = leaf.reader();
                Bits live = reader.getLiveDocs();
                NumericDocValues ids = DocValues.getNumeric(reader, Fields.ID_VALUE);
                NumericDocValues indexedAt = DocValues.getNumeric(reader, Fields.VERSION_VALUE);
                StoredFields stored = null;
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    long id;
                    long version;
                    if (ids.advanceExact(doc) && indexedAt.advanceExact(doc)) {
                        id = ids.longValue();
                        version = indexedAt.longValue();
                    } else {
                        stored = stored == null ? reader.storedFields() : stored;
                        Document d = stored.document(doc, Set.of(Fields.ID, Fields.VERSION, Fields.DISPLAY_LICENCE));
                        id = Long.parseLong(d.get(Fields.ID));
                        // a document from before hits carried their licence is stale, whatever its version
                        version = d.get(Fields.DISPLAY_LICENCE) == null ? -1L
                                : d.getField(Fields.VERSION).numericValue().longValue();
                    }
                    if (versions.put(id, version) != null) {
                        repeats.add(id);
                    }
                }
            }
            return versions;
        });
    }

}
