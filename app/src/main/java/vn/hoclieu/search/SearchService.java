package vn.hoclieu.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.internal.QueryLog;
import vn.hoclieu.search.internal.QuerySuggestions;
import vn.hoclieu.search.internal.SearchBackend;

/** Search over the catalogue, as the viewer may see it, on the configured backend (embedded Lucene or SolrCloud). */
@Service
public class SearchService {

    private final SearchBackend backend;
    private final QueryLog queryLog;
    private final QuerySuggestions querySuggestions;

    SearchService(SearchBackend backend, QueryLog queryLog, QuerySuggestions querySuggestions) {
        this.backend = backend;
        this.queryLog = queryLog;
        this.querySuggestions = querySuggestions;
    }

    /**
     * @throws SearchException (400) for a query that cannot be answered as asked
     */
    public SearchPage search(SearchRequest request, Viewer viewer) {
        SearchPage page = backend.search(request, viewer);
        queryLog.record(request, page);
        return page;
    }

    /**
     * What a results page shows in place of a search that found nothing: the results of its "did you mean"
     * (same filters, order and page) when that finds something, else null. Not logged as a search: nobody
     * typed it. The API never does this; it answers the query asked, with {@code didYouMean} beside.
     */
    public SearchPage insteadOf(SearchRequest request, SearchPage page, Viewer viewer) {
        if (page.total() > 0 || page.didYouMean() == null || page.didYouMean().isBlank()) {
            return null;
        }
        SearchPage instead = backend.search(new SearchRequest(page.didYouMean(), request.page(), request.size(),
                request.sort(), request.filters()), viewer);
        return instead.total() > 0 ? instead : null;
    }

    /** Titles and frequent successful queries that complete what is being typed. */
    public List<Suggestion> suggest(String prefix, Viewer viewer) {
        return querySuggestions.merge(prefix, viewer, backend.suggest(prefix, viewer, 10), 10);
    }

    /** Frequent successful queries that would find material this viewer may see (for a page without results). */
    public List<Suggestion> popularQueries(Viewer viewer, int limit) {
        return querySuggestions.popular(viewer, limit);
    }

    /** {@link #popularQueries(Viewer, int)} that also find something with the viewer's chosen filters. */
    public List<Suggestion> popularQueries(Viewer viewer, Map<String, List<String>> filters, int limit) {
        return querySuggestions.popular(viewer, filters, limit);
    }

    /** The queries asked most often in [from, to) — for librarians' statistics, not for the public. */
    public List<QueryCount> topQueries(Instant from, Instant to, int limit) {
        return queryLog.topQueries(from, to, limit);
    }

    /**
     * The queries asked most often in [from, to), as {@code viewer} may see them: an administrator all of
     * them; anyone else only those that would find something they may see, so that another library's
     * staff searching for its own unpublished or library-only titles shows in no one else's statistics.
     */
    public List<QueryCount> topQueries(Instant from, Instant to, int limit, Viewer viewer) {
        if (viewer.has(Role.ADMIN)) {
            return topQueries(from, to, limit);
        }
        return querySuggestions.visibleTo(topQueries(from, to, 3 * limit), viewer, limit);
    }

    /** The queries that most often found nothing in [from, to) — for librarians' statistics. */
    public List<QueryCount> zeroResultQueries(Instant from, Instant to, int limit) {
        return queryLog.zeroResultQueries(from, to, limit);
    }

    /** How many searches were asked in [from, to), over the whole site (searches belong to no library). */
    public SearchCount searchCount(Instant from, Instant to) {
        return queryLog.count(from, to);
    }

    /** Resources like this one that the viewer may see, most alike first ("more like this"). */
    public List<SearchHit> related(long resourceId, Viewer viewer, int size) {
        return backend.related(resourceId, viewer, size);
    }

    /**
     * Where the words occur inside one resource, in reading order, with pages and moments.
     *
     * @throws SearchException (400) for words too long to be a search
     */
    public DocumentMatches within(long resourceId, String q, Viewer viewer) {
        return backend.within(resourceId, q, viewer);
    }

    /** Brings the index in line with the catalogue; returns how many resources changed. */
    public int reconcile() {
        return backend.reconcile();
    }

    /**
     * Compares the index with the catalogue and, with {@code repair}, re-indexes what is missing,
     * stale or duplicated and deletes what is extra; returns what it found.
     */
    public IndexCheck checkIndex(boolean repair) {
        return backend.check(repair);
    }

    /**
     * Starts rebuilding the index from the catalogue in the background; searches keep being served
     * by the current index until the new one is complete and swapped in.
     *
     * @return false if a rebuild is already running (only one at a time)
     */
    public boolean startRebuild() {
        return backend.startRebuild();
    }

    /**
     * Rebuilds the index in the calling thread and swaps it in; returns the outcome.
     *
     * @throws IllegalStateException if a rebuild is already running
     */
    public RebuildStatus rebuild() {
        return backend.rebuild();
    }

    /** The progress or outcome of the latest rebuild since the start. */
    public RebuildStatus rebuildStatus() {
        return backend.rebuildStatus();
    }
}
