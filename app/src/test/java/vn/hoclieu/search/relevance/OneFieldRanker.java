package vn.hoclieu.search.relevance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import vn.hoclieu.search.relevance.RelevanceCollection.Material;

/**
 * A baseline as a plain Lucene or Solr setup is usually made: every text of a material in one
 * catch-all field, one analyzer, BM25 with Lucene's defaults, the query given to Lucene's classic
 * {@link QueryParser} (any word may match, OR) with its syntax escaped, except that balanced double
 * quotes still make a phrase. The baselines differ only in their analyzer.
 */
public abstract class OneFieldRanker implements Ranker {

    private static final String FIELD = "all";

    private final Analyzer analyzer;
    private final Directory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;

    protected OneFieldRanker(Analyzer analyzer, List<Material> materials) {
        this.analyzer = analyzer;
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Material m : materials) {
                Document doc = new Document();
                doc.add(new StringField("id", m.id(), Field.Store.YES));
                doc.add(new TextField(FIELD, m.title(), Field.Store.NO));
                m.subjects().forEach(s -> doc.add(new TextField(FIELD, s, Field.Store.NO)));
                doc.add(new TextField(FIELD, m.description() == null ? "" : m.description(), Field.Store.NO));
                doc.add(new TextField(FIELD, m.text(), Field.Store.NO));
                writer.addDocument(doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> search(String query, int limit) {
        try {
            IndexSearcher searcher = new IndexSearcher(reader);
            QueryParser parser = new QueryParser(FIELD, analyzer);
            List<String> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(parser.parse(escape(query)), limit).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get("id"));
            }
            return ids;
        } catch (ParseException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Query syntax escaped; balanced double quotes are kept as phrase delimiters. */
    static String escape(String query) {
        String[] parts = query.split("\"", -1);
        if (parts.length % 2 == 0) {
            return QueryParser.escape(query);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append('"');
            }
            out.append(QueryParser.escape(parts[i]));
        }
        return out.toString();
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        analyzer.close();
    }
}
