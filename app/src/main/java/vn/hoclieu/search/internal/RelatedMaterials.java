package vn.hoclieu.search.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.SearchHit;

/**
 * "More like this" for a resource page: Lucene's {@link MoreLikeThis} over the folded syllable
 * bigrams of the title, subjects, description and text ("học tập", "đà nẵng": bigrams say what a
 * Vietnamese text is about far better than its syllables, most of which are common to everything),
 * plus the title's and subjects' syllables. Only what the viewer may see is offered.
 */
@Component
@LuceneBackend
public class RelatedMaterials {

    /** Weight of each source of terms: what a material is about is said best by its title and subjects. */
    private static final Map<String, Float> SOURCES = Map.of(
            Fields.TITLE, 2.0f, Fields.SUBJECTS, 1.5f, Fields.DESCRIPTION, 1.0f, Fields.TEXT, 1.0f);
    private static final int MAX_TERMS_PER_SOURCE = 25;
    /** Enough of a long text to know what it is about; a whole book would only cost time. */
    private static final int MAX_TOKENS_PARSED = 20_000;

    private final LuceneIndex index;

    RelatedMaterials(LuceneIndex index) {
        this.index = index;
    }

    /** Up to {@code size} resources like this one, most alike first; empty if there is none or it is not visible. */
    public List<SearchHit> of(long resourceId, Viewer viewer, int size) {
        Query visible = VisibilityFilter.of(viewer);
        Term self = new Term(Fields.ID, Long.toString(resourceId));
        return index.withSearcher(searcher -> {
            TopDocs found = searcher.search(new BooleanQuery.Builder()
                    .add(new TermQuery(self), Occur.MUST).add(visible, Occur.FILTER).build(), 1);
            if (found.scoreDocs.length == 0) {
                return List.of();
            }
            Query like = like(searcher, searcher.storedFields().document(found.scoreDocs[0].doc));
            if (like == null) {
                return List.of();
            }
            Query query = new BooleanQuery.Builder()
                    .add(like, Occur.MUST)
                    .add(visible, Occur.FILTER)
                    .add(new TermQuery(self), Occur.MUST_NOT)
                    .build();
            TopDocs top = searcher.search(query, Math.max(1, Math.min(size, 20)));
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = searcher.storedFields().document(sd.doc);
                hits.add(new SearchHit(Long.parseLong(d.get(Fields.ID)), d.get(Fields.DISPLAY_TITLE),
                        Searcher.plainStart(d.get(Fields.DESCRIPTION + Fields.FOLDED), d.get(Fields.TEXT + Fields.FOLDED)),
                        d.get(Fields.DISPLAY_MATERIAL_TYPE), d.get(Fields.DISPLAY_LANGUAGE),
                        d.get(Fields.DISPLAY_LIBRARY), sd.score, d.get(Fields.DISPLAY_THUMBNAIL), null,
                        Searcher.licence(d)));
            }
            return hits;
        });
    }

    /** The interesting terms of the document, as one query; null if it has none. */
    private Query like(IndexSearcher searcher, Document document) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(index.analyzer());
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2); // a term no other document has cannot relate it to anything
        mlt.setMaxDocFreqPct(40); // nor can one that half the catalogue has
        mlt.setMaxQueryTerms(MAX_TERMS_PER_SOURCE);
        mlt.setMaxNumTokensParsed(MAX_TOKENS_PARSED);
        mlt.setBoost(true);
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        int clauses = 0;
        for (Map.Entry<String, Float> source : SOURCES.entrySet()) {
            // the folded fields store the original text of each value
            String[] values = Arrays.stream(document.getValues(source.getKey() + Fields.FOLDED))
                    .filter(v -> v != null && !v.isBlank()).toArray(String[]::new);
            if (values.length == 0) {
                continue;
            }
            List<String> fields = new ArrayList<>(List.of(source.getKey() + Fields.FOLDED_BIGRAMS));
            if (!source.getKey().equals(Fields.TEXT) && !source.getKey().equals(Fields.DESCRIPTION)) {
                fields.add(source.getKey() + Fields.FOLDED);
            }
            for (String field : fields) {
                mlt.setFieldNames(new String[] {field});
                Query q = mlt.like(field, readers(values));
                if (q instanceof BooleanQuery b && !b.clauses().isEmpty()) {
                    like.add(new BoostQuery(q, source.getValue()), Occur.SHOULD);
                    clauses++;
                }
            }
        }
        return clauses == 0 ? null : like.build();
    }

    private static Reader[] readers(String[] values) {
        Reader[] readers = new Reader[values.length];
        for (int i = 0; i < values.length; i++) {
            readers[i] = new StringReader(values[i]);
        }
        return readers;
    }
}
