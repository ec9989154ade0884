package vn.hoclieu.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.json.JsonQueryRequest;
import org.apache.solr.client.solrj.response.json.NestableJsonFacet;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import vn.hoclieu.account.Viewer;

/**
 * {@link SuggestionScope} on a SolrCloud collection: counts are searches with the viewer's visibility
 * filter and the chosen facets ({@code rows=0}); the words come from the plugin's
 * {@code /vocabulary} handler, which runs {@link Vocabulary} on every shard and adds the shards'
 * answers up (document frequencies summed, the closeness of a correction the same everywhere).
 */
final class SolrScope implements SuggestionScope {

    private final SolrCollection solr;
    private final Viewer viewer;
    private final Map<String, List<String>> filters;

    SolrScope(SolrCollection solr, Viewer viewer, Map<String, List<String>> filters) {
        this.solr = solr;
        this.viewer = viewer;
        this.filters = filters;
    }

    @Override
    public int count(Query query) {
        return numFound(SolrSearchBackend.query(query));
    }

    /** All in one request: a query facet per query over the visible documents. */
    @Override
    public int[] counts(List<Query> queries) {
        Map<String, String> params = new LinkedHashMap<>();
        long[] found = facetCounts(queries.stream().map(query -> SolrQueries.local(query, params)).toList(), params);
        int[] counts = new int[found.length];
        for (int i = 0; i < found.length; i++) {
            counts[i] = Math.toIntExact(found[i]);
        }
        return counts;
    }

    /** All in one request: a query facet per text, the ranking query of {@code {!hoclieu}} (the text a parameter). */
    @Override
    public long[] countSearches(List<String> texts) {
        Map<String, String> params = new LinkedHashMap<>();
        List<String> queries = new ArrayList<>();
        for (String text : texts) {
            String name = "ht" + params.size();
            params.put(name, text);
            queries.add("{!hoclieu v=$" + name + "}");
        }
        return facetCounts(queries, params);
    }

    private long[] facetCounts(List<String> queries, Map<String, String> params) {
        long[] counts = new long[queries.size()];
        if (queries.isEmpty()) {
            return counts;
        }
        JsonQueryRequest q = new JsonQueryRequest().setQuery("*:*").setLimit(0);
        for (int i = 0; i < counts.length; i++) {
            q.withFacet("c" + i, Map.of("type", "query", "q", queries.get(i)));
        }
        params.forEach(q::withParam);
        SolrSearchBackend.visible(q, viewer);
        SolrSearchBackend.chosen(q, filters);
        NestableJsonFacet facets = solr.send(q).getJsonFacetingResponse();
        for (int i = 0; i < counts.length; i++) {
            NestableJsonFacet found = facets == null ? null : facets.getQueryFacet("c" + i);
            counts[i] = found == null ? 0 : found.getCount();
        }
        return counts;
    }

    /** All in one request. */
    @Override
    public boolean[] anyInAny(List<String> fields, String suffix, List<String> terms) throws IOException {
        int[] counts = countsInAny(fields, suffix, terms);
        boolean[] held = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            held[i] = counts[i] > 0;
        }
        return held;
    }

    @Override
    public boolean any(Query query) {
        return count(query) > 0;
    }

    @Override
    public long countSearch(String text) {
        return numFound(new JsonQueryRequest().setQuery(Map.of("hoclieu", Map.of("query", text))));
    }

    private int numFound(JsonQueryRequest q) {
        q.setLimit(0);
        SolrSearchBackend.visible(q, viewer);
        SolrSearchBackend.chosen(q, filters);
        return Math.toIntExact(solr.send(q).getResults().getNumFound());
    }

    @Override
    public Map<String, Integer> matching(String suffix, List<String> pattern) {
        ModifiableSolrParams p = params(Fields.TEXT_FIELDS.stream().map(f -> f + suffix).toList());
        p.set(Vocabulary.PATTERN, Vocabulary.encode(pattern));
        Map<String, Integer> df = new HashMap<>();
        vocabulary(p).forEach(e -> df.put(e.getKey(), ((Number) e.getValue()).intValue()));
        return df;
    }

    @Override
    public Map<String, Vocabulary.Similar> similar(List<String> fields, String word) {
        ModifiableSolrParams p = params(fields);
        p.set(Vocabulary.NEAR, word);
        Map<String, Vocabulary.Similar> out = new HashMap<>();
        vocabulary(p).forEach(e -> {
            List<?> scoreAndFreq = (List<?>) e.getValue();
            out.put(e.getKey(), new Vocabulary.Similar(((Number) scoreAndFreq.get(0)).floatValue(),
                    ((Number) scoreAndFreq.get(1)).intValue()));
        });
        return out;
    }

    private static ModifiableSolrParams params(List<String> fields) {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set(Vocabulary.FIELDS, String.join(",", fields));
        p.set("shards.qt", Vocabulary.HANDLER);
        return p;
    }

    @SuppressWarnings("unchecked")
    private NamedList<Object> vocabulary(ModifiableSolrParams p) {
        QueryRequest request = new QueryRequest(p);
        request.setPath(Vocabulary.HANDLER);
        Object found = solr.send(request).getResponse().get(Vocabulary.RESPONSE);
        return found == null ? new NamedList<>() : (NamedList<Object>) found;
    }
}
