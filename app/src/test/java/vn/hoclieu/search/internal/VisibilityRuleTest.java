package vn.hoclieu.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.Access;
import vn.hoclieu.catalog.MaterialType;
import vn.hoclieu.catalog.ResourceSnapshot;
import vn.hoclieu.catalog.ResourceStatus;
import vn.hoclieu.catalog.Visibility;

/**
 * {@code catalog.Access} and {@link VisibilityFilter} are one rule written twice: for every viewer of
 * a matrix, the documents the filter matches in a real index are exactly the resources Access lets
 * them see.
 */
class VisibilityRuleTest {

    private static final long A = 1, B = 2, C = 3;
    /** Every visibility × status × library × shares × uploader (also indexed in Solr by {@code SolrBackendIT}). */
    static final List<ResourceSnapshot> RESOURCES = matrix();
    private static IndexSearcher searcher;

    static final Map<String, Viewer> VIEWERS = Map.ofEntries(
            Map.entry("anonymous", Viewer.ANONYMOUS),
            Map.entry("reader in no library", new Viewer(10L, "lonely", Role.READER, null)),
            Map.entry("teacher in no library", new Viewer(11L, "freelance", Role.TEACHER, null)),
            Map.entry("reader of A", new Viewer(12L, "readerA", Role.READER, A)),
            Map.entry("uploading teacher of A", new Viewer(13L, "teacherA", Role.TEACHER, A)),
            Map.entry("librarian of A", new Viewer(14L, "librarianA", Role.LIBRARIAN, A)),
            Map.entry("reader of B", new Viewer(15L, "readerB", Role.READER, B)),
            Map.entry("librarian of B", new Viewer(16L, "librarianB", Role.LIBRARIAN, B)),
            Map.entry("reader of C", new Viewer(17L, "readerC", Role.READER, C)),
            Map.entry("uploader in no library", new Viewer(18L, "solo", Role.TEACHER, null)),
            Map.entry("admin", new Viewer(19L, "admin", Role.ADMIN, null)));

    @BeforeAll
    static void index() throws IOException {
        FacetsConfig facets = new FacetsConfig();
        Fields.MULTI_VALUED_FACETS.forEach(dim -> facets.setMultiValued(dim, true));
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (ResourceSnapshot r : RESOURCES) {
                writer.addDocument(facets.build(ResourceDocuments.of(r)));
            }
        }
        searcher = new IndexSearcher(DirectoryReader.open(directory));
    }

    @Test
    void theIndexFilterAndTheCatalogueRuleAgreeForEveryViewerAndResource() throws IOException {
        for (Map.Entry<String, Viewer> v : VIEWERS.entrySet()) {
            Set<Long> byAccess = visibleByAccess(v.getValue());
            Set<Long> byFilter = new TreeSet<>();
            for (ScoreDoc sd : searcher.search(VisibilityFilter.of(v.getValue()), RESOURCES.size()).scoreDocs) {
                byFilter.add(Long.parseLong(searcher.storedFields().document(sd.doc).get(Fields.ID)));
            }
            assertThat(byFilter).as(v.getKey()).isEqualTo(byAccess);
        }
    }

    @Test
    void networkMaterialNeedsAMembershipNotJustAnAccount() {
        ResourceSnapshot network = RESOURCES.stream().filter(r -> r.visibility() == Visibility.NETWORK
                && r.status() == ResourceStatus.PUBLISHED && r.createdBy().equals("someone")).findFirst().orElseThrow();
        assertThat(canView("reader in no library", network)).isFalse();
        assertThat(canView("anonymous", network)).isFalse();
        assertThat(canView("reader of C", network)).isTrue();
    }

    @Test
    void libraryMaterialIsSeenByTheLibrariesItIsSharedWithOnly() {
        ResourceSnapshot sharedWithB = RESOURCES.stream().filter(r -> r.visibility() == Visibility.LIBRARY
                && r.status() == ResourceStatus.PUBLISHED && Long.valueOf(A).equals(r.libraryId())
                && r.sharedWith().size() == 1 && r.createdBy().equals("someone")).findFirst().orElseThrow();
        assertThat(canView("reader of A", sharedWithB)).isTrue();
        assertThat(canView("reader of B", sharedWithB)).isTrue();
        assertThat(canView("reader of C", sharedWithB)).isFalse();
        assertThat(canView("reader in no library", sharedWithB)).isFalse();
        ResourceSnapshot pendingShared = RESOURCES.stream().filter(r -> r.visibility() == Visibility.LIBRARY
                && r.status() == ResourceStatus.PENDING && Long.valueOf(A).equals(r.libraryId())
                && r.sharedWith().size() == 1 && r.createdBy().equals("someone")).findFirst().orElseThrow();
        assertThat(canView("librarian of B", pendingShared)).isFalse();
        assertThat(canView("librarian of A", pendingShared)).isTrue();
    }

    /** The ids of the matrix that {@code catalog.Access} lets the viewer see. */
    static Set<Long> visibleByAccess(Viewer viewer) {
        Set<Long> byAccess = new TreeSet<>();
        for (ResourceSnapshot r : RESOURCES) {
            if (Access.canView(viewer, r.visibility(), r.status(), r.libraryId(), r.createdBy(),
                    r.sharedWith().stream().map(ResourceSnapshot.SharedLibrary::id).toList())) {
                byAccess.add(r.id());
            }
        }
        return byAccess;
    }

    private static List<ResourceSnapshot> matrix() {
        List<ResourceSnapshot> all = new ArrayList<>();
        long id = 1;
        for (Visibility visibility : Visibility.values()) {
            for (ResourceStatus status : ResourceStatus.values()) {
                for (Long library : new Long[] {A, null}) {
                    for (List<Long> shared : List.of(List.<Long>of(), List.of(B), List.of(B, C))) {
                        for (String uploader : List.of("teacherA", "solo", "someone")) {
                            all.add(snapshot(id++, visibility, status, library, shared, uploader));
                        }
                    }
                }
            }
        }
        return all;
    }

    private static boolean canView(String viewer, ResourceSnapshot r) {
        return Access.canView(VIEWERS.get(viewer), r.visibility(), r.status(), r.libraryId(), r.createdBy(),
                r.sharedWith().stream().map(ResourceSnapshot.SharedLibrary::id).toList());
    }

    private static ResourceSnapshot snapshot(long id, Visibility visibility, ResourceStatus status, Long library,
                                             List<Long> shared, String uploader) {
        Instant now = Instant.now();
        return new ResourceSnapshot(id, "Tài liệu " + id, List.of(), null, "vi", List.of(), List.of(),
                MaterialType.BOOK, null, visibility, status, library, library == null ? null : "LIB-" + library,
                null, null, now, now, List.of("text/plain"), List.of(), uploader, false, 0,
                shared.stream().map(s -> new ResourceSnapshot.SharedLibrary(s, "LIB-" + s)).toList());
    }
}
