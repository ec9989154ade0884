package vn.hoclieu.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.hoclieu.search.SearchProperties;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/**
 * The index of the instance: one {@link IndexWriter} and near-real-time searchers over it (an
 * {@link IndexGeneration}). One thread reopens the searcher for everyone: within
 * {@value #MIN_STALE_SECONDS} s when somebody waits to see a change (a worker finishing a job), at
 * most {@value #MAX_STALE_SECONDS} s after a change otherwise — so a bulk import shares one reopen
 * among many documents instead of paying one per document. Changes are committed to disk every
 * couple of seconds (the index is a projection of the database, so a crash loses nothing that a
 * reconciliation at start cannot restore).
 *
 * <p>A rebuild ({@link IndexRebuild}) writes a complete new index aside while this one keeps
 * serving and taking changes; the ids changed meanwhile are recorded ({@link #changedSinceLastAsked})
 * and re-applied to the new index, the last of them under the swap lock, which holds changes back
 * for the moment of the {@link #swap}. Searches already running finish on the old searcher; the old
 * folder is deleted once the last of them has.
 */
@Component
@LuceneBackend
class LuceneIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);
    /** How long a swapped-out index waits for searches still running on it before it is closed anyway. */
    private static final Duration RETIRE_WAIT = Duration.ofSeconds(60);

    /**
     * A reopen writes the new documents' postings as a segment of their own, which later merges
     * read again: one for each file of a bulk import cost more than indexing it (docs/performance.md).
     * A tenth of a second lets the workers' files of that moment share one.
     */
    static final double MIN_STALE_SECONDS = 0.1;
    static final double MAX_STALE_SECONDS = 1.0;

    private final IndexLocation location;
    private final Analyzer analyzer;
    private final Ranking ranking;
    private final FacetsConfig facets = new FacetsConfig();
    /** Changes hold it shared, the swap exclusively: no change can go to an index being swapped out. */
    private final ReentrantReadWriteLock swapLock = new ReentrantReadWriteLock();
    private volatile IndexGeneration current;
    /** The ids changed while a rebuild runs, or null when none does. */
    private volatile Set<String> changedDuringRebuild;
    private volatile FacetState facetState;

    @Autowired
    LuceneIndex(SearchProperties properties) throws IOException {
        this(properties, Ranking.DEFAULT);
    }

    /** An index whose searchers score with {@code ranking}'s similarity (the ranking experiments try others). */
    LuceneIndex(SearchProperties properties, Ranking ranking) throws IOException {
        this.location = new IndexLocation(properties.indexDir());
        this.analyzer = perFieldAnalyzer();
        this.ranking = ranking;
        Path path = location.current();
        Files.createDirectories(path);
        this.current = IndexGeneration.open(path, analyzer, ranking.similarity(), MAX_STALE_SECONDS,
                MIN_STALE_SECONDS);
        for (String dim : Fields.MULTI_VALUED_FACETS) {
            facets.setMultiValued(dim, true);
        }
        for (Path leftover : location.leftovers(path)) {
            log.info("Deleting {}: an index that was swapped out or a rebuild that did not finish", leftover);
            IndexLocation.delete(leftover);
        }
    }

    /** Field name → analyzer: every text field is analysed four ways; anything else folded. */
    private static Analyzer perFieldAnalyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        Analyzer exact = VietnameseAnalysis.exact();
        Analyzer folded = VietnameseAnalysis.folded();
        Analyzer exact2 = VietnameseAnalysis.exactBigrams();
        Analyzer folded2 = VietnameseAnalysis.foldedBigrams();
        for (String field : Fields.TEXT_FIELDS) {
            perField.put(field + Fields.EXACT, exact);
            perField.put(field + Fields.FOLDED, folded);
            perField.put(field + Fields.EXACT_BIGRAMS, exact2);
            perField.put(field + Fields.FOLDED_BIGRAMS, folded2);
        }
        return new PerFieldAnalyzerWrapper(folded, perField);
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** How searches of this index rank. */
    Ranking ranking() {
        return ranking;
    }

    FacetsConfig facetsConfig() {
        return facets;
    }

    /** The generation being served. */
    IndexGeneration current() {
        return current;
    }

    /** The folder of the index being served. */
    Path path() {
        return current.path;
    }

    /** A change written to one index generation; {@link #awaitSearchable} waits for it. */
    record Change(IndexGeneration generation, long sequence) {
    }

    /** Adds or replaces a document; searches see it within a second, or {@link #awaitSearchable} for it. */
    Change upsert(String id, Document doc) throws IOException {
        Document built = facets.build(doc);
        swapLock.readLock().lock();
        try {
            IndexGeneration g = current;
            Change change = new Change(g, g.writer.updateDocument(new Term(Fields.ID, id), built));
            record(id);
            return change;
        } finally {
            swapLock.readLock().unlock();
        }
    }

    /** Removes a document; searches stop seeing it within a second, or {@link #awaitSearchable} for it. */
    Change delete(String id) throws IOException {
        swapLock.readLock().lock();
        try {
            IndexGeneration g = current;
            Change change = new Change(g, g.writer.deleteDocuments(new Term(Fields.ID, id)));
            record(id);
            return change;
        } finally {
            swapLock.readLock().unlock();
        }
    }

    /** Sets a resource's popularity in place, without re-analysing its text; a no-op if it is not indexed. */
    void updatePopularity(String id, long popularity) throws IOException {
        swapLock.readLock().lock();
        try {
            current.writer.updateNumericDocValue(new Term(Fields.ID, id), Fields.POPULARITY, popularity);
            record(id);
        } finally {
            swapLock.readLock().unlock();
        }
    }

    private void record(String id) {
        Set<String> changed = changedDuringRebuild;
        if (changed != null) {
            changed.add(id);
        }
    }

    /** Returns once searches see {@code change} (within a few tens of milliseconds). */
    void awaitSearchable(Change change) throws IOException {
        IndexGeneration g = change.generation();
        try {
            while (g == current && !g.reopener.waitForGeneration(change.sequence(), 1_000)) {
                if (!g.reopener.isAlive()) {
                    // closing, or the reopen thread died of an I/O error: reopen here, as a last resort
                    if (g == current) {
                        g.searchers.maybeRefreshBlocking();
                    }
                    return;
                }
            }
            // a change to an index since swapped out was re-applied to its successor, searchable before the swap
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the change is written: the next reopen shows it
        } catch (AlreadyClosedException swappedOut) {
            // as above
        }
    }

    /** Work with the current near-real-time searcher; it is released whatever happens. */
    <T> T withSearcher(SearcherWork<T> work) {
        try {
            while (true) {
                IndexGeneration g = current;
                g.users.incrementAndGet();
                try {
                    IndexSearcher searcher;
                    try {
                        searcher = g.searchers.acquire();
                    } catch (AlreadyClosedException swappedOut) {
                        if (g == current) {
                            throw swappedOut;
                        }
                        continue; // the index was swapped between reading current and acquiring: use the new one
                    }
                    try {
                        return work.apply(searcher);
                    } finally {
                        g.searchers.release(searcher);
                    }
                } finally {
                    g.users.decrementAndGet();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Facet ordinals for the current reader; rebuilt only when the reader changes. */
    SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState state = facetState;
        if (state == null || state.reader != reader) {
            state = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, facets));
            facetState = state;
        }
        return state.state;
    }

    @Scheduled(fixedDelayString = "${hoclieu.search.commit-interval:2s}")
    void commit() {
        try {
            current.commitIfChanged();
        } catch (IOException | AlreadyClosedException e) {
            log.warn("index commit failed: {}", e.toString());
        }
    }

    // --- rebuilding aside -------------------------------------------------------------------------------

    /** A new index being written beside the one served; nothing searches it until {@link #swap}. */
    final class Aside implements AutoCloseable {

        final Path path;
        private final Directory directory;
        final IndexWriter writer;
        private boolean swapped;

        private Aside(Path path) throws IOException {
            this.path = path;
            this.directory = FSDirectory.open(path);
            try {
                this.writer = IndexGeneration.writer(directory, analyzer, ranking.similarity());
            } catch (IOException | RuntimeException e) {
                directory.close();
                throw e;
            }
        }

        void add(Document doc) throws IOException {
            writer.addDocument(facets.build(doc));
        }

        void upsert(String id, Document doc) throws IOException {
            writer.updateDocument(new Term(Fields.ID, id), facets.build(doc));
        }

        void delete(String id) throws IOException {
            writer.deleteDocuments(new Term(Fields.ID, id));
        }

        /** Abandons the new index unless it was swapped in: the one served stays. */
        @Override
        public void close() {
            if (swapped) {
                return;
            }
            stopRecording();
            try {
                writer.rollback();
                directory.close();
            } catch (IOException | RuntimeException e) {
                log.warn("closing the abandoned index {}: {}", path, e.toString());
            }
            IndexLocation.delete(path);
        }
    }

    /** Starts recording changed ids and opens a fresh folder for the new index. */
    Aside openAside() throws IOException {
        changedDuringRebuild = ConcurrentHashMap.newKeySet();
        try {
            return new Aside(location.next());
        } catch (IOException | RuntimeException e) {
            stopRecording();
            throw e;
        }
    }

    private void stopRecording() {
        changedDuringRebuild = null;
    }

    /** The ids changed since the rebuild started or since this was last asked, and forgets them. */
    Set<String> changedSinceLastAsked() {
        Set<String> changed = changedDuringRebuild;
        if (changed == null) {
            return Set.of();
        }
        Set<String> taken = new HashSet<>();
        for (String id : changed) {
            if (changed.remove(id)) {
                taken.add(id);
            }
        }
        return taken;
    }

    /** Re-applies the changes made since the last call to the index being rebuilt. */
    @FunctionalInterface
    interface CatchUp {
        void apply(Set<String> changed) throws IOException;
    }

    /**
     * Serves the new index from now on. Holding back changes meanwhile, it re-applies the last ones
     * ({@code catchUp}), commits, points {@link IndexLocation} at the new folder (the moment the
     * choice becomes durable) and swaps; then it closes the old index once the searches still running
     * on it are done, and deletes its folder. If anything fails before the pointer is written, the
     * old index stays in use.
     */
    void swap(Aside aside, CatchUp catchUp) throws IOException {
        IndexGeneration old;
        swapLock.writeLock().lock();
        try {
            catchUp.apply(changedSinceLastAsked());
            aside.writer.commit();
            IndexGeneration next = new IndexGeneration(aside.path, aside.directory, aside.writer,
                    MAX_STALE_SECONDS, MIN_STALE_SECONDS);
            try {
                location.point(aside.path);
            } catch (IOException | RuntimeException e) {
                next.reopener.close();
                next.searchers.close();
                throw e;
            }
            aside.swapped = true;
            stopRecording();
            old = current;
            current = next;
        } finally {
            swapLock.writeLock().unlock();
        }
        retire(old);
    }

    private void retire(IndexGeneration old) {
        try {
            old.reopener.close();
            awaitIdle(old);
            old.close(false); // its folder goes: nothing to commit
            awaitIdle(old); // a search that took its searcher just before it closed
        } catch (IOException | RuntimeException e) {
            log.warn("closing the index swapped out, {}: {}", old.path, e.toString());
        }
        IndexLocation.delete(old.path);
    }

    private static void awaitIdle(IndexGeneration g) {
        long deadline = System.nanoTime() + RETIRE_WAIT.toNanos();
        while (g.users.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            current.close(true);
        } finally {
            analyzer.close();
        }
    }

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }
}
