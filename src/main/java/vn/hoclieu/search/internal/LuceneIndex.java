package vn.hoclieu.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.hoclieu.search.SearchProperties;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/**
 * The one {@link IndexWriter} of the instance and near-real-time searchers over it. One thread
 * reopens the searcher for everyone: within {@value #MIN_STALE_SECONDS} s when somebody waits to
 * see a change (a worker finishing a job), at most {@value #MAX_STALE_SECONDS} s after a change
 * otherwise — so a bulk import shares one reopen among many documents instead of paying one per
 * document. Changes are committed to disk every couple of seconds (the index is a projection of
 * the database, so a crash loses nothing that a reconciliation at start cannot restore).
 */
@Component
class LuceneIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    private final Analyzer analyzer;

    static final double MIN_STALE_SECONDS = 0.02;
    static final double MAX_STALE_SECONDS = 1.0;
    private final FacetsConfig facets = new FacetsConfig();
    private volatile FacetState facetState;

    LuceneIndex(SearchProperties properties) throws IOException {
        Files.createDirectories(properties.indexDir());
        this.directory = FSDirectory.open(properties.indexDir());
        this.analyzer = perFieldAnalyzer();
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        // a reopen must not wait for merges of the small segments it flushed; they run in the background
        config.setMaxFullFlushMergeWaitMillis(0);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
        this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, MAX_STALE_SECONDS, MIN_STALE_SECONDS);
        reopener.setName("index-reopen");
        reopener.setDaemon(true);
        reopener.start();
        for (String dim : Fields.MULTI_VALUED_FACETS) {
            facets.setMultiValued(dim, true);
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

    FacetsConfig facetsConfig() {
        return facets;
    }

    /** Adds or replaces a document; searches see it within a second, or {@link #awaitSearchable} for it. */
    long upsert(String id, Document doc) throws IOException {
        return writer.updateDocument(new Term(Fields.ID, id), facets.build(doc));
    }

    /** Removes a document; searches stop seeing it within a second, or {@link #awaitSearchable} for it. */
    long delete(String id) throws IOException {
        return writer.deleteDocuments(new Term(Fields.ID, id));
    }

    /** Sets a resource's popularity in place, without re-analysing its text; a no-op if it is not indexed. */
    long updatePopularity(String id, long popularity) throws IOException {
        return writer.updateNumericDocValue(new Term(Fields.ID, id), Fields.POPULARITY, popularity);
    }

    /** Returns once searches see the change numbered {@code generation} (within a few tens of milliseconds). */
    void awaitSearchable(long generation) throws IOException {
        try {
            while (!reopener.waitForGeneration(generation, 1_000)) {
                if (!reopener.isAlive()) {
                    // closing, or the reopen thread died of an I/O error: reopen here, as a last resort
                    searchers.maybeRefreshBlocking();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the change is written: the next reopen shows it
        }
    }

    /** Work with the current near-real-time searcher; it is released whatever happens. */
    <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
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
        FacetState current = facetState;
        if (current == null || current.reader != reader) {
            current = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, facets));
            facetState = current;
        }
        return current.state;
    }

    @Scheduled(fixedDelayString = "${hoclieu.search.commit-interval:2s}")
    void commit() {
        try {
            if (writer.isOpen() && writer.hasUncommittedChanges()) {
                writer.commit();
            }
        } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
            log.warn("index commit failed: {}", e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        reopener.close();
        commit();
        searchers.close();
        writer.close();
        directory.close();
        analyzer.close();
    }

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }
}
