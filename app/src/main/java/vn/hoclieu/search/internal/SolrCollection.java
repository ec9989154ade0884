package vn.hoclieu.search.internal;

import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrResponse;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.CollectionAdminResponse;
import org.apache.solr.common.util.NamedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.hoclieu.search.SolrProperties;

/**
 * The SolrCloud collection, over HTTP with the JDK's client (no Jetty on the app's class path). The
 * app addresses it by one name, an alias to the collection in use ({@code <name>_<time>}): a rebuild
 * fills a new collection aside and moves the alias to it in one step ({@code CREATEALIAS}). A plain
 * collection of that name, from before aliases, is used as it is until the first rebuild replaces it.
 */
@Component
@SolrBackend
class SolrCollection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SolrCollection.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS")
            .withZone(ZoneOffset.UTC);

    /** How a collection is made: its configset, shards and replicas of each. */
    record Layout(String configset, int shards, int replicas) {
    }

    private final SolrClient client;
    private final String name;
    private final Layout first;
    private volatile boolean prepared;

    @Autowired
    SolrCollection(SolrProperties properties) {
        this(new HttpJdkSolrClient.Builder(properties.url())
                .withDefaultCollection(properties.collection())
                // HTTP/1.1: after a node went away and came back, the JDK client's HTTP/2 (h2c) streams to it
                // kept failing with RST_STREAM (SolrOperationsIT); one request per pooled connection recovers
                .useHttp1_1(true)
                .withConnectionTimeout(10, TimeUnit.SECONDS)
                .withRequestTimeout(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(), properties.collection(),
                new Layout(properties.configset(), properties.shards(), properties.replicas()));
    }

    SolrCollection(SolrClient client, String name) {
        this(client, name, new Layout("hoclieu", 2, 1));
    }

    SolrCollection(SolrClient client, String name, Layout first) {
        this.client = client;
        this.name = name;
        this.first = first;
    }

    /** The name the app addresses (the alias). */
    String name() {
        return name;
    }

    /** Sends the request to the collection; an unreachable or failing Solr is an unchecked error. */
    <T extends SolrResponse> T send(SolrRequest<T> request) {
        return send(request, name);
    }

    /** Sends the request to one collection by its own name (during a rebuild: the one being filled). */
    <T extends SolrResponse> T send(SolrRequest<T> request, String collection) {
        try {
            return request.process(client, collection);
        } catch (SolrServerException e) {
            throw new IllegalStateException("Solr collection " + collection + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** At start, before anything is indexed; if Solr is away, the start-up and periodic reconciliations try again. */
    @PostConstruct
    void prepareAtStart() {
        try {
            ensure();
        } catch (RuntimeException e) {
            log.warn("Solr collection {} not reachable at start: {}", name, e.toString());
        }
    }

    /** {@link #prepare()} once, then nothing. */
    void ensure() {
        if (!prepared) {
            prepare();
        }
    }

    /**
     * Makes sure the name addresses a collection: if there is neither an alias nor a collection of that
     * name, creates {@code <name>_<time>} with the configured layout and points the alias at it.
     * Returns the collection the name addresses.
     */
    String prepare() {
        Optional<String> current = current();
        if (current.isPresent()) {
            prepared = true;
            return current.get();
        }
        String made = newName();
        create(made, first);
        Optional<String> meanwhile = current(); // another node starting at the same moment
        if (meanwhile.isPresent()) {
            delete(made);
            prepared = true;
            return meanwhile.get();
        }
        point(made);
        prepared = true;
        log.info("Created the Solr collection {} ({} shards × {} replicas, configset {}) behind the alias {}",
                made, first.shards(), first.replicas(), first.configset(), name);
        return made;
    }

    /** The collection the name addresses now: the alias's, else a plain collection of that name. */
    Optional<String> current() {
        CollectionAdminResponse aliases = send(new CollectionAdminRequest.ListAliases(), null);
        String target = aliases.getAliases().get(name);
        if (target != null) {
            return Optional.of(target);
        }
        return collections().contains(name) ? Optional.of(name) : Optional.empty();
    }

    /** A fresh collection name under the alias, by the time now. */
    String newName() {
        return name + "_" + STAMP.format(Instant.now());
    }

    @SuppressWarnings("unchecked")
    List<String> collections() {
        CollectionAdminResponse r = send(new CollectionAdminRequest.List(), null);
        Object list = r.getResponse().get("collections");
        return list == null ? List.of() : new ArrayList<>((List<String>) list);
    }

    /** The configset, shards and replicas of an existing collection. */
    Layout layout(String collection) {
        Map<String, Object> state = state(collection);
        Object shards = state.get("shards");
        int count = shards instanceof Map<?, ?> m ? m.size() : shards instanceof NamedList<?> n ? n.size() : first.shards();
        Object rf = state.get("replicationFactor");
        if (rf == null) {
            rf = state.get("nrtReplicas");
        }
        int replicas = rf == null ? first.replicas() : Integer.parseInt(rf.toString());
        Object config = state.get("configName");
        return new Layout(config == null ? first.configset() : config.toString(), count, replicas);
    }

    /** The names of the collection's shards ({@code shard1}, …). */
    List<String> shards(String collection) {
        Object shards = state(collection).get("shards");
        List<String> names = new ArrayList<>();
        if (shards instanceof Map<?, ?> m) {
            m.keySet().forEach(k -> names.add(k.toString()));
        } else if (shards instanceof NamedList<?> n) {
            n.forEach(e -> names.add(e.getKey()));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> state(String collection) {
        CollectionAdminResponse r = send(CollectionAdminRequest.getClusterStatus().setCollectionName(collection), null);
        Object cluster = r.getResponse().get("cluster");
        Object collections = cluster instanceof NamedList<?> n ? n.get("collections") : ((Map<String, Object>) cluster).get("collections");
        Object state = collections instanceof NamedList<?> n ? n.get(collection) : ((Map<String, Object>) collections).get(collection);
        if (state instanceof NamedList<?> n) {
            return (Map<String, Object>) n.asShallowMap();
        }
        if (state == null) {
            throw new IllegalStateException("Solr has no collection " + collection);
        }
        return (Map<String, Object>) state;
    }

    void create(String collection, Layout layout) {
        send(CollectionAdminRequest.createCollection(collection, layout.configset(), layout.shards(), layout.replicas()),
                null);
    }

    /** Points the alias at the collection, atomically for every node (a plain collection of that name is shadowed). */
    void point(String collection) {
        send(CollectionAdminRequest.createAlias(name, collection), null);
    }

    void delete(String collection) {
        send(CollectionAdminRequest.deleteCollection(collection), null);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
