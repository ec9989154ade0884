package vn.hoclieu.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrResponse;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.hoclieu.search.SolrProperties;

/** The SolrCloud collection, over HTTP with the JDK's client (no Jetty on the app's class path). */
@Component
@SolrBackend
class SolrCollection implements AutoCloseable {

    private final SolrClient client;
    private final String name;

    @Autowired
    SolrCollection(SolrProperties properties) {
        this(new HttpJdkSolrClient.Builder(properties.url())
                .withDefaultCollection(properties.collection())
                .withConnectionTimeout(10, TimeUnit.SECONDS)
                .withRequestTimeout(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(), properties.collection());
    }

    SolrCollection(SolrClient client, String name) {
        this.client = client;
        this.name = name;
    }

    /** Sends the request to the collection; an unreachable or failing Solr is an unchecked error. */
    <T extends SolrResponse> T send(SolrRequest<T> request) {
        try {
            return request.process(client, name);
        } catch (SolrServerException e) {
            throw new IllegalStateException("Solr collection " + name + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
