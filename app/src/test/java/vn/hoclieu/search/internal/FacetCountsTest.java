package vn.hoclieu.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.MaterialType;
import vn.hoclieu.catalog.ResourceSnapshot;
import vn.hoclieu.catalog.ResourceStatus;
import vn.hoclieu.catalog.Visibility;
import vn.hoclieu.search.FacetValue;
import vn.hoclieu.search.SearchPage;
import vn.hoclieu.search.SearchProperties;
import vn.hoclieu.search.SearchRequest;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/**
 * Facet counts and totals from bit sets ({@link FacetCounts}) say exactly what Lucene's own
 * {@code DrillSideways} says (the same values, counts and order) over an index of its own: several
 * segments, deleted and hidden resources, multi-valued facets, a facet with more values than are kept
 * as bit sets (counted from the hits), filters on one facet, on two, and two values of one.
 */
class FacetCountsTest {

    @TempDir
    static Path directory;
    private static LuceneIndex index;
    private static Searcher searcher;

    @BeforeAll
    static void index() throws IOException {
        index = new LuceneIndex(new SearchProperties(directory.resolve("index"), null, null));
        Random r = new Random(11);
        String[] languages = {"vi", "en", "fr"};
        String[] licences = {"CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0"};
        String[] libraries = {"thu-vien-a", "thu-vien-b", "truong-c", "ttht-d"};
        String[] libraryTypes = {"PUBLIC", "SCHOOL", "COMMUNITY"};
        String[] words = {"sông", "núi", "làng", "chợ", "mưa", "nắng", "gió", "biển"};
        LuceneIndex.Change last = null;
        for (long id = 1; id <= 900; id++) {
            List<String> subjects = new ArrayList<>();
            for (int i = 0; i < 1 + r.nextInt(3); i++) {
                // a long tail: more values than FacetCounts keeps as bit sets
                subjects.add("chủ đề " + (r.nextInt(4) == 0 ? r.nextInt(FacetCounts.MAX_KEPT_VALUES * 2) : r.nextInt(5)));
            }
            List<String> audience = r.nextBoolean() ? List.of("học sinh") : List.of("học sinh", "giáo viên");
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                text.append(words[r.nextInt(words.length)]).append(' ');
            }
            Visibility visibility = r.nextInt(6) == 0 ? Visibility.LIBRARY : Visibility.PUBLIC;
            ResourceStatus status = r.nextInt(10) == 0 ? ResourceStatus.PENDING : ResourceStatus.PUBLISHED;
            Instant when = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(id);
            int library = r.nextInt(libraries.length);
            ResourceSnapshot s = new ResourceSnapshot(id, "Tài liệu " + words[r.nextInt(words.length)], List.of(),
                    "Mô tả " + words[r.nextInt(words.length)], languages[r.nextInt(languages.length)], subjects, audience,
                    MaterialType.values()[r.nextInt(MaterialType.values().length)], licences[r.nextInt(licences.length)],
                    visibility, status, (long) library + 1, libraries[library], libraries[library],
                    libraryTypes[library % libraryTypes.length], when, when, List.of(r.nextBoolean() ? "text/plain" : "application/pdf"),
                    List.of(new ResourceSnapshot.FileText(id, id + ".txt", "text/plain", text.toString(), List.of())),
                    null, false, 0, List.of());
            last = index.upsert(Long.toString(id), ResourceDocuments.of(s));
            if (id % 250 == 0) {
                index.awaitSearchable(last);
                index.commit();
            }
            if (id % 97 == 0) {
                last = index.delete(Long.toString(id / 2));
            }
        }
        index.awaitSearchable(last);
        searcher = new Searcher(index);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void countsAndTotalsAreThoseOfLucenesDrillSideways() throws IOException {
        int segments = index.withSearcher(s -> s.getIndexReader().leaves().size());
        assertThat(segments).as("segments").isGreaterThan(1);
        List<Map<String, List<String>>> filterSets = List.of(
                Map.of(),
                Map.of(Fields.F_LANGUAGE, List.of("vi")),
                Map.of(Fields.F_LANGUAGE, List.of("vi", "fr")),
                Map.of(Fields.F_SUBJECT, List.of("chủ đề 1")),
                Map.of(Fields.F_SUBJECT, List.of("chủ đề 100"), Fields.F_LIBRARY, List.of("truong-c")),
                Map.of(Fields.F_MATERIAL_TYPE, List.of("BOOK"), Fields.F_AUDIENCE, List.of("giáo viên"),
                        Fields.F_LICENCE, List.of("CC0-1.0", "CC-BY-4.0")),
                Map.of(Fields.F_LIBRARY_TYPE, List.of("nothing such")));
        int compared = 0;
        for (String q : List.of("song", "mưa nắng", "tai lieu", "\"mo ta\"", "zzz")) {
            for (Map<String, List<String>> filters : filterSets) {
                SearchPage page = searcher.search(new SearchRequest(q, 0, 10, "relevance", filters), Viewer.ANONYMOUS);
                Oracle expected = drillSideways(q, filters);
                assertThat(page.total()).as(q + " " + filters).isEqualTo(expected.total());
                assertThat(page.facets()).as(q + " " + filters).isEqualTo(expected.facets());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(35);
    }

    private record Oracle(long total, Map<String, List<FacetValue>> facets) {
    }

    private static Oracle drillSideways(String q, Map<String, List<String>> filters) {
        QueryBuilder.Built built = new QueryBuilder(VietnameseAnalysis.folded(), VietnameseAnalysis.exact()).build(q);
        return index.withSearcher(s -> {
            DrillDownQuery drill = new DrillDownQuery(index.facetsConfig(), new BooleanQuery.Builder()
                    .add(built.query(), Occur.MUST).add(VisibilityFilter.of(Viewer.ANONYMOUS), Occur.FILTER).build());
            filters.forEach((dim, values) -> values.forEach(v -> drill.add(dim, v)));
            DrillSideways.ConcurrentDrillSidewaysResult<Integer> result = new DrillSideways(s, index.facetsConfig(),
                    index.facetState(s.getIndexReader())).search(drill, new TotalHitCountCollectorManager());
            Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
            for (String dim : Fields.FACETS) {
                List<FacetValue> values = new ArrayList<>();
                try {
                    FacetResult top = result.facets.getTopChildren(FacetCounts.SHOWN, dim);
                    if (top != null) {
                        for (LabelAndValue lv : top.labelValues) {
                            values.add(new FacetValue(lv.label, lv.value.longValue()));
                        }
                    }
                } catch (IllegalArgumentException none) {
                    // no document has it
                }
                facets.put(dim, values);
            }
            return new Oracle(result.collectorResult, facets);
        });
    }
}
