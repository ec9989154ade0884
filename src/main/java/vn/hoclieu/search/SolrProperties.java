package vn.hoclieu.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the SolrCloud collection is, when {@code hoclieu.search.backend=solr} ({@code hoclieu.search.solr.*}).
 *
 * @param url        a node's base URL, {@code http://host:8983/solr} (behind a load balancer in production:
 *                   any node answers for the whole collection)
 * @param collection the collection, created with Hoclieu's configset ({@code solr/src/main/configset})
 * @param timeout    how long one request may take
 */
@ConfigurationProperties("hoclieu.search.solr")
public record SolrProperties(String url, String collection, Duration timeout) {
    public SolrProperties {
        url = url == null || url.isBlank() ? "http://localhost:8983/solr" : url.strip();
        collection = collection == null || collection.isBlank() ? "hoclieu" : collection.strip();
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    }
}
