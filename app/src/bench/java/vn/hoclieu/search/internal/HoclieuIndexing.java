package vn.hoclieu.search.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import vn.hoclieu.catalog.MaterialType;
import vn.hoclieu.catalog.ResourceSnapshot;
import vn.hoclieu.catalog.ResourceStatus;
import vn.hoclieu.catalog.Visibility;
import vn.hoclieu.search.SearchProperties;

/**
 * Hoclieu's own index, as the application writes it (its analyzers, the four forms of every text
 * field, facets, stored text), for a benchmark loop that feeds it directly: no database, no jobs, no
 * waiting for each document to be searchable. What indexing alone costs, beside the whole pipeline.
 */
public final class HoclieuIndexing implements AutoCloseable {

    private static final Instant WHEN = Instant.parse("2025-01-01T00:00:00Z");

    private final LuceneIndex index;

    public HoclieuIndexing(Path folder) throws IOException {
        this.index = new LuceneIndex(new SearchProperties(folder, null, null));
    }

    /**
     * Indexes one file's text as the resource it would become (its title from the file, or its name);
     * with {@code searchable}, returns only once searches see it, as an ingestion job does.
     */
    public void add(long id, String title, String text, String mediaType, boolean searchable) throws IOException {
        ResourceSnapshot.FileText file = new ResourceSnapshot.FileText(id, title, mediaType, text, List.of());
        LuceneIndex.Change change = index.upsert(Long.toString(id), ResourceDocuments.of(new ResourceSnapshot(id, title, List.of(), null, null,
                List.of(), List.of(), MaterialType.OTHER, "CC-BY-4.0", Visibility.PUBLIC, ResourceStatus.PUBLISHED,
                null, null, null, null, WHEN, WHEN, List.of(mediaType), List.of(file), null, false)));
        if (searchable) {
            index.awaitSearchable(change);
        }
    }

    /** Writes what is buffered to disk. */
    public void commit() throws IOException {
        index.current().writer.commit();
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
