package vn.hoclieu.search;

import java.util.List;
import org.springframework.stereotype.Service;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.internal.DocumentSearch;
import vn.hoclieu.search.internal.RelatedMaterials;
import vn.hoclieu.search.internal.ResourceIndexer;
import vn.hoclieu.search.internal.Searcher;

/** Search over the catalogue, as the viewer may see it. */
@Service
public class SearchService {

    private final Searcher searcher;
    private final ResourceIndexer indexer;
    private final RelatedMaterials related;
    private final DocumentSearch documents;

    SearchService(Searcher searcher, ResourceIndexer indexer, RelatedMaterials related, DocumentSearch documents) {
        this.searcher = searcher;
        this.indexer = indexer;
        this.related = related;
        this.documents = documents;
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

    /** Resources like this one that the viewer may see, most alike first ("more like this"). */
    public List<SearchHit> related(long resourceId, Viewer viewer, int size) {
        return related.of(resourceId, viewer, size);
    }

    /**
     * Where the words occur inside one resource, in reading order, with pages and moments.
     *
     * @throws SearchException (400) for words too long to be a search
     */
    public DocumentMatches within(long resourceId, String q, Viewer viewer) {
        return documents.within(resourceId, q, viewer);
    }

    /** Brings the index in line with the catalogue; returns how many resources changed. */
    public int reconcile() {
        return indexer.reconcile();
    }
}
