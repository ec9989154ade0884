package vn.hoclieu.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import vn.hoclieu.TestGroups;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.ResourceSnapshot;
import vn.hoclieu.search.SearchHit;
import vn.hoclieu.search.SearchPage;
import vn.hoclieu.search.SearchProperties;
import vn.hoclieu.search.SearchRequest;
import vn.hoclieu.search.Suggestion;

/**
 * The SolrCloud backend against the embedded one and against the catalogue's rule, on the visibility
 * matrix of {@link VisibilityRuleTest} (every visibility × status × library × shares × uploader),
 * indexed in a two-shard collection of the test cluster and in an embedded index: for every viewer,
 * every read path of {@link SolrSearchBackend} returns only what {@code catalog.Access} lets them see,
 * and searches give the same totals, hits, scores and drill-sideways facet counts on both backends.
 */
@Tag(TestGroups.SERVER)
class SolrBackendIT {

    private static SolrClient client;
    private static SolrSearchBackend solr;
    private static Path directory;
    private static LuceneIndex index;
    private static Searcher lucene;

    @BeforeAll
    static void indexTheMatrixInBoth() throws IOException {
        client = SolrCloudFork.client();
        SolrCollection collection = new SolrCollection(client, "parity");
        collection.send(new UpdateRequest().deleteByQuery("*:*"));
        UpdateRequest update = new UpdateRequest();
        VisibilityRuleTest.RESOURCES.forEach(r -> update.add(SolrDocuments.of(r)));
        update.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true);
        collection.send(update);
        solr = new SolrSearchBackend(collection, null);

        directory = Files.createTempDirectory("hoclieu-parity");
        index = new LuceneIndex(new SearchProperties(directory, null, null));
        LuceneIndex.Change last = null;
        for (ResourceSnapshot r : VisibilityRuleTest.RESOURCES) {
            last = index.upsert(Long.toString(r.id()), ResourceDocuments.of(r));
        }
        index.awaitSearchable(last);
        lucene = new Searcher(index);
    }

    @AfterAll
    static void close() throws IOException {
        client.close();
        index.close();
        FileSystemUtils.deleteRecursively(directory);
    }

    @Test
    void everyReadPathShowsEachViewerExactlyWhatTheCatalogueLetsThemSee() {
        for (Map.Entry<String, Viewer> v : VisibilityRuleTest.VIEWERS.entrySet()) {
            Viewer viewer = v.getValue();
            Set<Long> visible = VisibilityRuleTest.visibleByAccess(viewer);
            assertThat(allIds("", viewer, Map.of())).as("browsing, %s", v.getKey()).isEqualTo(visible);
            assertThat(allIds("tài liệu", viewer, Map.of())).as("searching, %s", v.getKey()).isEqualTo(visible);
            assertThat(solr.search(new SearchRequest("", 0, 1, "title", Map.of()), viewer).facets()
                    .get(Fields.F_MATERIAL_TYPE).stream().mapToLong(f -> f.count()).sum())
                    .as("facet counts, %s", v.getKey()).isEqualTo(visible.size());
            for (Suggestion s : solr.suggest("tai li", viewer, 10)) {
                assertThat(visible).as("suggestion, %s", v.getKey()).contains(s.resourceId());
            }
            assertThat(solr.anyVisible(new TermQuery(new Term(Fields.TITLE + Fields.FOLDED, "tai")), viewer))
                    .as("any visible, %s", v.getKey()).isEqualTo(!visible.isEmpty());
            int checked = 0;
            for (ResourceSnapshot r : VisibilityRuleTest.RESOURCES) {
                if (!visible.contains(r.id()) && checked++ < 5) {
                    assertThat(solr.related(r.id(), viewer, 5)).as("related to a hidden one, %s", v.getKey())
                            .isEmpty();
                    assertThat(solr.within(r.id(), "tài liệu", viewer).passages())
                            .as("within a hidden one, %s", v.getKey()).isEmpty();
                }
            }
            for (SearchHit hit : solr.related(visible.isEmpty() ? 1 : visible.iterator().next(), viewer, 20)) {
                assertThat(visible).as("related, %s", v.getKey()).contains(hit.id());
            }
        }
    }

    @Test
    void searchesGiveTheSameTotalsHitsScoresAndFacetsOnBothBackends() {
        List<SearchRequest> requests = List.of(
                new SearchRequest("", 0, 20, "title", Map.of()),
                new SearchRequest("", 1, 20, "title", Map.of(Fields.F_LIBRARY, List.of("LIB-1"))),
                new SearchRequest("tai lieu", 0, 100, "title", Map.of(Fields.F_LIBRARY, List.of("LIB-2", "LIB-3"))),
                new SearchRequest("Tài liệu 17", 0, 100, "relevance", Map.of()),
                new SearchRequest("\"tài liệu\" 1", 0, 50, "relevance",
                        Map.of(Fields.F_MATERIAL_TYPE, List.of("BOOK"), Fields.F_LIBRARY, List.of("LIB-1"))));
        for (Map.Entry<String, Viewer> v : VisibilityRuleTest.VIEWERS.entrySet()) {
            for (SearchRequest request : requests) {
                SearchPage expected = lucene.search(request, v.getValue());
                SearchPage actual = solr.search(request, v.getValue());
                String what = v.getKey() + ", " + request;
                assertThat(actual.total()).as("total, %s", what).isEqualTo(expected.total());
                assertThat(actual.facets()).as("facets, %s", what).isEqualTo(expected.facets());
                if ("title".equals(request.sort())) {
                    assertThat(ids(actual)).as("hits, %s", what).isEqualTo(ids(expected));
                } else {
                    // equal scores may tie in another order (and be cut apart at the page's end): the same
                    // scores, rank by rank, and the same score for each resource on both pages
                    List<Float> want = expected.hits().stream().map(SearchHit::score).toList();
                    List<Float> got = actual.hits().stream().map(SearchHit::score).toList();
                    assertThat(got).as("scores, %s", what).hasSameSizeAs(want);
                    for (int i = 0; i < want.size(); i++) {
                        assertThat(got.get(i)).as("score at %d, %s", i, what).isCloseTo(want.get(i), Offset.offset(1e-4f));
                    }
                    Map<Long, Float> mine = scores(actual);
                    scores(expected).forEach((id, score) -> {
                        if (mine.containsKey(id)) {
                            assertThat(mine.get(id)).as("score of %s, %s", id, what).isCloseTo(score, Offset.offset(1e-4f));
                        }
                    });
                }
            }
        }
    }

    private static Set<Long> allIds(String q, Viewer viewer, Map<String, List<String>> filters) {
        Set<Long> ids = new TreeSet<>();
        for (int page = 0; ; page++) {
            SearchPage p = solr.search(new SearchRequest(q, page, SearchRequest.MAX_SIZE, "title", filters), viewer);
            p.hits().forEach(h -> ids.add(h.id()));
            if (p.hits().size() < SearchRequest.MAX_SIZE) {
                assertThat((long) ids.size()).isEqualTo(p.total());
                return ids;
            }
        }
    }

    private static List<Long> ids(SearchPage page) {
        List<Long> ids = new ArrayList<>();
        page.hits().forEach(h -> ids.add(h.id()));
        return ids;
    }

    private static Map<Long, Float> scores(SearchPage page) {
        Map<Long, Float> scores = new HashMap<>();
        page.hits().forEach(h -> scores.put(h.id(), h.score()));
        return scores;
    }
}
