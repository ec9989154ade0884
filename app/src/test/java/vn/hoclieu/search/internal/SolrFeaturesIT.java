package vn.hoclieu.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import vn.hoclieu.TestGroups;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.MaterialType;
import vn.hoclieu.catalog.ResourceSnapshot;
import vn.hoclieu.catalog.ResourceStatus;
import vn.hoclieu.catalog.Visibility;
import vn.hoclieu.search.DocumentMatches;
import vn.hoclieu.search.SearchHit;
import vn.hoclieu.search.SearchPage;
import vn.hoclieu.search.SearchProperties;
import vn.hoclieu.search.SearchRequest;

/**
 * Did-you-mean and the places of hits on SolrCloud against the embedded index, on the same documents
 * indexed in a two-shard collection of the test cluster and in an embedded index: the same suggestion
 * for every query and viewer (accents restored from the catalogue's own bigrams, spelling corrected,
 * nothing drawn from material the viewer may not see), and the same page, slide or moment for a hit
 * and for each passage of a search within one document.
 */
@Tag(TestGroups.SERVER)
class SolrFeaturesIT {

    private static final long A = 1, B = 2;
    private static final Viewer ANONYMOUS = Viewer.ANONYMOUS;
    private static final Viewer LIBRARIAN_OF_B = new Viewer(16L, "librarianB", Role.LIBRARIAN, B);
    private static final Viewer READER_OF_A = new Viewer(12L, "readerA", Role.READER, A);
    private static final List<Viewer> VIEWERS = List.of(ANONYMOUS, LIBRARIAN_OF_B, READER_OF_A);

    private static final long PDF = 501, VIDEO = 502, SLIDES = 503, TWO_FILES = 504;
    private static final List<ResourceSnapshot> RESOURCES = List.of(
            text(401, "Du lịch miền Trung", "Thành phố Đà Nẵng bên bờ biển, cầu Rồng.", Visibility.PUBLIC, A),
            text(402, "Ẩm thực Đà Nẵng", "Mì Quảng ở thành phố Đà Nẵng.", Visibility.PUBLIC, A),
            text(403, "Thiết bị văn phòng", "Máy in đa năng cho trường học.", Visibility.PUBLIC, A),
            text(404, "Thư viện trường em", "Sách hay của thư viện nhà trường.", Visibility.PUBLIC, A),
            // written without marks where everyone sees it, with marks only where library B's members do
            text(405, "Bài tập gõ không dấu", "Viết lại: ho hoan kiem o ha noi.", Visibility.PUBLIC, A),
            text(406, "Hồ Hoàn Kiếm", "Hồ Hoàn Kiếm ở giữa Hà Nội, hồ Hoàn Kiếm rất đẹp.", Visibility.LIBRARY, B),
            text(408, "Đền Ngọc Sơn", "Đền Ngọc Sơn trên hồ Hoàn Kiếm.", Visibility.LIBRARY, B),
            text(407, "Địa lí nội bộ", "Thung lũng Mường Thanh, thung lũng Mường Thanh.", Visibility.LIBRARY, B),
            file(PDF, "Tập hát của lớp", new ResourceSnapshot.FileText(PDF * 10, "tap-hat.pdf", "application/pdf",
                    "Trang một: lời giới thiệu.\fTrang hai: các bài hát.\fTrang ba: đội hợp xướng biểu diễn.",
                    List.of())),
            file(VIDEO, "Bài giảng núi lửa", new ResourceSnapshot.FileText(VIDEO * 10, "nui-lua.vtt", "text/vtt",
                    "Xin chào các em.\fHôm nay học về địa chất.\fNúi lửa phun trào dung nham.",
                    List.of(0.0, 4.5, 9.2))),
            file(SLIDES, "Trình chiếu địa lí", new ResourceSnapshot.FileText(SLIDES * 10, "dia-li.pptx",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                    "Trang bìa.\fBản đồ hành chính các tỉnh.", List.of())),
            file(TWO_FILES, "Hai tệp", new ResourceSnapshot.FileText(TWO_FILES * 10, "mot.pdf", "application/pdf",
                    "Tệp đầu tiên.\fVẫn tệp đầu tiên.", List.of()),
                    new ResourceSnapshot.FileText(TWO_FILES * 10 + 1, "hai.pdf", "application/pdf",
                            "Tệp thứ hai.\fỞ đây có đàn bầu và đàn tranh.\fHết.", List.of())));

    private static SolrClient client;
    private static SolrSearchBackend solr;
    private static Path directory;
    private static LuceneIndex index;
    private static Searcher lucene;
    private static DidYouMean didYouMean;
    private static DocumentSearch documents;

    @BeforeAll
    static void indexInBoth() throws IOException {
        client = SolrCloudFork.client();
        SolrCollection collection = new SolrCollection(client, "features");
        collection.send(new UpdateRequest().deleteByQuery("*:*"));
        UpdateRequest update = new UpdateRequest();
        RESOURCES.forEach(r -> update.add(SolrDocuments.of(r)));
        update.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true);
        collection.send(update);
        solr = new SolrSearchBackend(collection, null);

        directory = Files.createTempDirectory("hoclieu-features");
        index = new LuceneIndex(new SearchProperties(directory, null, null));
        LuceneIndex.Change last = null;
        for (ResourceSnapshot r : RESOURCES) {
            last = index.upsert(Long.toString(r.id()), ResourceDocuments.of(r));
        }
        index.awaitSearchable(last);
        lucene = new Searcher(index);
        didYouMean = new DidYouMean(index);
        documents = new DocumentSearch(index);
    }

    @AfterAll
    static void close() throws IOException {
        client.close();
        index.close();
        FileSystemUtils.deleteRecursively(directory);
    }

    private static String embedded(String q, Viewer viewer) {
        SearchRequest request = new SearchRequest(q, 0, 10, "relevance", Map.of());
        return didYouMean.offer(request, viewer, lucene.search(request, viewer)).didYouMean();
    }

    private static String cloud(String q, Viewer viewer) {
        return solr.search(new SearchRequest(q, 0, 10, "relevance", Map.of()), viewer).didYouMean();
    }

    @Test
    void didYouMeanIsTheSameOnBothBackendsForEveryQueryAndViewer() {
        List<String> queries = List.of("da nang", "Da Nang", "thanh pho da nang", "thu vienn", "thư việnn",
                "thu vien truong", "hoan kiem", "ho hoan kiem", "muong thanh", "thung lung", "hop xuong",
                "nui lua phun trao", "ban do hanh chinh", "Thành phố Đà Nẵng", "may in da nang", "dan bau");
        List<String> differences = new ArrayList<>();
        int offered = 0;
        long embeddedNanos = 0;
        long cloudNanos = 0;
        for (Viewer viewer : VIEWERS) {
            for (String q : queries) {
                long started = System.nanoTime();
                String want = embedded(q, viewer);
                long between = System.nanoTime();
                String got = cloud(q, viewer);
                cloudNanos += System.nanoTime() - between;
                embeddedNanos += between - started;
                offered += want == null ? 0 : 1;
                if (!Objects.equals(want, got)) {
                    differences.add(viewer.username() + " «" + q + "»: embedded " + want + ", solr " + got);
                }
            }
        }
        // a figure to read, not to assert (wall time on a shared machine): search + did-you-mean per query
        System.out.printf("search with did-you-mean, mean of %d: embedded %.1f ms, SolrCloud %.1f ms%n",
                queries.size() * VIEWERS.size(), embeddedNanos / 1e6 / (queries.size() * VIEWERS.size()),
                cloudNanos / 1e6 / (queries.size() * VIEWERS.size()));
        assertThat(differences).isEmpty();
        assertThat(offered).as("suggestions offered at all").isGreaterThan(5);
    }

    @Test
    void accentsAreRestoredAndSpellingCorrectedOnSolrCloud() {
        assertThat(cloud("da nang", ANONYMOUS)).isEqualTo("đà nẵng");
        assertThat(cloud("thanh pho da nang", ANONYMOUS)).isEqualTo("thành phố đà nẵng");
        assertThat(cloud("thu vienn", ANONYMOUS)).isEqualTo("thư viện");
        assertThat(cloud("thư việnn", ANONYMOUS)).isEqualTo("thư viện");
        assertThat(cloud("Thành phố Đà Nẵng", ANONYMOUS)).isNull();
    }

    @Test
    void aFormOnlyHiddenMaterialHoldsIsNeverOffered() {
        // "Hoàn Kiếm" is written with its marks only in library B's material
        assertThat(cloud("hoan kiem", ANONYMOUS)).isNull();
        assertThat(cloud("hoan kiem", READER_OF_A)).isNull();
        assertThat(cloud("hoan kiem", LIBRARIAN_OF_B)).isEqualTo("hoàn kiếm");
        // nothing visible holds "muong thanh" at all: no correction towards hidden words either
        assertThat(cloud("muong thanh", ANONYMOUS)).isNull();
        assertThat(cloud("muong thanhh", ANONYMOUS)).isNull();
        assertThat(cloud("muong thanhh", LIBRARIAN_OF_B)).isEqualTo("mường thanh");
    }

    @Test
    void aHitSaysTheSamePageSlideOrMomentOnBothBackends() {
        assertThat(location("hợp xướng", PDF)).isEqualTo(new SearchHit.Location(SearchHit.Location.PAGE, 3, null,
                null, PDF * 10));
        SearchHit.Location moment = location("phun trào", VIDEO);
        assertThat(moment.kind()).isEqualTo(SearchHit.Location.MOMENT);
        assertThat(moment.timecode()).isEqualTo("00:09");
        assertThat(moment.link(VIDEO)).isEqualTo("/resources/" + VIDEO + "?t=9");
        assertThat(location("bản đồ hành chính", SLIDES)).isEqualTo(new SearchHit.Location(SearchHit.Location.SLIDE,
                2, null, null, SLIDES * 10));
        // the second file's second page
        assertThat(location("dan bau", TWO_FILES)).isEqualTo(new SearchHit.Location(SearchHit.Location.PAGE, 2, null,
                null, TWO_FILES * 10 + 1));
    }

    /** The location of the resource's hit, the same on both backends (and the same snippet). */
    private static SearchHit.Location location(String q, long id) {
        SearchRequest request = new SearchRequest(q, 0, 10, "relevance", Map.of());
        SearchHit want = hit(lucene.search(request, ANONYMOUS), id);
        SearchHit got = hit(solr.search(request, ANONYMOUS), id);
        assertThat(got.location()).as("location for «%s»", q).isEqualTo(want.location());
        assertThat(got.snippet()).as("snippet for «%s»", q).isEqualTo(want.snippet());
        return got.location();
    }

    private static SearchHit hit(SearchPage page, long id) {
        return page.hits().stream().filter(h -> h.id() == id).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not found in " + page.hits()));
    }

    @Test
    void searchWithinADocumentPlacesEachPassageAsTheEmbeddedIndexDoes() {
        for (long id : List.of(PDF, VIDEO, SLIDES, TWO_FILES)) {
            for (String q : List.of("hợp xướng", "nui lua", "phun trao", "ban do", "tep", "dan")) {
                DocumentMatches want = documents.within(id, q, ANONYMOUS);
                DocumentMatches got = solr.within(id, q, ANONYMOUS);
                assertThat(got).as("within %d «%s»", id, q).isEqualTo(want);
            }
        }
        DocumentMatches video = solr.within(VIDEO, "núi lửa", ANONYMOUS);
        assertThat(video.passages()).extracting(p -> p.location().timecode()).containsExactly("00:09");
        // one passage per file (each text is shorter than a passage), each placed at its first match
        DocumentMatches twoFiles = solr.within(TWO_FILES, "tệp", ANONYMOUS);
        assertThat(twoFiles.passages()).extracting(p -> p.location().fileId() + "/" + p.location().page())
                .containsExactly(TWO_FILES * 10 + "/1", (TWO_FILES * 10 + 1) + "/1");
        // nothing is said of a resource the viewer may not see
        assertThat(solr.within(406, "hoàn kiếm", ANONYMOUS).passages()).isEmpty();
        assertThat(solr.within(406, "hoàn kiếm", LIBRARIAN_OF_B).passages()).isNotEmpty();
    }

    private static ResourceSnapshot text(long id, String title, String text, Visibility visibility, long library) {
        return snapshot(id, title, visibility, library, List.of(new ResourceSnapshot.FileText(id * 10, "t.txt",
                "text/plain", text, List.of())));
    }

    private static ResourceSnapshot file(long id, String title, ResourceSnapshot.FileText... files) {
        return snapshot(id, title, Visibility.PUBLIC, A, List.of(files));
    }

    private static ResourceSnapshot snapshot(long id, String title, Visibility visibility, long library,
                                             List<ResourceSnapshot.FileText> texts) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id);
        return new ResourceSnapshot(id, title, List.of(), null, "vi", List.of(), List.of(), MaterialType.BOOK, null,
                visibility, ResourceStatus.PUBLISHED, library, "LIB-" + library, null, null, at, at,
                texts.stream().map(ResourceSnapshot.FileText::mediaType).distinct().toList(), texts, "someone", false,
                0);
    }
}
