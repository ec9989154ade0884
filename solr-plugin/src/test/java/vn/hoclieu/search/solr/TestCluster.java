package vn.hoclieu.search.solr;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * A SolrCloud of two nodes (embedded ZooKeeper, two Jetty nodes in this JVM) with Hoclieu's
 * configset and a collection of two shards, for the app's integration tests, which start this in
 * a JVM of its own (Solr's Jetty 10 cannot share one with Spring Boot).
 *
 * <p>Arguments: the configset folder, then the names of the collections to create (two shards each). With
 * {@code -Dhoclieu.cluster.nodes=1 -Dhoclieu.cluster.shards=1}, one node and collections of one shard
 * (the search benchmark's single Solr node). Prints {@code SOLR_URL=<a node's base URL>}
 * once the collection is active, then runs until its standard input closes (so it never outlives
 * the test that started it), and shuts down.
 */
public final class TestCluster {

    private TestCluster() {
    }

    public static void main(String[] args) throws Exception {
        Path configset = Path.of(args[0]);
        if (Files.isDirectory(configset.resolve("conf"))) {
            configset = configset.resolve("conf");
        }
        List<String> collections = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("hoclieu");
        int nodes = Integer.getInteger("hoclieu.cluster.nodes", 2);
        int shards = Integer.getInteger("hoclieu.cluster.shards", 2);
        Path base = Files.createTempDirectory("hoclieu-solrcloud");
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, base)
                .addConfig("hoclieu", configset)
                .configure();
        try {
            for (String collection : collections) {
                CollectionAdminRequest.createCollection(collection, "hoclieu", shards, 1)
                        .process(cluster.getSolrClient());
                cluster.waitForActiveCollection(collection, shards, shards);
            }
            System.out.println("SOLR_URL=" + cluster.getJettySolrRunners().get(0).getBaseUrl());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // nothing is said on standard input; its end is the signal to stop
            }
        } finally {
            cluster.shutdown();
            delete(base);
        }
        System.exit(0);
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // a temporary folder; the OS cleans it in the end
        }
    }
}
