package vn.hoclieu.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.SearchRequest;
import vn.hoclieu.search.relevance.Ranker;
import vn.hoclieu.search.relevance.RelevanceCollection.Material;

/**
 * {@link HoclieuRanker}'s path on SolrCloud: the same snapshots, as {@link SolrDocuments}, in a
 * two-shard collection of the test cluster, searched by {@link SolrSearchBackend} as an anonymous
 * visitor's {@code GET /api/v1/search} is.
 */
final class SolrRanker implements Ranker {

    private final SolrClient client;
    private final SolrSearchBackend backend;
    private final Map<Long, String> ids = new HashMap<>();

    SolrRanker(List<Material> materials, String collection) {
        client = SolrCloudFork.client();
        SolrCollection solr = new SolrCollection(client, collection);
        solr.send(new UpdateRequest().deleteByQuery("*:*")); // apart: a request sends its documents before its deletes
        UpdateRequest update = new UpdateRequest();
        long id = 1;
        for (Material m : materials) {
            ids.put(id, m.id());
            update.add(SolrDocuments.of(HoclieuRanker.snapshot(id, m)));
            id++;
        }
        update.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true);
        solr.send(update);
        backend = new SolrSearchBackend(solr, null);
    }

    @Override
    public String name() {
        return "Hoclieu on SolrCloud";
    }

    @Override
    public List<String> search(String query, int limit) {
        int size = Math.min(limit, SearchRequest.MAX_SIZE);
        // the ranking only, as the embedded ranker's Searcher (no "did you mean")
        return backend.results(new SearchRequest(query, 0, size, "relevance", Map.of()), Viewer.ANONYMOUS)
                .hits().stream().map(hit -> ids.get(hit.id())).toList();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
