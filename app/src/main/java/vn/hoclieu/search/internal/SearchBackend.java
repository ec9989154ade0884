package vn.hoclieu.search.internal;

import java.util.List;
import org.apache.lucene.search.Query;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.DocumentMatches;
import vn.hoclieu.search.IndexCheck;
import vn.hoclieu.search.RebuildStatus;
import vn.hoclieu.search.SearchHit;
import vn.hoclieu.search.SearchPage;
import vn.hoclieu.search.SearchRequest;
import vn.hoclieu.search.Suggestion;

/**
 * The engine behind {@code SearchService}: the embedded Lucene index ({@link LuceneSearchBackend},
 * the default) or a SolrCloud collection ({@link SolrSearchBackend}), chosen by
 * {@code hoclieu.search.backend=lucene|solr}. Each keeps itself in line with the catalogue (it
 * listens to the catalogue's events) and answers every read as the viewer may see it: hits, totals,
 * facet counts, suggestions and related materials never include what {@link VisibilityFilter} hides.
 */
public interface SearchBackend {

    /** One page of results with drill-sideways facet counts and, where it helps, a "did you mean". */
    SearchPage search(SearchRequest request, Viewer viewer);

    /** Titles that complete what is being typed. */
    List<Suggestion> suggest(String prefix, Viewer viewer, int limit);

    /**
     * Whether some document the viewer may see matches the query (a term/boolean/prefix query over the
     * index's fields): whether a frequent query may be suggested to this viewer.
     */
    boolean anyVisible(Query query, Viewer viewer);

    /**
     * Whether the search, exactly as this viewer would run it (the same query builder, visibility and
     * filters), finds anything: whether a query may be offered to them. Never weaker than the search itself.
     */
    default boolean finds(SearchRequest request, Viewer viewer) {
        return search(new SearchRequest(request.q(), 0, 1, request.sort(), request.filters()), viewer).total() > 0;
    }

    /** Resources like this one that the viewer may see, most alike first. */
    List<SearchHit> related(long resourceId, Viewer viewer, int size);

    /** Where the words occur inside one resource the viewer may see. */
    DocumentMatches within(long resourceId, String q, Viewer viewer);

    /** Indexes the resource as committed now (or removes it) and returns once searches see it. */
    void index(long resourceId);

    /** Brings the index in line with the catalogue; returns how many resources changed. */
    int reconcile();

    /**
     * Compares the index with the catalogue and, with {@code repair}, re-indexes what is missing, stale or
     * duplicated and deletes what is extra (the {@code verify} command).
     */
    IndexCheck check(boolean repair);

    /** Starts rebuilding from the catalogue in the background; false if one is already running. */
    boolean startRebuild();

    /** Rebuilds in the calling thread; @throws IllegalStateException if a rebuild is already running. */
    RebuildStatus rebuild();

    RebuildStatus rebuildStatus();
}
