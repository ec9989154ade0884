package vn.hoclieu.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;
import vn.hoclieu.catalog.CatalogFeeds;
import vn.hoclieu.search.IndexCheck;
import vn.hoclieu.search.RebuildStatus;
import vn.hoclieu.search.SearchProperties;

/**
 * The operations side of the SolrCloud backend, in an application of its own whose collection is
 * the alias {@code ops} (made at its first start) and which reaches Solr through a relay that the
 * test can cut: a rebuild fills a new collection aside while searches keep being answered, and moves
 * the alias; {@code verify} finds and repairs what differs from the catalogue; a withdrawal made while
 * Solr is unreachable reaches it with the periodic reconciliation (every second here).
 */
@Tag(TestGroups.SERVER)
class SolrOperationsIT extends IntegrationTest {

    private static final String ALIAS = "ops";
    private static final TcpRelay RELAY;
    private static final SolrClient SOLR = SolrCloudFork.client();

    static {
        URI solr = URI.create(SolrCloudFork.url());
        RELAY = new TcpRelay(solr.getHost(), solr.getPort());
    }

    @Autowired
    private SolrIndexer indexer;

    @Autowired
    private CatalogFeeds catalog;

    @Autowired
    private SolrReconciliation reconciliation;

    @DynamicPropertySource
    static void solr(DynamicPropertyRegistry registry) {
        registry.add("hoclieu.search.backend", () -> "solr");
        registry.add("hoclieu.search.solr.url", () -> "http://127.0.0.1:" + RELAY.port() + "/solr");
        registry.add("hoclieu.search.solr.collection", () -> ALIAS);
        registry.add("hoclieu.search.solr.replicas", () -> "1");
        registry.add("hoclieu.search.solr.timeout", () -> "10s");
        registry.add("hoclieu.search.solr.reconcile-interval", () -> "1s");
    }

    @AfterAll
    static void close() throws Exception {
        RELAY.close();
        SOLR.close();
    }

    @Test
    void theFirstStartMadeACollectionBehindTheAlias() {
        String target = aliasTarget(ALIAS);
        assertThat(target).startsWith(ALIAS + "_");
        assertThat(collections()).contains(target).doesNotContain(ALIAS);
    }

    @Test
    void aRebuildIsBuiltAsideAndSwappedInWhileSearchesKeepBeingAnswered() throws Exception {
        String salt = salt();
        long before = upload("Sổ tay " + salt + " trước khi dựng lại", salt + " mot");
        String old = aliasTarget(ALIAS);

        AtomicBoolean searching = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        Thread searcher = new Thread(() -> {
            while (searching.get()) {
                Http.Response r = Http.get(url("/api/v1/search?q=" + Http.q(salt)));
                if (r.status() != 200 || !ids(r.json()).contains(before)) {
                    failure.compareAndSet(null, r.status() + " " + r.body());
                }
                searches.incrementAndGet();
            }
        });
        AtomicReference<Long> during = new AtomicReference<>();
        indexer.afterBulkWrite = () -> during.set(upload("Sổ tay " + salt + " trong khi dựng lại", salt + " hai"));
        searcher.start();
        RebuildStatus status;
        try {
            status = indexer.rebuild();
        } finally {
            indexer.afterBulkWrite = () -> { };
            searching.set(false);
            searcher.join();
        }

        assertThat(status.state()).as(status.error()).isEqualTo(RebuildStatus.State.DONE);
        assertThat(status.reapplied()).isGreaterThanOrEqualTo(1);
        assertThat(failure.get()).as("a search during the rebuild").isNull();
        assertThat(searches.get()).isGreaterThan(5);
        String now = aliasTarget(ALIAS);
        assertThat(now).isNotEqualTo(old).startsWith(ALIAS + "_");
        assertThat(collections()).contains(now).doesNotContain(old);
        assertThat(ids(Http.get(url("/api/v1/search?q=" + Http.q(salt))).json())).contains(before, during.get());
        awaitConsistent();
    }

    @Test
    void verifyFindsWhatIsMissingStaleOrExtraInSolrAndRepairsIt() throws Exception {
        awaitConsistent();
        String salt = salt();
        long missing = upload("Thiếu " + salt, salt + " ba");
        // the periodic reconciliation would repair the damage of recent changes before verify finds it
        reconciliation.stop();
        try {
            verifyFindsAndRepairs(salt, missing);
        } finally {
            reconciliation.start();
        }
    }

    private void verifyFindsAndRepairs(String salt, long missing) throws Exception {
        long stale = upload("Cũ " + salt, salt + " bon");
        SolrInputDocument old = SolrDocuments.of(catalog.snapshot(stale).orElseThrow());
        old.setField(Fields.VERSION, 1L);
        SolrInputDocument extra = SolrDocuments.of(catalog.snapshot(stale).orElseThrow());
        extra.setField(Fields.ID, "987654321");
        UpdateRequest damage = new UpdateRequest().deleteById(Long.toString(missing)).add(old).add(extra);
        damage.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true);
        damage.process(SOLR, ALIAS);

        String admin = Http.basic("admin", PASSWORD);
        JsonNode checked = Http.json("POST", url("/api/v1/admin/verify?repair=false"), admin, null).json().get("index");
        assertThat(longs(checked.get("missing"))).containsExactly(missing);
        assertThat(longs(checked.get("stale"))).containsExactly(stale);
        assertThat(longs(checked.get("extra"))).containsExactly(987654321L);

        JsonNode repaired = Http.json("POST", url("/api/v1/admin/verify"), admin, null).json();
        assertThat(repaired.get("index").get("repaired").asInt()).isEqualTo(3);
        assertThat(longs(repaired.get("indexAfter").get("missing"))).isEmpty();
        assertThat(longs(repaired.get("indexAfter").get("stale"))).isEmpty();
        assertThat(longs(repaired.get("indexAfter").get("extra"))).isEmpty();
        assertThat(repaired.get("indexAfter").get("documents").asInt())
                .isEqualTo(repaired.get("indexAfter").get("resources").asInt());
        assertThat(ids(Http.get(url("/api/v1/search?q=" + Http.q(salt))).json())).contains(missing, stale);
    }

    @Test
    void aWithdrawalMadeWhileSolrIsUnreachableReachesItOnceSolrIsBack() throws Exception {
        awaitConsistent();
        String salt = salt();
        long id = upload("Rút lại " + salt, salt + " nam");
        assertThat(ids(Http.get(url("/api/v1/search?q=" + Http.q(salt))).json())).contains(id);

        RELAY.cut();
        try {
            Http.Response withdrawn = Http.json("POST", url("/api/v1/resources/" + id + "/withdraw"),
                    Http.basic("admin", PASSWORD), null);
            assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
            assertThat(indexer.failed()).contains(id);
            Thread.sleep(1500); // a round of the reconciliation finds Solr away and changes nothing
            assertThat(publishedInSolr(id)).as("the old document, still in Solr").isTrue();
        } finally {
            RELAY.restore();
        }
        await(() -> !publishedInSolr(id), Duration.ofSeconds(20), "the withdrawal never reached Solr");
        assertThat(ids(Http.get(url("/api/v1/search?q=" + Http.q(salt))).json())).doesNotContain(id);
        assertThat(indexer.failed()).doesNotContain(id);
    }

    @Test
    void aPlainCollectionIsUsedAsItIsAndReplacedByAnAliasAtItsFirstRebuild() throws Exception {
        awaitIngestIdle(); // the sample library, read at start: this indexer does not follow the catalogue's events
        String plain = "plain" + ThreadLocalRandom.current().nextInt(1_000_000);
        CollectionAdminRequest.createCollection(plain, "hoclieu", 2, 1).process(SOLR);
        SolrCollection collection = new SolrCollection(SolrCloudFork.client(), plain);
        assertThat(collection.prepare()).isEqualTo(plain);
        SolrIndexer adopting = new SolrIndexer(collection, catalog, new SearchProperties(null, null, false));

        RebuildStatus status = adopting.rebuild();

        assertThat(status.state()).as(status.error()).isEqualTo(RebuildStatus.State.DONE);
        String target = aliasTarget(plain);
        assertThat(target).startsWith(plain + "_");
        assertThat(collections()).contains(target).doesNotContain(plain);
        IndexCheck check = adopting.check(false);
        assertThat(check.consistent()).as(check.toString()).isTrue();
        assertThat(check.documents()).isEqualTo(check.resources()).isPositive();
        CollectionAdminRequest.deleteAlias(plain).process(SOLR);
        CollectionAdminRequest.deleteCollection(target).process(SOLR);
        collection.close();
    }

    // --- helpers --------------------------------------------------------------------------------------

    /** Until what earlier tests changed has reached Solr (the periodic reconciliation retries what failed). */
    private void awaitConsistent() {
        awaitIngestIdle();
        await(() -> indexer.failed().isEmpty() && indexer.check(false).consistent(), Duration.ofSeconds(20),
                "the collection never matched the catalogue");
    }

    /** A public text with these words, read and indexed when this returns. */
    private long upload(String title, String words) {
        String librarian = Http.basic(account("librarian-solr-ops", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        long id = Uploads.resource(title).visibility("PUBLIC")
                .file(words.replace(' ', '-') + ".txt", title + ". " + words).by(librarian).to(url("")).id();
        awaitIngestIdle();
        return id;
    }

    private static String salt() {
        StringBuilder s = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    private static List<Long> ids(JsonNode result) {
        List<Long> ids = new ArrayList<>();
        result.get("hits").forEach(h -> ids.add(h.get("id").asLong()));
        return ids;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }

    /** Whether Solr holds the resource as published (the status is indexed, not stored). */
    private static boolean publishedInSolr(long id) {
        try {
            return new QueryRequest(new SolrQuery(Fields.ID + ":" + id).addFilterQuery(Fields.STATUS + ":PUBLISHED")
                    .setRows(0)).process(SOLR, ALIAS).getResults().getNumFound() == 1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String aliasTarget(String alias) {
        try {
            return new CollectionAdminRequest.ListAliases().process(SOLR).getAliases().get(alias);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> collections() {
        try {
            return (List<String>) new CollectionAdminRequest.List().process(SOLR).getResponse().get("collections");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
