package vn.hoclieu.search.internal;

import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.request.json.JsonQueryRequest;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.SearchRequest;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/**
 * The request Hoclieu's Solr backend sends for a results page ({@link SolrSearchBackend#pageRequest}),
 * for the search benchmark, which sends it to a Solr node of its own as an anonymous visitor's page:
 * the same words ({@code {!hoclieu}}), visibility filter, facets, snippets, filters and sort.
 */
public final class SolrPageRequests {

    /** Shared by the client threads, as the backend's one query builder is by the server's. */
    private static final QueryBuilder QUERIES = new QueryBuilder(VietnameseAnalysis.folded(), VietnameseAnalysis.exact());

    private SolrPageRequests() {
    }

    public static JsonQueryRequest of(String q, String sort, Map<String, List<String>> filters, int size) {
        SearchRequest request = new SearchRequest(q, 0, size, sort, filters);
        return SolrSearchBackend.pageRequest(request, Viewer.ANONYMOUS, QUERIES.build(q));
    }
}
