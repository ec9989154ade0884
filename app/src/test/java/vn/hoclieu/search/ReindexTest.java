package vn.hoclieu.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.account.Role;
import vn.hoclieu.search.internal.IndexRebuild;
import vn.hoclieu.search.internal.RebuildSeam;

/** Rebuilding the index aside and swapping it in, while searches are served and changes keep coming. */
class ReindexTest extends IntegrationTest {

    private static final List<String> QUERIES = List.of("hoc tap suot doi", "thư viện", "rừng ngập mặn", "sach",
            "\"học tập\"", "reading");

    @Autowired
    SearchService search;

    @Autowired
    IndexRebuild rebuild;

    @Value("${hoclieu.data-dir}")
    Path data;

    @AfterEach
    void noSeam() {
        RebuildSeam.afterBulkWrite(rebuild, null);
    }

    @Test
    void aRebuildWhileSearchesRunFailsNoneChangesNoResultAndKeepsAChangeMadeMeanwhile() throws Exception {
        awaitIngestIdle();
        Map<String, Set<Long>> before = results();
        assertThat(before.values()).as("the queries find something").anySatisfy(ids -> assertThat(ids).isNotEmpty());

        String probe = "dunglai" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String admin = Http.basic("admin", PASSWORD);
        AtomicInteger uploaded = new AtomicInteger();
        RebuildSeam.afterBulkWrite(rebuild, () -> {
            // the new index is complete but not yet in use: this upload reaches the old one only
            Http.Response r = Http.upload(url("/api/v1/resources"), admin,
                    Map.of(probe + ".txt", (probe + " " + probe).getBytes(StandardCharsets.UTF_8)), null);
            uploaded.set(r.status());
            awaitIngestIdle();
        });

        AtomicBoolean searching = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            Thread client = new Thread(() -> {
                for (int i = 0; searching.get(); i++) {
                    String q = QUERIES.get(i % QUERIES.size());
                    Http.Response r = Http.get(url("/api/v1/search?size=50&q=" + Http.q(q)));
                    if (r.status() != 200) {
                        failures.add(q + " → " + r.status() + " " + r.body());
                    } else if (!ids(r.json()).equals(before.get(q))) {
                        failures.add(q + " → " + ids(r.json()) + " instead of " + before.get(q));
                    }
                    served.incrementAndGet();
                }
            });
            client.start();
            clients.add(client);
        }
        Path oldIndex = indexFolderInUse();

        Http.Response started = Http.postForm(url("/api/v1/admin/reindex"), admin);
        assertThat(started.status()).isEqualTo(202);
        assertThat(Http.postForm(url("/api/v1/admin/reindex"), admin).status()).as("one at a time").isEqualTo(409);
        await(() -> !search.rebuildStatus().running(), Duration.ofMinutes(2), "the rebuild did not end");
        int duringRebuild = served.get();
        Thread.sleep(300); // and a few searches on the new index
        searching.set(false);
        for (Thread client : clients) {
            client.join();
        }

        JsonNode status = Http.get(url("/api/v1/admin/reindex"), "Authorization", admin).json();
        assertThat(status.get("state").asString()).isEqualTo("DONE");
        assertThat(status.get("done").asLong()).isEqualTo(status.get("total").asLong()).isPositive();
        assertThat(status.get("reapplied").asLong()).as("the upload made during the rebuild").isPositive();
        assertThat(uploaded.get()).isEqualTo(201);
        assertThat(duringRebuild).as("searches served while rebuilding").isGreaterThan(10);
        assertThat(failures).isEmpty();
        assertThat(results()).isEqualTo(before);
        assertThat(Http.get(url("/api/v1/search?q=" + probe)).json().get("total").asLong())
                .as("the change made during the rebuild is in the new index").isEqualTo(1);
        assertThat(indexFolderInUse()).isNotEqualTo(oldIndex);
        assertThat(oldIndex).as("the old index is deleted").doesNotExist();
        assertThat(search.reconcile()).as("nothing left to reconcile").isZero();
    }

    @Test
    void onlyAdministratorsRebuildAndTheirPageShowsTheButtonAndTheOutcome() throws Exception {
        String librarian = account("librarian-reindex", Role.LIBRARIAN, "HN-TVHN");
        assertThat(Http.postForm(url("/api/v1/admin/reindex"), Http.basic(librarian, PASSWORD)).status()).isEqualTo(403);
        assertThat(Http.get(url("/api/v1/admin/reindex")).status()).isEqualTo(401);
        Browser other = new Browser(url(""));
        other.signIn(librarian, PASSWORD);
        assertThat(other.get("/admin/search").statusCode()).isEqualTo(403);

        Browser browser = new Browser(url(""));
        browser.signIn("admin", PASSWORD);
        HttpResponse<String> page = browser.get("/admin/search");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/admin/search/rebuild\"").contains("Dựng lại chỉ mục");
        assertThat(browser.get("/").body()).contains("href=\"/admin\"");
        assertThat(browser.get("/admin").body()).contains("href=\"/admin/search\"");
        HttpResponse<String> started = browser.postForm("/admin/search/rebuild", Browser.csrf(page.body()));
        assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith("/admin/search?started");
        await(() -> !search.rebuildStatus().running(), Duration.ofMinutes(2), "the rebuild did not end");
        assertThat(browser.get("/admin/search?lang=en").body()).contains("Rebuilt " + search.rebuildStatus().done());
        assertThat(browser.postForm("/admin/search/rebuild", "not-the-token").statusCode()).isEqualTo(403);
    }

    private Map<String, Set<Long>> results() {
        Map<String, Set<Long>> out = new LinkedHashMap<>();
        for (String q : QUERIES) {
            out.put(q, ids(Http.get(url("/api/v1/search?size=50&q=" + Http.q(q))).json()));
        }
        return out;
    }

    private static Set<Long> ids(JsonNode page) {
        Set<Long> ids = new TreeSet<>();
        page.get("hits").forEach(h -> ids.add(h.get("id").asLong()));
        return ids;
    }

    /** The index folder the pointer names, or the configured one if there is no pointer yet. */
    private Path indexFolderInUse() throws Exception {
        Path pointer = data.resolve("index.current");
        return Files.exists(pointer) ? data.resolve(Files.readString(pointer).strip()) : data.resolve("index");
    }
}
