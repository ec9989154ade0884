package vn.hoclieu.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.solr.client.solrj.request.json.JsonQueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.json.BucketBasedJsonFacet;
import org.apache.solr.client.solrj.response.json.BucketJsonFacet;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.DocumentMatches;
import vn.hoclieu.search.FacetValue;
import vn.hoclieu.search.IndexCheck;
import vn.hoclieu.search.RebuildStatus;
import vn.hoclieu.search.SearchException;
import vn.hoclieu.search.SearchHit;
import vn.hoclieu.search.SearchPage;
import vn.hoclieu.search.SearchRequest;
import vn.hoclieu.search.Suggestion;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/**
 * A SolrCloud collection as the search backend ({@code hoclieu.search.backend=solr}). The collection
 * is made with Hoclieu's configset, whose plugin jar holds the app's own analyzers and query builder
 * ({@code {!hoclieu}}), so a search ranks as on the embedded index. Every request carries
 * {@link VisibilityFilter} as an untagged filter (never excluded from a count); the facets a person
 * chose are tagged filters, each excluded from its own facet's counts (drill sideways).
 */
@Component
@SolrBackend
class SolrSearchBackend implements SearchBackend {

    private static final String TAG = "f_";
    private static final int FACET_VALUES = 50;
    private static final List<String> HIT_FIELDS = List.of(Fields.ID, "score", Fields.DISPLAY_TITLE,
            Fields.DISPLAY_MATERIAL_TYPE, Fields.DISPLAY_LANGUAGE, Fields.DISPLAY_LIBRARY, Fields.DISPLAY_THUMBNAIL,
            Fields.DISPLAY_LICENCE, Fields.DESCRIPTION + Fields.FOLDED, Fields.DISPLAY_SEGMENTS);
    /**
     * Where "more like this" takes its terms: the folded bigrams of every text field, weighted by what
     * says most about a material, as {@link RelatedMaterials} does (Solr re-analyses the stored values,
     * so the bigram fields are stored too). Not the title's and subjects' single syllables, which the
     * embedded index adds: it leaves out a syllable that 40% of the catalogue has, and Solr's
     * {@code {!mlt}} cannot (it takes only an absolute {@code maxdf}, counted shard by shard), so a
     * syllable such as "số" ("kĩ năng số", digital skills; "hàm số", a function) related materials
     * that share nothing else.
     */
    private static final String RELATED_FIELDS = String.join(" ",
            Fields.TITLE + Fields.FOLDED_BIGRAMS + "^2", Fields.SUBJECTS + Fields.FOLDED_BIGRAMS + "^1.5",
            Fields.DESCRIPTION + Fields.FOLDED_BIGRAMS, Fields.TEXT + Fields.FOLDED_BIGRAMS);

    private final SolrCollection solr;
    private final SolrIndexer indexer;
    private final QueryBuilder queries = new QueryBuilder(VietnameseAnalysis.folded(), VietnameseAnalysis.exact());

    SolrSearchBackend(SolrCollection solr, SolrIndexer indexer) {
        this.solr = solr;
        this.indexer = indexer;
    }

    @Override
    public SearchPage search(SearchRequest request, Viewer viewer) {
        SearchPage page = results(request, viewer);
        return DidYouMean.offer(request, page, work -> {
            try {
                return work.apply(new SolrScope(solr, viewer, request.filters()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The page without "did you mean" (as the embedded index's {@link Searcher} answers it). */
    SearchPage results(SearchRequest request, Viewer viewer) {
        long started = System.nanoTime();
        Searcher.validate(request);
        QueryBuilder.Built built = queries.build(request.q());
        JsonQueryRequest q = pageRequest(request, viewer, built);
        QueryResponse response;
        try {
            response = solr.send(q);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SolrException && String.valueOf(e.getMessage()).contains("maxClauseCount")) {
                throw new SearchException("problem.search.tooComplex");
            }
            throw e;
        }
        boolean scored = "relevance".equals(request.sort()) && !built.empty();
        Map<String, Map<String, List<String>>> hl = response.getHighlighting() == null ? Map.of()
                : response.getHighlighting();
        List<SearchHit> hits = new ArrayList<>();
        for (SolrDocument d : response.getResults()) {
            String id = (String) d.getFirstValue(Fields.ID);
            Map<String, List<String>> found = hl.getOrDefault(id, Map.of());
            Located inTextPlaced = Located.parse(first(found.get(Fields.TEXT + Fields.FOLDED)));
            String inText = inTextPlaced == null ? null : inTextPlaced.html();
            Located inDescriptionPlaced = Located.parse(first(found.get(Fields.DESCRIPTION + Fields.FOLDED)));
            String inDescription = inDescriptionPlaced == null ? null : inDescriptionPlaced.html();
            SearchHit.Location location = inTextPlaced == null ? null : inTextPlaced.in(d);
            String snippet;
            if (inText != null && inText.contains("<mark>")) {
                snippet = inText;
            } else if (inDescription != null && inDescription.contains("<mark>")) {
                snippet = inDescription;
            } else {
                // nothing matched in the text: its start, as the embedded index shows it
                snippet = Searcher.plainStart(string(d, Fields.DESCRIPTION + Fields.FOLDED),
                        inText == null ? null : HtmlUtils.htmlUnescape(inText));
            }
            Object score = d.getFirstValue("score");
            hits.add(new SearchHit(Long.parseLong(id), string(d, Fields.DISPLAY_TITLE),
                    snippet.replace('\f', ' ').replace('\0', ' '), string(d, Fields.DISPLAY_MATERIAL_TYPE),
                    string(d, Fields.DISPLAY_LANGUAGE), string(d, Fields.DISPLAY_LIBRARY),
                    scored && score instanceof Number n ? n.floatValue() : 0f, string(d, Fields.DISPLAY_THUMBNAIL),
                    location, licence(d)));
        }
        return new SearchPage(response.getResults().getNumFound(), hits, facets(response), null,
                (System.nanoTime() - started) / 1_000_000, request.page(), request.size());
    }

    /**
     * The one request a results page is (words, visibility, chosen facets, every facet's counts,
     * snippets, sort); the search benchmark sends the same to a Solr node of its own.
     */
    static JsonQueryRequest pageRequest(SearchRequest request, Viewer viewer, QueryBuilder.Built built) {
        JsonQueryRequest q = new JsonQueryRequest();
        if (built.empty()) {
            q.setQuery("*:*");
        } else {
            q.setQuery(Map.of("hoclieu", Map.of("query", request.q())));
        }
        q.setOffset(request.page() * request.size())
                .setLimit(request.size())
                .setSort(sort(request.sort(), built.empty()))
                .returnFields(HIT_FIELDS);
        visible(q, viewer);
        chosen(q, request.filters());
        for (String dim : Fields.FACETS) {
            q.withFacet(dim, Map.of("type", "terms", "field", dim, "limit", FACET_VALUES, "mincount", 1,
                    "refine", true, "domain", Map.of("excludeTags", TAG + dim)));
        }
        highlight(q, built.foldedTerms(), List.of(Fields.TEXT, Fields.DESCRIPTION, Fields.TITLE));
        q.withParam("hl.fl", Fields.TEXT + Fields.FOLDED + "," + Fields.DESCRIPTION + Fields.FOLDED);
        // the place of the best passage, and the sentences the embedded index cuts snippets at
        q.withParam(LocatingHighlighter.LOCATE, LocatingHighlighter.BEST);
        q.withParam(LocatingHighlighter.BREAKS, LocatingHighlighter.LOCAL_SENTENCES);
        q.withParam("f." + Fields.TEXT + Fields.FOLDED + ".hl.snippets", 2);
        q.withParam("f." + Fields.DESCRIPTION + Fields.FOLDED + ".hl.snippets", 1);
        q.withParam("hl.fragsize", Searcher.SNIPPET_CHARS);
        q.withParam("hl.tag.ellipsis", " … ");
        q.withParam("hl.defaultSummary", true);
        return q;
    }

    /** The facet values chosen, each facet's as a tagged filter (its own counts exclude it: drill sideways). */
    static void chosen(JsonQueryRequest q, Map<String, List<String>> filters) {
        filters.forEach((dim, values) -> {
            List<String> chosen = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
            if (!chosen.isEmpty()) {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                chosen.forEach(v -> any.add(new TermQuery(new Term(dim, v)), Occur.SHOULD));
                q.withFilter(SolrQueries.tagged(TAG + dim, any.build()));
            }
        });
    }

    static void visible(JsonQueryRequest q, Viewer viewer) {
        Object filter = SolrQueries.of(VisibilityFilter.of(viewer));
        if (filter instanceof String s) {
            q.withFilter(s);
        } else {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) filter;
            q.withFilter(map);
        }
    }

    /**
     * The unified highlighter over the stored original text, matching the folded syllables of the
     * query (so "ky nang" marks "kĩ năng"), in sentences, {@code <mark>} on HTML-escaped text.
     */
    private static void highlight(JsonQueryRequest q, List<String> foldedTerms, List<String> fields) {
        q.withParam("hl", true);
        q.withParam("hl.method", "unified");
        q.withParam("hl.offsetSource", "POSTINGS");
        q.withParam("hl.tag.pre", "<mark>");
        q.withParam("hl.tag.post", "</mark>");
        q.withParam("hl.encoder", "html");
        q.withParam("hl.bs.type", "SENTENCE");
        q.withParam("hl.bs.language", "");
        q.withParam("hl.bs.country", "");
        q.withParam("hl.fragAlignRatio", 0.5);
        q.withParam("hl.fragsizeIsMinimum", false);
        q.withParam("hl.maxAnalyzedChars", 2_000_000);
        q.withParam("hl.requireFieldMatch", false);
        List<String> clauses = new ArrayList<>();
        for (String term : new LinkedHashSet<>(foldedTerms)) {
            for (String f : fields) {
                clauses.add(f + Fields.FOLDED + ":" + ClientUtils.escapeQueryChars(term));
            }
        }
        // no words: nothing to mark (each field's start is its summary)
        q.withParam("hl.q", clauses.isEmpty() ? "{!term f=id v=none}" : String.join(" ", clauses));
        q.withParam("hl.qparser", "lucene");
    }

    private static String sort(String sort, boolean browsing) {
        return switch (sort) {
            case "newest" -> Fields.CREATED + " desc";
            case "title" -> Fields.TITLE_SORT + " asc";
            case "popular" -> Fields.POPULARITY + " desc," + Fields.CREATED + " desc";
            // ties as in an index written in the order of creation
            default -> browsing ? Fields.CREATED + " desc" : "score desc," + Fields.CREATED + " asc";
        };
    }

    private static Map<String, List<FacetValue>> facets(QueryResponse response) {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        for (String dim : Fields.FACETS) {
            List<FacetValue> values = new ArrayList<>();
            BucketBasedJsonFacet facet = response.getJsonFacetingResponse() == null ? null
                    : response.getJsonFacetingResponse().getBucketBasedFacets(dim);
            if (facet != null) {
                for (BucketJsonFacet b : facet.getBuckets()) {
                    values.add(new FacetValue(String.valueOf(b.getVal()), b.getCount()));
                }
            }
            out.put(dim, values);
        }
        return out;
    }

    @Override
    public List<Suggestion> suggest(String prefix, Viewer viewer, int limit) {
        Query words = Searcher.suggestQuery(prefix);
        if (words == null) {
            return List.of();
        }
        JsonQueryRequest q = query(words).setLimit(Math.max(1, Math.min(limit, 10)))
                .setSort("score desc," + Fields.CREATED + " asc")
                .returnFields(Fields.ID, Fields.DISPLAY_TITLE);
        visible(q, viewer);
        List<Suggestion> out = new ArrayList<>();
        for (SolrDocument d : solr.send(q).getResults()) {
            out.add(new Suggestion(string(d, Fields.DISPLAY_TITLE), Long.parseLong(string(d, Fields.ID))));
        }
        return out;
    }

    @Override
    public boolean anyVisible(Query query, Viewer viewer) {
        JsonQueryRequest q = query(query).setLimit(0);
        visible(q, viewer);
        return solr.send(q).getResults().getNumFound() > 0;
    }

    @SuppressWarnings("unchecked")
    static JsonQueryRequest query(Query query) {
        Object dsl = SolrQueries.of(query);
        return dsl instanceof String s ? new JsonQueryRequest().setQuery(s)
                : new JsonQueryRequest().setQuery((Map<String, Object>) dsl);
    }

    /** Whether the viewer may see the resource: nothing is said of one they may not. */
    private boolean visibleResource(long resourceId, Viewer viewer) {
        return anyVisible(new TermQuery(new Term(Fields.ID, Long.toString(resourceId))), viewer);
    }

    @Override
    public List<SearchHit> related(long resourceId, Viewer viewer, int size) {
        if (!visibleResource(resourceId, viewer)) {
            return List.of();
        }
        JsonQueryRequest q = new JsonQueryRequest()
                .setQuery(Map.of("mlt", Map.of("qf", RELATED_FIELDS, "mintf", "1", "mindf", "2", "maxqt", "100",
                        "boost", "true", "query", Long.toString(resourceId))))
                .setLimit(Math.max(1, Math.min(size, 20)))
                .returnFields(HIT_FIELDS);
        visible(q, viewer);
        q.withFilter(Map.of("bool", Map.of("must_not",
                List.of(SolrQueries.of(new TermQuery(new Term(Fields.ID, Long.toString(resourceId))))))));
        highlight(q, List.of(), List.of());
        q.withParam("hl.fl", Fields.TEXT + Fields.FOLDED);
        q.withParam("hl.fragsize", Searcher.SNIPPET_CHARS);
        q.withParam("hl.defaultSummary", true);
        QueryResponse response = solr.send(q);
        Map<String, Map<String, List<String>>> hl = response.getHighlighting() == null ? Map.of()
                : response.getHighlighting();
        List<SearchHit> hits = new ArrayList<>();
        for (SolrDocument d : response.getResults()) {
            String id = string(d, Fields.ID);
            String text = first(hl.getOrDefault(id, Map.of()).get(Fields.TEXT + Fields.FOLDED));
            Object score = d.getFirstValue("score");
            hits.add(new SearchHit(Long.parseLong(id), string(d, Fields.DISPLAY_TITLE),
                    Searcher.plainStart(string(d, Fields.DESCRIPTION + Fields.FOLDED),
                            text == null ? null : HtmlUtils.htmlUnescape(text)),
                    string(d, Fields.DISPLAY_MATERIAL_TYPE), string(d, Fields.DISPLAY_LANGUAGE),
                    string(d, Fields.DISPLAY_LIBRARY), score instanceof Number n ? n.floatValue() : 0f,
                    string(d, Fields.DISPLAY_THUMBNAIL), null, licence(d)));
        }
        return hits;
    }

    @Override
    public DocumentMatches within(long resourceId, String q, Viewer viewer) {
        String words = DocumentSearch.checked(q);
        QueryBuilder.Built built = queries.build(words);
        if (built.empty()) {
            return new DocumentMatches(words, 0, List.of());
        }
        List<String> distinct = built.foldedTerms().stream().distinct().toList();
        // a place must hold as many of the words as a search asks of a whole document
        int required = QueryBuilder.minimumToMatch(distinct.size());
        JsonQueryRequest request = query(new TermQuery(new Term(Fields.ID, Long.toString(resourceId))))
                .setLimit(1).returnFields(Fields.ID, Fields.DISPLAY_SEGMENTS);
        visible(request, viewer);
        highlight(request, distinct, List.of(Fields.TEXT));
        request.withParam("hl.fl", Fields.TEXT + Fields.FOLDED);
        request.withParam("hl.snippets", DocumentSearch.MAX_PASSAGES);
        request.withParam("hl.fragsize", 200);
        request.withParam("hl.defaultSummary", false);
        // every passage on its own, placed, holding enough of the words (as DocumentSearch's formatter)
        request.withParam(LocatingHighlighter.LOCATE, LocatingHighlighter.EACH);
        request.withParam(LocatingHighlighter.MIN_TERMS, required);
        QueryResponse response = solr.send(request);
        if (response.getResults().isEmpty() || response.getHighlighting() == null) {
            return new DocumentMatches(words, 0, List.of());
        }
        SolrDocument d = response.getResults().get(0);
        List<String> found = response.getHighlighting().getOrDefault(Long.toString(resourceId), Map.of())
                .getOrDefault(Fields.TEXT + Fields.FOLDED, List.of());
        List<DocumentMatches.Passage> passages = new ArrayList<>();
        for (String value : found) {
            Located placed = Located.parse(value);
            if (placed != null && !placed.html().isBlank()) {
                passages.add(new DocumentMatches.Passage(
                        placed.html().replace('\f', ' ').replace('\0', ' ').strip(), placed.in(d)));
            }
        }
        return new DocumentMatches(words, passages.size(), passages);
    }

    /**
     * A snippet of the plugin's highlighter ({@code LocatingSolrHighlighter}) with the place of its
     * passage: {@code value,segment|html}, the value of the text field (one per file) and its segment
     * (page, slide, cue) as {@link LocatingHighlighter} gives them on the embedded index.
     */
    record Located(String html, int value, int segment) {

        private static final Pattern PLACED = Pattern.compile("(-?\\d+),(-?\\d+)\\|", Pattern.DOTALL);

        /** The snippet and its place; one without a place (an older plugin) has none; null for null. */
        static Located parse(String snippet) {
            if (snippet == null) {
                return null;
            }
            Matcher m = PLACED.matcher(snippet);
            if (!m.lookingAt()) {
                return new Located(snippet, -1, -1);
            }
            return new Located(snippet.substring(m.end()), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }

        /** The page, slide or moment in the document's stored segments; null when it has none. */
        SearchHit.Location in(SolrDocument d) {
            if (value < 0) {
                return null;
            }
            Collection<Object> segments = d.getFieldValues(Fields.DISPLAY_SEGMENTS);
            List<Object> all = segments == null ? List.of() : new ArrayList<>(segments);
            return value < all.size() ? Segments.locate(String.valueOf(all.get(value)), segment) : null;
        }
    }

    @Override
    public void index(long resourceId) {
        indexer.write(resourceId, true);
    }

    @Override
    public int reconcile() {
        return indexer.reconcile();
    }

    @Override
    public IndexCheck check(boolean repair) {
        return indexer.check(repair);
    }

    @Override
    public boolean startRebuild() {
        return indexer.startRebuild();
    }

    @Override
    public RebuildStatus rebuild() {
        return indexer.rebuild();
    }

    @Override
    public RebuildStatus rebuildStatus() {
        return indexer.rebuildStatus();
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String string(SolrDocument d, String field) {
        Object v = d.getFirstValue(field);
        return v == null ? null : v.toString();
    }

    private static String licence(SolrDocument d) {
        String licence = string(d, Fields.DISPLAY_LICENCE);
        return licence == null || licence.isEmpty() ? null : licence;
    }
}
