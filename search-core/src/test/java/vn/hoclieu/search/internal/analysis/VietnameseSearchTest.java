package vn.hoclieu.search.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** Runs real queries against a small in-memory index built with the four analyzers. */
class VietnameseSearchTest {

    private static final String EXACT = "exact";
    private static final String FOLDED = "folded";
    private static final String EXACT_BIGRAMS = "exact_bigrams";
    private static final String FOLDED_BIGRAMS = "folded_bigrams";

    /** One text indexed into the four fields, as the search module will do. */
    private static final class TestIndex implements AutoCloseable {
        private final Analyzer analyzer = new PerFieldAnalyzerWrapper(VietnameseAnalysis.exact(),
                Map.of(FOLDED, VietnameseAnalysis.folded(),
                        EXACT_BIGRAMS, VietnameseAnalysis.exactBigrams(),
                        FOLDED_BIGRAMS, VietnameseAnalysis.foldedBigrams()));
        private final Directory directory = new ByteBuffersDirectory();
        private final List<String> texts = new ArrayList<>();
        private DirectoryReader reader;

        TestIndex with(String text) {
            texts.add(text);
            return this;
        }

        /** Ids ("0", "1", ... in order of {@link #with}) of the hits, best first. */
        List<String> search(String field, String query) throws IOException, ParseException {
            return search(new QueryParser(field, analyzer).parse(query));
        }

        List<String> search(Query query) throws IOException {
            if (reader == null) {
                try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                    for (int i = 0; i < texts.size(); i++) {
                        Document doc = new Document();
                        doc.add(new StringField("id", String.valueOf(i), Field.Store.YES));
                        for (String field : List.of(EXACT, FOLDED, EXACT_BIGRAMS, FOLDED_BIGRAMS)) {
                            doc.add(new TextField(field, texts.get(i), Field.Store.NO));
                        }
                        writer.addDocument(doc);
                    }
                }
                reader = DirectoryReader.open(directory);
            }
            IndexSearcher searcher = new IndexSearcher(reader);
            List<String> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, 10).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get("id"));
            }
            return ids;
        }

        Query parse(String field, String query) throws ParseException {
            return new QueryParser(field, analyzer).parse(query);
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
            }
            directory.close();
            analyzer.close();
        }
    }

    private static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    @Test
    void unaccentedQueryFindsAccentedTextThroughFoldedField() throws Exception {
        try (TestIndex index = new TestIndex().with("Học tập suốt đời là chìa khóa").with("Toán lớp 5")) {
            assertThat(index.search(FOLDED, "+hoc +tap +suot +doi")).containsExactly("0");
            assertThat(index.search(EXACT, "hoc tap suot doi")).isEmpty();
        }
    }

    @Test
    void decomposedAndComposedFormsFindEachOther() throws Exception {
        try (TestIndex index = new TestIndex().with("Chúng em học tập").with(nfd("Chúng em học tập"))
                .with("Chúng em đi chơi")) {
            for (String field : List.of(EXACT, FOLDED, EXACT_BIGRAMS, FOLDED_BIGRAMS)) {
                assertThat(index.search(field, "\"học tập\"")).as(field).containsExactlyInAnyOrder("0", "1");
                assertThat(index.search(field, "\"" + nfd("học tập") + "\"")).as(field)
                        .containsExactlyInAnyOrder("0", "1");
            }
        }
    }

    @Test
    void bigramsRankTheAdjacentPhraseOverScatteredWords() throws Exception {
        try (TestIndex index = new TestIndex()
                .with("Học sinh tập thể dục suốt buổi sáng, cả đời khỏe mạnh")
                .with("Học tập suốt đời là chìa khóa của thành công")) {
            for (String query : List.of("hoc tap suot doi", "học tập suốt đời")) {
                Query q = new BooleanQuery.Builder()
                        .add(index.parse(FOLDED, query), BooleanClause.Occur.SHOULD)
                        .add(new BoostQuery(index.parse(FOLDED_BIGRAMS, query), 2f),
                                BooleanClause.Occur.SHOULD)
                        .build();
                assertThat(index.search(q)).as(query).containsExactly("1", "0");
            }
        }
    }

    @Test
    void accentedQueryRanksDaNangFirstOnExactFields() throws Exception {
        try (TestIndex index = new TestIndex()
                .with("Bà ấy đã nặng lắm rồi")
                .with("Máy in đa năng cho trường học")
                .with("Thành phố Đà Nẵng bên bờ biển")) {
            assertThat(index.search(EXACT_BIGRAMS, "Đà Nẵng")).containsExactly("2");
            assertThat(index.search(EXACT, "+Đà +Nẵng")).containsExactly("2");
            assertThat(index.search(FOLDED_BIGRAMS, "Đà Nẵng")).containsExactlyInAnyOrder("0", "1", "2");
            assertThat(index.search(FOLDED_BIGRAMS, "da nang")).containsExactlyInAnyOrder("0", "1", "2");
        }
    }

    @Test
    void unaccentedIYQueryFindsEitherSpelling() throws Exception {
        try (TestIndex index = new TestIndex().with("Kĩ năng mềm").with("Kỹ năng sống").with("Quy tắc")) {
            assertThat(index.search(FOLDED_BIGRAMS, "ky nang")).containsExactlyInAnyOrder("0", "1");
            assertThat(index.search(FOLDED, "qui")).containsExactly("2");
        }
    }

    @Test
    void tonePlacementVariantsFindEachOtherOnExactFields() throws Exception {
        try (TestIndex index = new TestIndex().with("Hòa bình và sức khỏe").with("Hoà Bình")) {
            assertThat(index.search(EXACT_BIGRAMS, "hoà bình")).containsExactlyInAnyOrder("0", "1");
            assertThat(index.search(EXACT, "khoẻ")).containsExactly("0");
            assertThat(index.search(EXACT, "HÒA")).containsExactlyInAnyOrder("0", "1");
        }
    }

    @Test
    void phraseOnFoldedFieldNeedsAdjacentSyllables() throws Exception {
        try (TestIndex index = new TestIndex().with("Học sinh tập thể dục").with("Tài liệu học tập")) {
            assertThat(index.search(FOLDED, "\"hoc tap\"")).containsExactly("1");
        }
    }

    @Test
    void bigramQueryDoesNotMatchAcrossASentenceBreak() throws Exception {
        try (TestIndex index = new TestIndex().with("Hôm nay trời đẹp ở Hà Nội. Sáng nay mưa")
                .with("Hà Nội sáng nay")) {
            assertThat(index.search(FOLDED_BIGRAMS, "noi sang")).containsExactly("1");
        }
    }

    @Test
    void queryParserNormalizesPrefixTerms() throws Exception {
        try (TestIndex index = new TestIndex().with("Kỹ năng").with("Thủy điện")) {
            assertThat(index.search(FOLDED, "Kỹ*")).containsExactly("0");
            assertThat(index.search(EXACT, "THỦY*")).containsExactly("1");
        }
    }
}
