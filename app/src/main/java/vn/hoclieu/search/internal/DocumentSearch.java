package vn.hoclieu.search.internal;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.DocumentMatches;
import vn.hoclieu.search.SearchException;
import vn.hoclieu.search.SearchRequest;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/**
 * Search within one document: every place its text holds the words (up to {@value #MAX_PASSAGES},
 * the best ones, shown in reading order), each with its page, slide or moment. The words are
 * analysed as any search's are, so "ky nang" finds "kĩ năng" here too.
 */
@Component
@LuceneBackend
public class DocumentSearch {

    static final int MAX_PASSAGES = 50;
    private static final int PASSAGE_CHARS = 200;

    private final LuceneIndex index;
    private final QueryBuilder queries;

    DocumentSearch(LuceneIndex index) {
        this.index = index;
        this.queries = new QueryBuilder(VietnameseAnalysis.folded(), VietnameseAnalysis.exact());
    }

    /** The words to look for within a document; @throws SearchException (400) if too long to be a search */
    static String checked(String q) {
        String words = q == null ? "" : q;
        if (words.length() > SearchRequest.MAX_QUERY_LENGTH) {
            throw new SearchException("problem.search.tooLong", SearchRequest.MAX_QUERY_LENGTH);
        }
        return words;
    }

    /** @throws SearchException (400) for words too long to be a search */
    public DocumentMatches within(long resourceId, String q, Viewer viewer) {
        String words = checked(q);
        QueryBuilder.Built built = queries.build(words);
        if (built.empty()) {
            return new DocumentMatches(words, 0, List.of());
        }
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        List<String> distinct = built.foldedTerms().stream().distinct().toList();
        distinct.forEach(t -> terms.add(new TermQuery(new Term(Fields.TEXT + Fields.FOLDED, t)), Occur.SHOULD));
        // a place must hold as many of the words as a search asks of a whole document
        int required = QueryBuilder.minimumToMatch(distinct.size());
        return index.withSearcher(searcher -> {
            TopDocs self = searcher.search(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.ID, Long.toString(resourceId))), Occur.MUST)
                    .add(VisibilityFilter.of(viewer), Occur.FILTER)
                    .build(), 1);
            if (self.scoreDocs.length == 0) {
                return new DocumentMatches(words, 0, List.of());
            }
            int doc = self.scoreDocs[0].doc;
            UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, index.analyzer())
                    .withFormatter(new LocatingHighlighter.EachPassage(required))
                    .withMaxLength(2_000_000)
                    .withMaxNoHighlightPassages(0)
                    .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                            BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_CHARS, 0.5f));
            Map<String, Object[]> found = new LocatingHighlighter(builder).highlight(
                    new String[] {Fields.TEXT + Fields.FOLDED}, terms.build(), new int[] {doc},
                    new int[] {MAX_PASSAGES});
            Object value = found.get(Fields.TEXT + Fields.FOLDED)[0];
            if (!(value instanceof List<?> located)) {
                return new DocumentMatches(words, 0, List.of());
            }
            Document d = searcher.storedFields().document(doc);
            String[] segments = d.getValues(Fields.DISPLAY_SEGMENTS);
            List<DocumentMatches.Passage> passages = new ArrayList<>();
            for (Object o : located) {
                LocatingHighlighter.Located l = (LocatingHighlighter.Located) o;
                String stored = l.value() < segments.length ? segments[l.value()] : null;
                passages.add(new DocumentMatches.Passage(l.html().replace('\f', ' ').replace('\0', ' ').strip(),
                        Segments.locate(stored, l.segment())));
            }
            return new DocumentMatches(words, passages.size(), passages);
        });
    }
}
