package vn.hoclieu.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.DocumentMatches;
import vn.hoclieu.search.IndexCheck;
import vn.hoclieu.search.RebuildStatus;
import vn.hoclieu.search.SearchHit;
import vn.hoclieu.search.SearchPage;
import vn.hoclieu.search.SearchRequest;
import vn.hoclieu.search.Suggestion;

/** The embedded Lucene index under {@code data/index}: the default backend. */
@Component
@LuceneBackend
class LuceneSearchBackend implements SearchBackend {

    private final LuceneIndex index;
    private final Searcher searcher;
    private final ResourceIndexer indexer;
    private final RelatedMaterials related;
    private final DocumentSearch documents;
    private final DidYouMean didYouMean;
    private final IndexRebuild rebuild;

    LuceneSearchBackend(LuceneIndex index, Searcher searcher, ResourceIndexer indexer, RelatedMaterials related,
                        DocumentSearch documents, DidYouMean didYouMean, IndexRebuild rebuild) {
        this.index = index;
        this.searcher = searcher;
        this.indexer = indexer;
        this.related = related;
        this.documents = documents;
        this.didYouMean = didYouMean;
        this.rebuild = rebuild;
    }

    @Override
    public SearchPage search(SearchRequest request, Viewer viewer) {
        return didYouMean.offer(request, viewer, searcher.search(request, viewer));
    }

    @Override
    public List<Suggestion> suggest(String prefix, Viewer viewer, int limit) {
        return searcher.suggest(prefix, viewer, limit);
    }

    @Override
    public boolean finds(SearchRequest request, Viewer viewer) {
        return searcher.finds(request, viewer);
    }

    @Override
    public boolean anyVisible(Query query, Viewer viewer) {
        return index.withSearcher(s -> VisibleScope.of(s, index.facetsConfig(), viewer, Map.of()).any(query));
    }

    @Override
    public List<SearchHit> related(long resourceId, Viewer viewer, int size) {
        return related.of(resourceId, viewer, size);
    }

    @Override
    public DocumentMatches within(long resourceId, String q, Viewer viewer) {
        return documents.within(resourceId, q, viewer);
    }

    @Override
    public void index(long resourceId) {
        try {
            indexer.index(resourceId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int reconcile() {
        return indexer.reconcile();
    }

    @Override
    public IndexCheck check(boolean repair) {
        return indexer.check(repair);
    }

    @Override
    public boolean startRebuild() {
        return rebuild.start();
    }

    @Override
    public RebuildStatus rebuild() {
        return rebuild.run();
    }

    @Override
    public RebuildStatus rebuildStatus() {
        return rebuild.status();
    }
}
