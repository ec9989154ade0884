package vn.hoclieu.search;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.internal.DidYouMean;
import vn.hoclieu.search.internal.DocumentSearch;
import vn.hoclieu.search.internal.QueryLog;
import vn.hoclieu.search.internal.QuerySuggestions;
import vn.hoclieu.search.internal.RelatedMaterials;
import vn.hoclieu.search.internal.IndexRebuild;
import vn.hoclieu.search.internal.ResourceIndexer;
import vn.hoclieu.search.internal.Searcher;

/** Search over the catalogue, as the viewer may see it. */
@Service
public class SearchService {

    private final Searcher searcher;
    private final ResourceIndexer indexer;
    private final RelatedMaterials related;
    private final DocumentSearch documents;
    private final DidYouMean didYouMean;
    private final QueryLog queryLog;
    private final QuerySuggestions querySuggestions;
    private final IndexRebuild rebuild;

    SearchService(Searcher searcher, ResourceIndexer indexer, RelatedMaterials related, DocumentSearch documents,
                  DidYouMean didYouMean, QueryLog queryLog, QuerySuggestions querySuggestions,
                  IndexRebuild rebuild) {
        this.searcher = searcher;
        this.indexer = indexer;
        this.related = related;
        this.documents = documents;
        this.didYouMean = didYouMean;
        this.queryLog = queryLog;
        this.querySuggestions = querySuggestions;
        this.rebuild = rebuild;
    }

    /**
     * @throws SearchException (400) for a query that cannot be answered as asked
     */
    public SearchPage search(SearchRequest request, Viewer viewer) {
        SearchPage page = didYouMean.offer(request, viewer, searcher.search(request, viewer));
        queryLog.record(request, page);
        return page;
    }

    /** Titles and frequent successful queries that complete what is being typed. */
    public List<Suggestion> suggest(String prefix, Viewer viewer) {
        return querySuggestions.merge(prefix, viewer, searcher.suggest(prefix, viewer, 10), 10);
    }

    /** The queries asked most often in [from, to) — for librarians' statistics, not for the public. */
    public List<QueryCount> topQueries(Instant from, Instant to, int limit) {
        return queryLog.topQueries(from, to, limit);
    }

    /** The queries that most often found nothing in [from, to) — for librarians' statistics. */
    public List<QueryCount> zeroResultQueries(Instant from, Instant to, int limit) {
        return queryLog.zeroResultQueries(from, to, limit);
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

    /**
     * Compares the index with the catalogue and, with {@code repair}, re-indexes what is missing,
     * stale or duplicated and deletes what is extra; returns what it found.
     */
    public IndexCheck checkIndex(boolean repair) {
        return indexer.check(repair);
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
