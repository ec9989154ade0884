package vn.hoclieu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The search benchmark's "stock Lucene, same page" row: what someone who knows Lucene 9 writes for
 * Hoclieu's results page with the library as it comes. {@link StandardAnalyzer} (with ASCII folding,
 * see {@link #analyzer}) over one catch-all field, the words matched by Hoclieu's rule
 * ({@link #matching}); an exact total; the eight facets of the API counted over every match with the
 * facet module (sorted-set doc values), drill-sideways for the chosen facet when the query has a filter; the
 * newest-first sort as a doc-values {@link Sort}; the top 10 with {@link UnifiedHighlighter}
 * snippets of the text (two passages) and the description (one), as Hoclieu's hits have; the hits'
 * display fields read from stored fields. No visibility filter (every resource of the corpus is
 * public), no did-you-mean, no syllable bigrams: the rest of the page is the same work.
 */
final class StockLucenePage {

    /** false with {@code -Dbench.stockAnalyzer=standard}: StandardAnalyzer exactly (see {@link #analyzer}). */
    static final boolean FOLDING = !"standard".equals(System.getProperty("bench.stockAnalyzer", "folding"));
    static final String ALL = "all";
    static final String TEXT = "text";
    static final String DESCRIPTION = "description";
    static final String CREATED = "created";
    private static final Set<String> DISPLAY = Set.of("id", "title", "materialType", "language", "library", "licence");

    /**
     * The text and the description are stored (the highlighter needs their text) and indexed with
     * offsets in their postings: the highlighter then reads where each query term is straight from
     * the postings of the ten hits, with no re-analysis of up to 12,000 characters per hit (the
     * default when only the text is stored) and none of the space and decompression of term vectors.
     * Positions come with offsets, so quoted phrases are highlighted as phrases.
     */
    private static final FieldType HIGHLIGHTED = new FieldType(TextField.TYPE_STORED);
    /** The catch-all decides matches and scores (BM25): positions for phrases, nothing stored. */
    private static final FieldType CATCH_ALL = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        HIGHLIGHTED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTED.freeze();
        CATCH_ALL.freeze();
    }

    private final IndexSearcher searcher;
    private final FacetsConfig config = config();
    private final SortedSetDocValuesReaderState state;
    private final Analyzer analyzer = analyzer();
    private final UnifiedHighlighter highlighter;

    /** @param searcher over an index {@link #build} wrote; the facets' ordinals are read once, here */
    StockLucenePage(IndexSearcher searcher) throws IOException {
        this.searcher = searcher;
        this.state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), config);
        // thread-safe; the whole text is the highlighter's to choose from, as Hoclieu's (the default stops at 10,000)
        this.highlighter = UnifiedHighlighter.builder(searcher, analyzer).withMaxLength(Integer.MAX_VALUE - 1).build();
    }

    private static FacetsConfig config() {
        FacetsConfig config = new FacetsConfig();
        SamePage.MULTI_VALUED.forEach(dim -> config.setMultiValued(dim, true));
        return config;
    }

    /**
     * {@link StandardAnalyzer}'s chain (its tokenizer, lower case; Lucene 9 removes no stop words), with
     * ASCII folding after it unless {@code -Dbench.stockAnalyzer=standard}, and a gap between the values
     * of a field so that a phrase cannot span two of them. Folding: half of the benchmark's Vietnamese
     * queries are typed without diacritics, and StandardAnalyzer alone finds nothing for them (no total,
     * no facets, no snippets to make), so the row would not build the same page for them. With folding,
     * anyone writing for Vietnamese readers would add, it matches about what Hoclieu matches.
     */
    private static Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, filters(source));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return filters(in);
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return 100;
            }
        };
    }

    private static TokenStream filters(TokenStream in) {
        TokenStream lower = new LowerCaseFilter(in);
        return FOLDING ? new ASCIIFoldingFilter(lower) : lower;
    }

    /** One page; what the load checks and the comparison with Hoclieu's answer prints. */
    SamePage.Answer search(SearchCorpus.Query query) throws IOException, ParseException {
        SamePage.Request request = SamePage.request(query);
        // a query parser per call: they are cheap and not thread-safe
        String typed = QueryParser.escape(request.q()).replace("\\\"", "\"");
        Query words = matching(new QueryParser(ALL, analyzer).parse(typed));
        Sort sort = request.newest() ? new Sort(new SortField(CREATED, SortField.Type.LONG, true)) : null;

        TopDocs top;
        Facets facets;
        if (request.filters().isEmpty()) {
            FacetsCollectorManager.FacetsResult r = sort == null
                    ? FacetsCollectorManager.search(searcher, words, SamePage.PAGE, new FacetsCollectorManager())
                    : FacetsCollectorManager.search(searcher, words, SamePage.PAGE, sort, new FacetsCollectorManager());
            top = r.topDocs();
            facets = new SortedSetDocValuesFacetCounts(state, r.facetsCollector());
        } else {
            DrillDownQuery drill = new DrillDownQuery(config, words);
            request.filters().forEach(drill::add);
            // the total is exact: DrillSideways collects its hits with no threshold of total hits
            DrillSideways.DrillSidewaysResult r = new DrillSideways(searcher, config, state)
                    .search(drill, null, null, SamePage.PAGE, sort, false);
            top = r.hits;
            facets = r.facets;
        }
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (String dim : SamePage.FACETS) {
            Map<String, Long> values = new LinkedHashMap<>();
            FacetResult result = facets.getTopChildren(SamePage.SHOWN, dim);
            if (result != null) {
                for (LabelAndValue lv : result.labelValues) {
                    values.put(lv.label, lv.value.longValue());
                }
            }
            counts.put(dim, values);
        }

        int[] docs = new int[top.scoreDocs.length];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = top.scoreDocs[i].doc;
        }
        if (docs.length > 0) {
            // the same words for the two highlighted fields (the catch-all holds no stored text to show)
            MultiFieldQueryParser highlighted = new MultiFieldQueryParser(new String[] {TEXT, DESCRIPTION}, analyzer);
            highlighted.setDefaultOperator(QueryParser.Operator.AND);
            Map<String, String[]> snippets = highlighter.highlightFields(new String[] {TEXT, DESCRIPTION}, highlighted.parse(typed), docs, new int[] {2, 1});
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                if (stored.document(sd.doc, DISPLAY).get("title") == null) {
                    throw new IllegalStateException("a hit without its title");
                }
            }
            if (snippets.get(TEXT).length != docs.length) {
                throw new IllegalStateException("snippets missing");
            }
        }
        return new SamePage.Answer(top.totalHits.value, counts, docs.length);
    }

    /**
     * Which resources match, by the rule Hoclieu's ranking sets (what Solr's {@code mm} would say): every
     * word of a query of one or two, all but one of three or four, half of longer ones; a quoted phrase
     * always. The parser's words (OR between them) become one clause with that minimum.
     */
    static Query matching(Query parsed) {
        if (!(parsed instanceof BooleanQuery b)) {
            return parsed;
        }
        BooleanQuery.Builder out = new BooleanQuery.Builder();
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        int n = 0;
        for (BooleanClause c : b.clauses()) {
            if (c.getQuery() instanceof PhraseQuery) {
                out.add(c.getQuery(), Occur.MUST);
            } else {
                words.add(c.getQuery(), Occur.SHOULD);
                n++;
            }
        }
        if (n > 0) {
            words.setMinimumNumberShouldMatch(n <= 2 ? n : n <= 4 ? n - 1 : (int) Math.ceil(n * 0.5));
            out.add(words.build(), Occur.MUST);
        }
        return out.build();
    }

    /**
     * The index: the same documents as the catalogue's, two threads, merged into one segment as
     * Hoclieu's rebuild ends; built once per data folder and corpus size.
     */
    static String build(Path dir, int resources) throws Exception {
        Path marker = dir.resolveSibling(dir.getFileName() + "-merged-" + resources + ".txt");
        if (Files.exists(marker) && Files.isDirectory(dir)) {
            return Files.readString(marker).strip() + " (built earlier, reused)";
        }
        Instant started = Instant.now();
        FacetsConfig config = config();
        SearchBenchmark.writeMerged(dir, analyzer(), resources, d -> config.build(document(d)));
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1e3;
        String summary = String.format(Locale.ROOT, "Stock Lucene same-page index (StandardAnalyzer%s catch-all, text and "
                + "description stored with offsets, 8 sorted-set facets, 2 threads, merged into one segment): %,d "
                + "documents in %.0f s, %.0f documents/s; index %.0f MB", FOLDING ? " + ASCII folding" : "", resources, seconds, resources / seconds,
                SearchBenchmark.size(dir) / 1_048_576.0);
        Files.writeString(marker, summary);
        return summary;
    }

    private static Document document(SearchCorpus.Doc d) {
        Document doc = new Document();
        doc.add(new StoredField("id", d.number()));
        doc.add(new StoredField("title", d.title()));
        doc.add(new StoredField("materialType", d.materialType()));
        doc.add(new StoredField("language", d.language()));
        doc.add(new StoredField("library", d.library()));
        doc.add(new StoredField("licence", d.licence()));
        for (String value : catchAll(d)) {
            doc.add(new Field(ALL, value, CATCH_ALL));
        }
        doc.add(new Field(DESCRIPTION, d.description(), HIGHLIGHTED));
        doc.add(new Field(TEXT, d.text(), HIGHLIGHTED));
        doc.add(new NumericDocValuesField(CREATED, d.createdAt().toEpochMilli()));
        facet(doc, "materialType", d.materialType());
        facet(doc, "language", d.language());
        d.subjects().forEach(s -> facet(doc, "subject", s));
        facet(doc, "audience", d.audience());
        facet(doc, "licence", d.licence());
        facet(doc, "library", d.library());
        facet(doc, "libraryType", SearchCorpus.libraryType(d.library()).name());
        // every file of the benchmark's catalogue is a text file
        facet(doc, "mediaType", "text/plain");
        return doc;
    }

    /** What the catch-all holds: every text field the catalogue searches. */
    private static List<String> catchAll(SearchCorpus.Doc d) {
        List<String> values = new ArrayList<>(List.of(d.title(), d.creator()));
        values.addAll(d.subjects());
        values.add(d.description());
        values.add(d.text());
        return values;
    }

    private static void facet(Document doc, String dim, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new SortedSetDocValuesFacetField(dim, value.strip()));
        }
    }
}
