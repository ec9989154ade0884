package vn.hoclieu.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.MaterialType;
import vn.hoclieu.catalog.ResourceSnapshot;
import vn.hoclieu.catalog.ResourceStatus;
import vn.hoclieu.catalog.Visibility;
import vn.hoclieu.search.SearchProperties;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;
import vn.hoclieu.search.relevance.RelevanceCollection;

/**
 * Did-you-mean counts a word's visible documents on bit sets ({@link VisibleScope#countInAny}), with
 * each segment's visible documents kept per filter; it must count exactly what the query way
 * ({@code count(inAny(…))}) counts, for viewers who see different parts of the catalogue, within a
 * chosen filter, and after documents were replaced (deleted documents must not count).
 */
class VisibleScopeTest {

    private static final long LIBRARY = 7;
    private static Path directory;
    private static LuceneIndex index;
    private static final Set<String> words = new LinkedHashSet<>();

    @BeforeAll
    static void build() throws IOException {
        directory = Files.createTempDirectory("hoclieu-visible-scope");
        index = new LuceneIndex(new SearchProperties(directory, null, null));
        List<RelevanceCollection.Material> materials = RelevanceCollection.load().materials();
        LuceneIndex.Change last = null;
        for (int round = 0; round < 2; round++) { // the second round replaces a third of them: deletions
            for (int i = 0; i < materials.size(); i++) {
                if (round == 1 && i % 3 != 0) {
                    continue;
                }
                RelevanceCollection.Material m = materials.get(i);
                Visibility visibility = switch (i % 4) {
                    case 0 -> Visibility.PUBLIC;
                    case 1 -> Visibility.LIBRARY;
                    case 2 -> Visibility.NETWORK;
                    default -> round == 1 ? Visibility.LIBRARY : Visibility.PUBLIC;
                };
                last = index.upsert(Long.toString(i + 1), ResourceDocuments.of(snapshot(i + 1, m, visibility)));
                if (round == 0 && i % 5 == 0) {
                    for (String w : VietnameseAnalysis.fold(m.title()).split(" ")) {
                        words.add(w);
                    }
                    words.addAll(List.of(m.title().toLowerCase(Locale.ROOT).split(" ")));
                }
            }
        }
        index.awaitSearchable(last);
    }

    private static ResourceSnapshot snapshot(long id, RelevanceCollection.Material m, Visibility visibility) {
        Instant when = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(id);
        ResourceSnapshot.FileText file = new ResourceSnapshot.FileText(id, m.id() + ".txt", "text/plain", m.text(),
                List.of());
        return new ResourceSnapshot(id, m.title(), List.of(), m.description(), m.language(), m.subjects(), List.of(),
                id % 2 == 0 ? MaterialType.BOOK : MaterialType.OTHER, "CC-BY-4.0", visibility,
                ResourceStatus.PUBLISHED, LIBRARY, "TV7", "Thư viện 7", "PUBLIC_LIBRARY", when, when,
                List.of("text/plain"), List.of(file), null, false);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void bitSetCountsEqualQueryCountsForEveryViewerFilterAndSuffix() throws IOException {
        List<Viewer> viewers = List.of(Viewer.ANONYMOUS, new Viewer(1L, "member", Role.READER, LIBRARY),
                new Viewer(2L, "outsider", Role.READER, 99L), new Viewer(3L, "admin", Role.ADMIN, null));
        List<Map<String, List<String>>> chosen = List.of(Map.of(), Map.of(Fields.F_MATERIAL_TYPE, List.of("BOOK")));
        Set<Integer> distinctCounts = new HashSet<>();
        int compared = 0;
        for (int pass = 0; pass < 2; pass++) { // the second pass reads the kept bit sets
            for (Viewer viewer : viewers) {
                for (Map<String, List<String>> filters : chosen) {
                    compared += index.withSearcher(searcher -> {
                        VisibleScope scope = VisibleScope.of(searcher, index.facetsConfig(), viewer, filters);
                        int n = 0;
                        for (String w : words) {
                            for (String suffix : List.of(Fields.EXACT, Fields.FOLDED)) {
                                int expected = scope.count(Fields.inAny(Fields.TEXT_FIELDS, suffix, w));
                                assertThat(scope.countInAny(Fields.TEXT_FIELDS, suffix, w))
                                        .as("%s %s %s %s", viewer.username(), filters, suffix, w).isEqualTo(expected);
                                assertThat(scope.anyInAny(Fields.TEXT_FIELDS, suffix, w)).as("any %s", w)
                                        .isEqualTo(expected > 0);
                                distinctCounts.add(expected);
                                n++;
                            }
                        }
                        return n;
                    });
                }
            }
        }
        assertThat(compared).isGreaterThan(200);
        assertThat(distinctCounts).as("the words are not all absent or everywhere").hasSizeGreaterThan(5);
        assertThat(VisibleDocs.size()).isPositive();
        List<String> none = new ArrayList<>();
        index.withSearcher(s -> none.add(String.valueOf(VisibleScope.of(s, index.facetsConfig(), Viewer.ANONYMOUS,
                Map.of()).countInAny(Fields.TEXT_FIELDS, Fields.EXACT, "zzqxnothing"))));
        assertThat(none).containsExactly("0");
    }
}
