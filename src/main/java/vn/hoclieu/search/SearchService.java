package vn.hoclieu.search;

import java.util.List;
import org.springframework.stereotype.Service;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.internal.DidYouMean;
import vn.hoclieu.search.internal.ResourceIndexer;
import vn.hoclieu.search.internal.Searcher;

/** Search over the catalogue, as the viewer may see it. */
@Service
public class SearchService {

    private final Searcher searcher;
    private final ResourceIndexer indexer;
    private final DidYouMean didYouMean;

    SearchService(Searcher searcher, ResourceIndexer indexer, DidYouMean didYouMean) {
        this.searcher = searcher;
        this.indexer = indexer;
        this.didYouMean = didYouMean;
    }

    /**
     * @throws SearchException (400) for a query that cannot be answered as asked
     */
    public SearchPage search(SearchRequest request, Viewer viewer) {
        return didYouMean.offer(request, viewer, searcher.search(request, viewer));
    }

    public List<Suggestion> suggest(String prefix, Viewer viewer) {
        return searcher.suggest(prefix, viewer, 10);
    }

    /** Brings the index in line with the catalogue; returns how many resources changed. */
    public int reconcile() {
        return indexer.reconcile();
    }
}
