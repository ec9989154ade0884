package vn.hoclieu.search.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One index directory with its writer, its near-real-time searchers and the thread that reopens
 * them. The instance serves one generation; a rebuild writes the next one aside and then swaps it
 * in ({@link LuceneIndex#swap}). {@link #users} counts searches in flight, so that the generation
 * swapped out is closed and deleted only once the last search on it has finished.
 */
final class IndexGeneration {

    final Path path;
    final Directory directory;
    final IndexWriter writer;
    final SearcherManager searchers;
    final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    final AtomicInteger users = new AtomicInteger();

    /**
     * Starts serving searches from an open writer (a new searcher sees everything it has written), each
     * searcher scoring with the writer's similarity (the ranking's BM25 parameters per field).
     */
    IndexGeneration(Path path, Directory directory, IndexWriter writer, double maxStale, double minStale)
            throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        Similarity similarity = writer.getConfig().getSimilarity();
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(similarity);
                return searcher;
            }
        });
        this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, maxStale, minStale);
        reopener.setName("index-reopen-" + path.getFileName());
        reopener.setDaemon(true);
        reopener.start();
    }

    /** Opens (or creates) the index at {@code path}. */
    static IndexGeneration open(Path path, Analyzer analyzer, Similarity similarity, double maxStale, double minStale)
            throws IOException {
        Directory directory = FSDirectory.open(path);
        try {
            return new IndexGeneration(path, directory, writer(directory, analyzer, similarity), maxStale, minStale);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    static IndexWriter writer(Directory directory, Analyzer analyzer, Similarity similarity) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setSimilarity(similarity);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        // a reopen must not wait for merges of the small segments it flushed; they run in the background
        config.setMaxFullFlushMergeWaitMillis(0);
        return new IndexWriter(directory, config);
    }

    void commitIfChanged() throws IOException {
        if (writer.isOpen() && writer.hasUncommittedChanges()) {
            writer.commit();
        }
    }

    /** Stops reopening, commits and closes; searches still holding a searcher of it may finish. */
    void close(boolean commit) throws IOException {
        reopener.close();
        try {
            if (commit) {
                commitIfChanged();
            }
        } finally {
            try {
                searchers.close();
            } finally {
                try {
                    if (commit) {
                        writer.close();
                    } else {
                        writer.rollback();
                    }
                } finally {
                    directory.close();
                }
            }
        }
    }
}
