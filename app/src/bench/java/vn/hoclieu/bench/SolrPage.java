package vn.hoclieu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.client.solrj.response.CoreAdminResponse;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.json.BucketBasedJsonFacet;
import org.apache.solr.client.solrj.response.json.BucketJsonFacet;
import org.apache.solr.common.params.CoreAdminParams;
import org.apache.solr.common.util.NamedList;
import vn.hoclieu.search.internal.SolrCloudFork;
import vn.hoclieu.search.internal.SolrPageRequests;

/**
 * The search benchmark's "Solr, same page" row: one Solr 9 node in a JVM of its own ({@code -Xmx1g};
 * the repository's test cluster, {@code TestCluster}, with one node and a collection of one shard)
 * with Hoclieu's configset and plugin, holding the same resources (fed by {@code hoclieu.jar reindex}
 * with the Solr backend: the documents Hoclieu's {@code SolrIndexer} makes, then merged into one
 * segment as the other indexes are), asked over HTTP for the page Hoclieu's Solr backend asks for
 * ({@code SolrSearchBackend.pageRequest}: the {@code {!hoclieu}} query, the visibility filter, the
 * eight facets with drill-sideways exclusions, the snippets, the filters and the sort). This is what
 * a site that runs Solr with a good schema runs; the benchmark talks to Solr as the application does.
 */
final class SolrPage implements AutoCloseable {

    private static final String COLLECTION = "hoclieu";

    private final SolrCloudFork.Launched node;
    private final String summary;

    private SolrPage(SolrCloudFork.Launched node, String summary) {
        this.node = node;
        this.summary = summary;
    }

    /** Starts the node, fills it from the catalogue in {@code data} and merges its index. */
    static SolrPage start(Path data, String adminPassword) throws Exception {
        Instant started = Instant.now();
        SolrCloudFork.Launched node = SolrCloudFork.launch(List.of("-Xmx1g", "-Dhoclieu.cluster.nodes=1",
                "-Dhoclieu.cluster.shards=1"), List.of(COLLECTION));
        try {
            double startSeconds = Duration.between(started, Instant.now()).toMillis() / 1e3;
            Path log = data.resolve("solr-reindex.log");
            Instant indexing = Instant.now();
            Process reindex = SearchBenchmark.java(log, List.of("-Xmx1g"), "vn.hoclieu.HoclieuApplication", "reindex",
                    "--hoclieu.data-dir=" + data, "--hoclieu.admin-password=" + adminPassword,
                    "--hoclieu.search.backend=solr", "--hoclieu.search.solr.url=" + node.url(),
                    "--hoclieu.search.solr.collection=" + COLLECTION, "--hoclieu.search.solr.shards=1",
                    "--hoclieu.search.solr.replicas=1", "--hoclieu.search.solr.reconcile-interval=0",
                    "--logging.level.root=WARN");
            if (!reindex.waitFor(60, TimeUnit.MINUTES) || reindex.exitValue() != 0) {
                throw new IllegalStateException("reindex into Solr failed: " + Files.readString(log));
            }
            double reindexSeconds = Duration.between(indexing, Instant.now()).toMillis() / 1e3;
            Matcher m = Pattern.compile("Reindexed (\\d+) resources in ([\\d.]+) s").matcher(Files.readString(log));
            if (!m.find()) {
                throw new IllegalStateException("no summary in " + Files.readString(log));
            }
            Instant merging = Instant.now();
            long bytes;
            try (SolrClient client = client(node.url())) {
                client.optimize(COLLECTION, true, true, 1);
                bytes = indexBytes(client);
            }
            String summary = String.format(Locale.ROOT, "Solr, same page (one Solr 9.10 node, -Xmx1g, Hoclieu's configset "
                    + "and plugin): started in %.0f s; %s resources fed by hoclieu.jar reindex in %s s (%.0f s with its "
                    + "JVM's start); merged into one segment in %.0f s; index %.0f MB", startSeconds, m.group(1),
                    m.group(2), reindexSeconds, Duration.between(merging, Instant.now()).toMillis() / 1e3,
                    bytes / 1_048_576.0);
            return new SolrPage(node, summary);
        } catch (Exception | Error e) {
            node.stop();
            throw e;
        }
    }

    String summary() {
        return summary;
    }

    /** The Solr JVM, whose CPU the levels measure. */
    ProcessHandle process() {
        return node.process().toHandle();
    }

    /** A client of its own (one per client thread, as each of Hoclieu's clients has its connection). */
    SolrClient newClient() {
        return client(node.url());
    }

    private static SolrClient client(String url) {
        // HTTP/1.1, as the application's SolrCollection and the benchmark's own clients speak
        return new HttpJdkSolrClient.Builder(url).useHttp1_1(true).withConnectionTimeout(10, TimeUnit.SECONDS)
                .withRequestTimeout(60, TimeUnit.SECONDS).build();
    }

    /** One page, as Hoclieu's Solr backend asks for it for an anonymous visitor. */
    static SamePage.Answer search(SolrClient client, SearchCorpus.Query query) throws SolrServerException, IOException {
        SamePage.Request request = SamePage.request(query);
        Map<String, List<String>> filters = new LinkedHashMap<>();
        request.filters().forEach((dim, value) -> filters.put(dim, List.of(value)));
        QueryResponse response = SolrPageRequests.of(request.q(), request.newest() ? "newest" : "relevance", filters,
                SamePage.PAGE).process(client, COLLECTION);
        if (response.getResults().size() > 0 && response.getHighlighting() == null) {
            throw new IllegalStateException("no snippets");
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String dim : SamePage.FACETS) {
            Map<String, Long> values = new LinkedHashMap<>();
            BucketBasedJsonFacet facet = response.getJsonFacetingResponse() == null ? null
                    : response.getJsonFacetingResponse().getBucketBasedFacets(dim);
            if (facet != null) {
                for (BucketJsonFacet b : facet.getBuckets()) {
                    values.put(String.valueOf(b.getVal()), b.getCount());
                }
            }
            facets.put(dim, values);
        }
        return new SamePage.Answer(response.getResults().getNumFound(), facets, response.getResults().size());
    }

    /** The size of the node's one core's index. */
    private static long indexBytes(SolrClient client) throws SolrServerException, IOException {
        CoreAdminRequest status = new CoreAdminRequest();
        status.setAction(CoreAdminParams.CoreAdminAction.STATUS);
        CoreAdminResponse r = status.process(client);
        long bytes = 0;
        for (Map.Entry<String, NamedList<Object>> core : r.getCoreStatus()) {
            Object index = core.getValue().get("index");
            if (index instanceof NamedList<?> n && n.get("sizeInBytes") instanceof Number size) {
                bytes += size.longValue();
            }
        }
        return bytes;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        node.stop();
    }
}
