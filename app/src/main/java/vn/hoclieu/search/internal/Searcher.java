package vn.hoclieu.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.FixedBitSet;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.FacetValue;
import vn.hoclieu.search.SearchException;
import vn.hoclieu.search.SearchHit;
import vn.hoclieu.search.SearchPage;
import vn.hoclieu.search.SearchRequest;
import vn.hoclieu.search.Suggestion;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/** Runs searches: visibility filter, facet drill-down and drill-sideways counts, sorting, highlighting. */
@Component
@LuceneBackend
public class Searcher {

    static final int SNIPPET_CHARS = 220;
    /** How many of the first phase's best the full query ranks again. */
    static final int RERANKED = 200;
    /** The stored fields a hit is made of. */
    private static final Set<String> HIT_FIELDS = Set.of(Fields.ID, Fields.DISPLAY_TITLE, Fields.DISPLAY_MATERIAL_TYPE,
            Fields.DISPLAY_LANGUAGE, Fields.DISPLAY_LIBRARY, Fields.DISPLAY_THUMBNAIL, Fields.DISPLAY_LICENCE,
            Fields.DISPLAY_SEGMENTS, Fields.DESCRIPTION + Fields.FOLDED);

    private final LuceneIndex index;
    private final QueryBuilder queries;
    private final Analyzer folded = VietnameseAnalysis.folded();

    Searcher(LuceneIndex index) {
        this.index = index;
        this.queries = new QueryBuilder(folded, VietnameseAnalysis.exact(), index.ranking());
    }

    public SearchPage search(SearchRequest request, Viewer viewer) {
        long started = System.nanoTime();
        validate(request);
        QueryBuilder.Built built = queries.build(request.q());
        // who may see what, per segment, from kept bit sets: not two postings lists walked beside every match
        Query visible = VisibleDocs.filter(VisibilityFilter.of(viewer));
        try {
            return run(request, built, visible, started);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new SearchException("problem.search.tooComplex");
        }
    }

    /**
     * Whether {@link #search} would find anything for this viewer: the same query builder, visibility
     * filter and filters, and the same query that counts the total, stopping at the first match.
     */
    public boolean finds(SearchRequest request, Viewer viewer) {
        if (request.q().length() > SearchRequest.MAX_QUERY_LENGTH) {
            return false;
        }
        QueryBuilder.Built built = queries.build(request.q());
        Query visible = VisibilityFilter.of(viewer);
        try {
            return index.withSearcher(searcher -> {
                if (searcher.getIndexReader().numDocs() == 0) {
                    return false;
                }
                DrillDownQuery counting = drillDown(request, counting(searcher, built), visible);
                return FirstMatch.exists(searcher, counting);
            });
        } catch (IndexSearcher.TooManyClauses e) {
            return false;
        }
    }

    private SearchPage run(SearchRequest request, QueryBuilder.Built built, Query visible, long started) {
        return index.withSearcher(searcher -> {
            if (searcher.getIndexReader().numDocs() == 0) {
                Map<String, List<FacetValue>> none = new LinkedHashMap<>();
                Fields.FACETS.forEach(dim -> none.put(dim, List.of()));
                return new SearchPage(0, List.of(), none, null, millis(started), request.page(), request.size());
            }
            DrillDownQuery drill = drillDown(request, built.query(), visible);
            int topN = (request.page() + 1) * request.size();
            // Two passes. Counting needs every match but no score: the visible matches of the words, before the
            // facet filters, kept as bit sets; the filters, the exact total and every facet's drill-sideways counts
            // are bit set operations on them (FacetCounts). Ranking needs scores, but only of the best few of the
            // hits (see rank); sorting by a field needs neither, and sorts the hits themselves.
            Query words = counting(searcher, built);
            Hits matched = searcher.search(new BooleanQuery.Builder().add(words, Occur.MUST).add(visible, Occur.FILTER)
                    .build(), Hits.COLLECTING);
            FacetCounts.Counted counted = FacetCounts.count(searcher, () -> index.facetState(searcher.getIndexReader()),
                    matched, request.filters());
            Sort sort = sort(request.sort(), built.empty());
            // sorted by a field, no score is computed and nothing is matched again: the hits are the documents
            TopDocs top = sort == null
                    ? rank(searcher, built, drill, counted.hits(), topN)
                    : searcher.search(new HitsQuery(counted.hits()), topN, sort);
            ScoreDoc[] all = top.scoreDocs;
            int from = Math.min(request.page() * request.size(), all.length);
            ScoreDoc[] pageDocs = Arrays.copyOfRange(all, from, all.length);
            List<SearchHit> hits = hits(searcher, pageDocs, built);
            return new SearchPage(counted.hits().total(), hits, counted.facets(), null, millis(started),
                    request.page(), request.size());
        });
    }

    /**
     * The best {@code topN} of the hits by relevance, in two phases. Counting found every hit (kept as bit
     * sets); ranking them all with {@link QueryBuilder.Built#query} would score every match of a common
     * word, as its nested maxima across fields give Lucene no bound to skip by. So the first phase ranks
     * the hits with {@link QueryBuilder.Built#firstPhase}, whose flat sum Lucene prunes (it scores a few
     * hundred documents where the full query scored tens of thousands), and keeps the best
     * {@value #RERANKED}; the full query then ranks those. With at most that many hits the order is
     * exactly the full query's; beyond, the top ten agree 94% of the time on the search benchmark's
     * 100,000 resources, and the ten kept score within 0.2% of the full query's own best ten
     * (docs/search.md).
     */
    private static TopDocs rank(IndexSearcher searcher, QueryBuilder.Built built, Query ranking, Hits hits, int topN)
            throws IOException {
        int window = Math.max(RERANKED, topN);
        if (hits.total() <= window) {
            // every hit fits in the window: the full query ranks them all, no first phase is needed to choose
            return rescore(searcher, ranking, every(searcher, hits), topN);
        }
        Weight first = searcher.createWeight(searcher.rewrite(built.firstPhase()), ScoreMode.TOP_SCORES, 1f);
        TopScoreDocCollector best = new TopScoreDocCollectorManager(window, null, window).newCollector();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FixedBitSet inLeaf = hits.of(leaf);
            BulkScorer scorer = inLeaf == null ? null : first.bulkScorer(leaf);
            if (scorer != null) {
                LeafCollector collector = best.getLeafCollector(leaf);
                // only the hits: the first phase alone matches any of the words
                scorer.score(collector, inLeaf);
                collector.finish();
            }
        }
        return rescore(searcher, ranking, best.topDocs(), topN);
    }

    /** The hits themselves as candidates to rank (in index order, no score yet). */
    private static TopDocs every(IndexSearcher searcher, Hits hits) {
        ScoreDoc[] docs = new ScoreDoc[hits.total()];
        int n = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FixedBitSet bits = hits.of(leaf);
            if (bits == null) {
                continue;
            }
            for (int d = bits.nextSetBit(0); d != DocIdSetIterator.NO_MORE_DOCS;
                 d = d + 1 < bits.length() ? bits.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                docs[n++] = new ScoreDoc(leaf.docBase + d, 0f);
            }
        }
        return new TopDocs(new TotalHits(n, TotalHits.Relation.EQUAL_TO), Arrays.copyOf(docs, n));
    }

    /** The candidates ranked by the full query alone. */
    private static TopDocs rescore(IndexSearcher searcher, Query ranking, TopDocs candidates, int topN)
            throws IOException {
        return new QueryRescorer(ranking) {
            @Override
            protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                return secondPassMatches ? secondPassScore : 0f;
            }
        }.rescore(searcher, candidates, topN);
    }

    /** What counting found: how many hits, and which, as a bit set per segment. */
    record Hits(int total, Map<Integer, FixedBitSet> bySegment) {

        static final CollectorManager<Collector, Hits> COLLECTING = new CollectorManager<>() {
            @Override
            public Collector newCollector() {
                return new Collector();
            }

            @Override
            public Hits reduce(Collection<Collector> collectors) {
                int total = 0;
                Map<Integer, FixedBitSet> all = new HashMap<>();
                for (Collector c : collectors) {
                    total += c.total;
                    all.putAll(c.bySegment);
                }
                return new Hits(total, all);
            }
        };

        FixedBitSet of(LeafReaderContext leaf) {
            return bySegment.get(leaf.ord);
        }

        static final class Collector implements org.apache.lucene.search.Collector {
            private int total;
            private final Map<Integer, FixedBitSet> bySegment = new HashMap<>();

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext leaf) {
                FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
                int before = total;
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {
                    }

                    @Override
                    public void collect(int doc) {
                        bits.set(doc);
                        total++;
                    }

                    @Override
                    public void finish() {
                        if (total > before) {
                            bySegment.put(leaf.ord, bits);
                        }
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }

    private DrillDownQuery drillDown(SearchRequest request, Query query, Query visible) {
        Query base = new BooleanQuery.Builder().add(query, Occur.MUST).add(visible, Occur.FILTER).build();
        DrillDownQuery drill = new DrillDownQuery(index.facetsConfig(), base);
        request.filters().forEach((dim, values) -> {
            if (Fields.FACETS.contains(dim)) {
                values.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> drill.add(dim, v.strip()));
            }
        });
        return drill;
    }

    static boolean hasCatchAll(IndexSearcher searcher) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        return reader.getDocCount(Fields.ALL_FOLDED) == reader.maxDoc();
    }

    /**
     * The query that decides what matches, with no score: on the catch-all field when every document has
     * it (one written before the field existed, until a rebuild, or one whose text has no syllable, is
     * matched with the ranking query instead), its phrases narrowed by their pairs when every document
     * has {@link Fields#ALL_PAIRS} (an index built before that field still matches them by positions alone).
     */
    static Query counting(IndexSearcher searcher, QueryBuilder.Built built) throws IOException {
        if (!hasCatchAll(searcher)) {
            return built.query();
        }
        IndexReader reader = searcher.getIndexReader();
        return reader.getDocCount(Fields.ALL_PAIRS) == reader.maxDoc() ? built.narrowed() : built.matching();
    }

    /** Titles that complete what is being typed, accent-insensitively ("hoc t" → "Học tập suốt đời"). */
    public List<Suggestion> suggest(String prefix, Viewer viewer, int limit) {
        Query words = suggestQuery(prefix);
        if (words == null) {
            return List.of();
        }
        Query q = new BooleanQuery.Builder().add(words, Occur.MUST).add(VisibleDocs.filter(VisibilityFilter.of(viewer)),
                Occur.FILTER).build();
        return index.withSearcher(searcher -> {
            TopDocs top = searcher.search(q, Math.max(1, Math.min(limit, 10)));
            StoredFields stored = searcher.storedFields();
            List<Suggestion> out = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = stored.document(sd.doc);
                out.add(new Suggestion(d.get(Fields.DISPLAY_TITLE), Long.parseLong(d.get(Fields.ID))));
            }
            return out;
        });
    }

    /** The words of a title being typed, the last one a prefix unless a space follows it; null when there is none. */
    static Query suggestQuery(String prefix) {
        String typed = prefix == null ? "" : prefix.strip();
        if (typed.isEmpty() || typed.length() > 200) {
            return null;
        }
        String[] words = VietnameseAnalysis.fold(typed).split(" ");
        if (words.length == 0 || words[0].isEmpty()) {
            return null;
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        boolean endsWithSpace = Character.isWhitespace(prefix.charAt(prefix.length() - 1));
        for (int i = 0; i < words.length; i++) {
            Term term = new Term(Fields.TITLE + Fields.FOLDED, words[i]);
            boolean last = i == words.length - 1 && !endsWithSpace;
            q.add(last ? new PrefixQuery(term) : new TermQuery(term), Occur.MUST);
        }
        return q.build();
    }

    static void validate(SearchRequest request) {
        if (request.q().length() > SearchRequest.MAX_QUERY_LENGTH) {
            throw new SearchException("problem.search.tooLong", SearchRequest.MAX_QUERY_LENGTH);
        }
        if (request.page() < 0 || request.size() < 1 || request.size() > SearchRequest.MAX_SIZE) {
            throw new SearchException("problem.search.badPage", SearchRequest.MAX_SIZE);
        }
        if ((long) (request.page() + 1) * request.size() > SearchRequest.MAX_WINDOW) {
            throw new SearchException("problem.search.tooDeep", SearchRequest.MAX_WINDOW);
        }
        if (!List.of("relevance", "newest", "title", "popular").contains(request.sort())) {
            throw new SearchException("problem.search.badSort", request.sort());
        }
        for (String name : request.filters().keySet()) {
            if (!Fields.FACETS.contains(name)) {
                throw new SearchException("problem.search.badFilter", name, String.join(", ", Fields.FACETS));
            }
        }
    }

    private static Sort sort(String sort, boolean browsing) {
        return switch (sort) {
            case "newest" -> new Sort(new SortField(Fields.CREATED, SortField.Type.LONG, true));
            case "title" -> new Sort(new SortField(Fields.TITLE_SORT, SortField.Type.STRING));
            case "popular" -> new Sort(new SortField(Fields.POPULARITY, SortField.Type.LONG, true),
                    new SortField(Fields.CREATED, SortField.Type.LONG, true));
            // with nothing typed, relevance means nothing: newest first
            default -> browsing ? new Sort(new SortField(Fields.CREATED, SortField.Type.LONG, true)) : null;
        };
    }

    private List<SearchHit> hits(IndexSearcher searcher, ScoreDoc[] docs, QueryBuilder.Built built)
            throws IOException {
        if (docs.length == 0) {
            return List.of();
        }
        Map<String, Object[]> highlights = Map.of();
        LocatingHighlighter highlighter = null;
        if (!built.foldedTerms().isEmpty()) {
            BooleanQuery.Builder hq = new BooleanQuery.Builder();
            for (String term : built.foldedTerms()) {
                for (String f : List.of(Fields.TEXT, Fields.DESCRIPTION, Fields.TITLE)) {
                    hq.add(new TermQuery(new Term(f + Fields.FOLDED, term)), Occur.SHOULD);
                }
            }
            UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, index.analyzer())
                    .withFormatter(new LocatingHighlighter.Formatter("<mark>", "</mark>", " … "))
                    .withMaxLength(2_000_000)
                    // the query is single terms: each field's offsets come straight from its postings, term by term,
                    // instead of building the whole query's weight and its matches again for every hit and field
                    .withWeightMatches(false)
                    // sentences can be whole paragraphs; aim for snippets a phone shows in three lines. Sentences
                    // are found locally (SentenceBreaks): the JDK's iterator re-scanned the text for every match
                    .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                            new SentenceBreaks(), SNIPPET_CHARS, 0.5f));
            int[] docIds = new int[docs.length];
            for (int i = 0; i < docs.length; i++) {
                docIds[i] = docs[i].doc;
            }
            // what a hit shows is read with its snippet's text, in one pass over each hit's stored fields
            highlighter = new LocatingHighlighter(builder, HIT_FIELDS);
            highlights = highlighter.highlight(
                    new String[] {Fields.TEXT + Fields.FOLDED, Fields.DESCRIPTION + Fields.FOLDED},
                    hq.build(), docIds, new int[] {2, 1});
        }
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            // what a hit shows, not the stored full text (megabytes for a book) unless it must be the snippet
            Document d = highlighter == null ? null : highlighter.kept(docs[i].doc);
            if (d == null) {
                d = stored.document(docs[i].doc, HIT_FIELDS);
            }
            LocatingHighlighter.Located inText = pick(highlights, Fields.TEXT + Fields.FOLDED, i);
            SearchHit.Location location = inText == null || inText.value() < 0 ? null
                    : Segments.locate(value(d.getValues(Fields.DISPLAY_SEGMENTS), inText.value()), inText.segment());
            String snippet = inText == null ? null : inText.html();
            if (snippet == null) {
                LocatingHighlighter.Located inDescription = pick(highlights, Fields.DESCRIPTION + Fields.FOLDED, i);
                snippet = inDescription == null ? null : inDescription.html();
            }
            if (snippet == null) {
                String description = d.get(Fields.DESCRIPTION + Fields.FOLDED);
                snippet = plainStart(description, description != null && !description.isBlank() ? null
                        : stored.document(docs[i].doc, Set.of(Fields.TEXT + Fields.FOLDED)).get(Fields.TEXT + Fields.FOLDED));
            }
            hits.add(new SearchHit(Long.parseLong(d.get(Fields.ID)), d.get(Fields.DISPLAY_TITLE),
                    snippet.replace('\f', ' ').replace('\0', ' '), d.get(Fields.DISPLAY_MATERIAL_TYPE),
                    d.get(Fields.DISPLAY_LANGUAGE), d.get(Fields.DISPLAY_LIBRARY),
                    Float.isNaN(docs[i].score) ? 0f : docs[i].score, d.get(Fields.DISPLAY_THUMBNAIL), location,
                    licence(d)));
        }
        return hits;
    }

    /** The stored licence id of a hit, null when unknown. */
    static String licence(Document d) {
        String licence = d.get(Fields.DISPLAY_LICENCE);
        return licence == null || licence.isEmpty() ? null : licence;
    }

    private static LocatingHighlighter.Located pick(Map<String, Object[]> highlights, String field, int i) {
        Object[] values = highlights.get(field);
        return values != null && values[i] instanceof LocatingHighlighter.Located located && !located.html().isBlank()
                ? located : null;
    }

    private static String value(String[] values, int i) {
        return i < values.length ? values[i] : null;
    }

    static String plainStart(String description, String text) {
        String source = description != null && !description.isBlank() ? description : text;
        if (source == null) {
            return "";
        }
        String s = source.strip().replaceAll("\\s+", " ");
        if (s.length() > SNIPPET_CHARS) {
            int cut = s.lastIndexOf(' ', SNIPPET_CHARS);
            s = s.substring(0, cut > 0 ? cut : SNIPPET_CHARS) + " …";
        }
        return HtmlUtils.htmlEscape(s);
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
