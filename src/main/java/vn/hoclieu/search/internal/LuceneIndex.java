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
 * The one {@link IndexWriter} of the instance and near-real-time searchers over it. Changes are
 * visible to searches as soon as they are written; they are committed to disk every couple of
 * seconds (the index is a projection of the database, so a crash loses nothing that a
 * reconciliation at start cannot restore).
 */
@Component
class LuceneIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer;
    private final FacetsConfig facets = new FacetsConfig();
    private volatile FacetState facetState;

    LuceneIndex(SearchProperties properties) throws IOException {
        Files.createDirectories(properties.indexDir());
        this.directory = FSDirectory.open(properties.indexDir());
        this.analyzer = perFieldAnalyzer();
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
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

    void upsert(String id, Document doc) throws IOException {
        writer.updateDocument(new Term(Fields.ID, id), facets.build(doc));
        searchers.maybeRefreshBlocking();
    }

    void delete(String id) throws IOException {
        writer.deleteDocuments(new Term(Fields.ID, id));
        searchers.maybeRefreshBlocking();
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
        commit();
        searchers.close();
        writer.close();
        directory.close();
        analyzer.close();
    }

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }
}
