package vn.hoclieu.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.MaterialType;
import vn.hoclieu.catalog.ResourceSnapshot;
import vn.hoclieu.catalog.ResourceStatus;
import vn.hoclieu.catalog.Visibility;
import vn.hoclieu.search.SearchPage;
import vn.hoclieu.search.SearchProperties;
import vn.hoclieu.search.SearchRequest;

/**
 * "Did you mean" corrects a query into a phrase the collection holds, on a real index through the real
 * path ({@link Searcher}, then {@link DidYouMean} as the embedded backend runs them): a word-by-word
 * checker turned "thu vein so" into "thu viết so" (viết is frequent), "hoc tap suot doj" into "học tập
 * suốt đọc" and left "tim" in "kiem chung thong tim" alone (it is a word). Besides the phrases, the
 * collection holds the words those wrong corrections were made of, in other places.
 */
class PhraseCorrectionTest {

    private static final long LIBRARY = 8;
    private static final Viewer MEMBER = new Viewer(5L, "member", Role.READER, LIBRARY);

    private static Path folder;
    /** The phrases, the distractors and one library-only material. */
    private static LuceneIndex phrases;
    /** The words of "thư viện số", never together. */
    private static LuceneIndex apart;

    @BeforeAll
    static void build() throws IOException {
        folder = Files.createTempDirectory("hoclieu-phrase-correction");
        phrases = index("phrases",
                material(1, "Thư viện số cho mọi người",
                        "Thư viện số giúp người đọc mượn sách điện tử. Thư viện số mở cửa cả ngày lẫn đêm."),
                material(2, "Học tập suốt đời", "Học tập suốt đời là chìa khoá mở cửa tương lai của mỗi người."),
                material(3, "Kiểm chứng thông tin trên mạng",
                        "Trước khi chia sẻ một bài viết, hãy kiểm chứng thông tin từ nhiều nguồn."),
                material(4, "Viết thư tay", "Em viết thư cho bà. Bức thư viết tay làm bà vui."),
                material(5, "Đọc sách mỗi tối", "Đọc sách giúp em học giỏi văn."),
                material(6, "Nhịp tim khoẻ mạnh", "Tim đập đều khi em tập thể dục vừa sức."),
                material(7, "Tìm sách nhanh", "Cách tìm sách trên giá theo mã phân loại."),
                restricted(8, "Hồ sơ tuyển dụng", "Hồ sơ tuyển dụng giáo viên năm học mới."));
        apart = index("apart",
                material(1, "Gửi thư", "Em gửi thư cho ông ở viện dưỡng lão."),
                material(2, "Con số may mắn", "Bảy là con số may mắn của em."));
    }

    @AfterAll
    static void close() throws IOException {
        phrases.close();
        apart.close();
        FileSystemUtils.deleteRecursively(folder);
    }

    @Test
    void misspelledQueriesBecomeThePhrasesTheCollectionHolds() {
        assertThat(search(phrases, "thu vein so", Viewer.ANONYMOUS).didYouMean()).isEqualTo("thư viện số");
        assertThat(search(phrases, "hoc tap suot doj", Viewer.ANONYMOUS).didYouMean()).isEqualTo("học tập suốt đời");
        assertThat(search(phrases, "kiem chung thong tim", Viewer.ANONYMOUS).didYouMean())
                .isEqualTo("kiểm chứng thông tin");
        // typed with marks: the case and marks as typed, the wrong word corrected
        assertThat(search(phrases, "Kiểm chứng thông tim", Viewer.ANONYMOUS).didYouMean())
                .isEqualTo("Kiểm chứng thông tin");
    }

    @Test
    void aCorrectionWhoseWordsTheCollectionNeverHoldsTogetherIsNotOffered() {
        // thư and viện are in one material, số in another: "thu vien so" would find the first (two words of
        // three), but no material holds the three words, nor any pair of them
        SearchPage page = search(apart, "thu vein so", Viewer.ANONYMOUS);
        assertThat(page.total()).isZero();
        assertThat(page.didYouMean()).isNull();
        assertThat(search(apart, "thu vien so", Viewer.ANONYMOUS).total()).isEqualTo(1);
    }

    @Test
    void aPairOnlyRestrictedMaterialHoldsIsNeverOfferedToOthers() {
        SearchPage anonymous = search(phrases, "ho so tuyen dunh", Viewer.ANONYMOUS);
        assertThat(anonymous.total()).isZero();
        assertThat(anonymous.didYouMean()).isNull();
        assertThat(search(phrases, "ho so tuyen dunh", MEMBER).didYouMean()).isEqualTo("hồ sơ tuyển dụng");
    }

    @Test
    void nothingIsCorrectedThatTheCollectionAlreadyHoldsAsTyped() {
        assertThat(search(phrases, "thư viện số", Viewer.ANONYMOUS).didYouMean()).isNull();
        assertThat(search(phrases, "kiểm chứng thông tin", Viewer.ANONYMOUS).didYouMean()).isNull();
        assertThat(search(phrases, "viết thư", Viewer.ANONYMOUS).didYouMean()).isNull();
    }

    @Test
    void theCorrectionIsOnlyLookedForWhenTheQueryFindsFewResultsOrNoneHoldingWhatWasTyped() {
        AtomicInteger lookups = new AtomicInteger();
        DidYouMean.Scoped counting = work -> phrases.withSearcher(searcher -> work.apply(new LookupCounter(
                VisibleScope.of(searcher, phrases.facetsConfig(), Viewer.ANONYMOUS, Map.of()), lookups)));
        // enough results, and every word and pair as typed in some of them: the dictionary is not walked
        DidYouMean.suggest("viet thu cho ba", DidYouMean.FEW_HITS, counting);
        assertThat(lookups).hasValue(0);
        // enough results for a query typed with every mark: nothing is looked at
        assertThat(DidYouMean.suggest("Kiểm chứng thông tìm", DidYouMean.FEW_HITS, counting)).isNull();
        assertThat(lookups).hasValue(0);
        // enough results, none of them with "thong tim": looked for, and found
        assertThat(DidYouMean.suggest("kiem chung thong tim", DidYouMean.FEW_HITS, counting))
                .isEqualTo("kiểm chứng thông tin");
        assertThat(lookups.get()).isPositive();
        // few results: looked for, whatever the marks
        lookups.set(0);
        assertThat(DidYouMean.suggest("Kiểm chứng thông tìm", 1, counting)).isEqualTo("Kiểm chứng thông tin");
        assertThat(lookups.get()).isPositive();
    }

    @Test
    void anAnswerIsKeptForItsReaderOnlyAndForTheViewersWhoMaySeeTheSame() throws IOException {
        LuceneIndex changing = index("changing", material(1, "Gửi thư", "Em gửi thư cho ông."));
        try {
            assertThat(search(changing, "ho so tuyen dunh", Viewer.ANONYMOUS).didYouMean()).isNull();
            SuggestionCache.Key key = new SuggestionCache.Key("ho so tuyen dunh", Map.of(),
                    VisibilityFilter.of(Viewer.ANONYMOUS), 0);
            boolean kept = changing.withSearcher(s -> SuggestionCache.kept(s.getIndexReader(), key));
            assertThat(kept).as("kept for the reader it was worked out on").isTrue();
            // the catalogue changes: the next reader works the answer out again
            changing.awaitSearchable(changing.upsert("2", ResourceDocuments.of(
                    material(2, "Hồ sơ tuyển dụng", "Hồ sơ tuyển dụng giáo viên năm học mới."))));
            assertThat(search(changing, "ho so tuyen dunh", Viewer.ANONYMOUS).didYouMean())
                    .isEqualTo("hồ sơ tuyển dụng");
            assertThat(search(changing, "ho so tuyen dunh", Viewer.ANONYMOUS).didYouMean())
                    .as("asked again on the same reader").isEqualTo("hồ sơ tuyển dụng");
        } finally {
            changing.close();
        }
    }

    private static SearchPage search(LuceneIndex index, String q, Viewer viewer) {
        SearchRequest request = new SearchRequest(q, 0, 10, null, Map.of());
        return new DidYouMean(index).offer(request, viewer, new Searcher(index).search(request, viewer));
    }

    /** A real scope that counts the vocabulary lookups (the spell checker's walks of the term dictionary). */
    private record LookupCounter(VisibleScope scope, AtomicInteger lookups) implements SuggestionScope {

        @Override
        public Map<String, Vocabulary.Similar> similar(List<String> fields, String word) throws IOException {
            lookups.incrementAndGet();
            return scope.similar(fields, word);
        }

        @Override
        public int count(Query query) throws IOException {
            return scope.count(query);
        }

        @Override
        public int[] countsInAny(List<String> fields, String suffix, List<String> terms) throws IOException {
            return scope.countsInAny(fields, suffix, terms);
        }

        @Override
        public boolean anyInAny(List<String> fields, String suffix, String term) throws IOException {
            return scope.anyInAny(fields, suffix, term);
        }

        @Override
        public boolean any(Query query) throws IOException {
            return scope.any(query);
        }

        @Override
        public long countSearch(String text) throws IOException {
            return scope.countSearch(text);
        }

        @Override
        public Map<String, Integer> matching(String suffix, List<String> pattern) throws IOException {
            return scope.matching(suffix, pattern);
        }
    }

    private static LuceneIndex index(String name, ResourceSnapshot... materials) throws IOException {
        LuceneIndex index = new LuceneIndex(new SearchProperties(folder.resolve(name), null, null));
        LuceneIndex.Change last = null;
        for (ResourceSnapshot m : materials) {
            last = index.upsert(Long.toString(m.id()), ResourceDocuments.of(m));
        }
        index.awaitSearchable(last);
        return index;
    }

    private static ResourceSnapshot material(long id, String title, String text) {
        return snapshot(id, title, text, Visibility.PUBLIC);
    }

    private static ResourceSnapshot restricted(long id, String title, String text) {
        return snapshot(id, title, text, Visibility.LIBRARY);
    }

    private static ResourceSnapshot snapshot(long id, String title, String text, Visibility visibility) {
        Instant when = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id);
        return new ResourceSnapshot(id, title, List.of(), null, "vi", List.of(), List.of(), MaterialType.OTHER,
                "CC-BY-4.0", visibility, ResourceStatus.PUBLISHED, LIBRARY, "TV8", "Thư viện 8", "SCHOOL", when, when,
                List.of("text/plain"), List.of(new ResourceSnapshot.FileText(id, id + ".txt", "text/plain", text,
                List.of())), null, false);
    }
}
