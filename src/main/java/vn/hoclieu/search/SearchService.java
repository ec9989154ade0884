package vn.hoclieu.search;

import java.util.List;
import org.springframework.stereotype.Service;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.internal.IndexRebuild;
import vn.hoclieu.search.internal.ResourceIndexer;
import vn.hoclieu.search.internal.Searcher;

/** Search over the catalogue, as the viewer may see it. */
@Service
public class SearchService {

    private final Searcher searcher;
    private final ResourceIndexer indexer;
    private final IndexRebuild rebuild;

    SearchService(Searcher searcher, ResourceIndexer indexer, IndexRebuild rebuild) {
        this.searcher = searcher;
        this.indexer = indexer;
        this.rebuild = rebuild;
    }

    /**
     * @throws SearchException (400) for a query that cannot be answered as asked
     */
    public SearchPage search(SearchRequest request, Viewer viewer) {
        return searcher.search(request, viewer);
    }

    public List<Suggestion> suggest(String prefix, Viewer viewer) {
        return searcher.suggest(prefix, viewer, 10);
    }

    /** Brings the index in line with the catalogue; returns how many resources changed. */
    public int reconcile() {
        return indexer.reconcile();
    }

    /**
     * Starts rebuilding the index from the catalogue in the background; searches keep being served
     * by the current index until the new one is complete and swapped in.
     *
     * @return false if a rebuild is already running (only one at a time)
     */
    public boolean startRebuild() {
        return rebuild.start();
    }

    /**
     * Rebuilds the index in the calling thread and swaps it in; returns the outcome.
     *
     * @throws IllegalStateException if a rebuild is already running
     */
    public RebuildStatus rebuild() {
        return rebuild.run();
    }

    /** The progress or outcome of the latest rebuild since the start. */
    public RebuildStatus rebuildStatus() {
        return rebuild.status();
    }
}
