package vn.hoclieu.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the SolrCloud collection is, when {@code hoclieu.search.backend=solr} ({@code hoclieu.search.solr.*}).
 *
 * @param url        a node's base URL, {@code http://host:8983/solr} (behind a load balancer in production:
 *                   any node answers for the whole collection)
 * @param collection the name the app addresses: an alias to the collection in use ({@code <name>_<time>}),
 *                   made at the first start and moved by each rebuild; a plain collection of that name is
 *                   used as it is until the first rebuild puts an alias in its place
 * @param timeout    how long one request may take
 * @param configset  the configset a new collection is made with (uploaded from {@code solr-plugin/src/main/configset})
 * @param shards     shards of the collection made at the first start (a rebuild copies the current one's)
 * @param replicas   replicas of each shard of that collection
 * @param reconcileInterval how often the collection is compared with the catalogue's recent changes and
 *                   updates that failed are retried; 0 turns it off
 */
@ConfigurationProperties("hoclieu.search.solr")
public record SolrProperties(String url, String collection, Duration timeout, String configset, Integer shards,
                             Integer replicas, Duration reconcileInterval) {
    public SolrProperties {
        url = url == null || url.isBlank() ? "http://localhost:8983/solr" : url.strip();
        collection = collection == null || collection.isBlank() ? "hoclieu" : collection.strip();
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        configset = configset == null || configset.isBlank() ? "hoclieu" : configset.strip();
        shards = shards == null || shards < 1 ? 2 : shards;
        replicas = replicas == null || replicas < 1 ? 2 : replicas;
        reconcileInterval = reconcileInterval == null ? Duration.ofMinutes(5) : reconcileInterval;
    }
}
