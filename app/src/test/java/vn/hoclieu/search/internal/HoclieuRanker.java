package vn.hoclieu.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.MaterialType;
import vn.hoclieu.catalog.ResourceSnapshot;
import vn.hoclieu.catalog.ResourceStatus;
import vn.hoclieu.catalog.Visibility;
import vn.hoclieu.search.SearchProperties;
import vn.hoclieu.search.SearchRequest;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;
import vn.hoclieu.search.relevance.Ranker;
import vn.hoclieu.search.relevance.RelevanceCollection.Material;

/**
 * Hoclieu's own search over the relevance collection, through the application's real path: each
 * material becomes a catalogue snapshot (public, published, one text file), {@link ResourceDocuments}
 * turns it into the Lucene document, {@link LuceneIndex} writes it to an index on disk, and
 * {@link Searcher} answers as it answers {@code GET /api/v1/search} for an anonymous visitor.
 * No Spring context: the search module's classes need none, and the suite stays fast.
 */
public final class HoclieuRanker implements Ranker {

    /** The searcher's own query builder, for the checks that compare against its queries. */
    private static final QueryBuilder QUERIES = new QueryBuilder(
            VietnameseAnalysis.folded(),
            VietnameseAnalysis.exact());

    private final Path directory;
    private LuceneIndex index;
    private Searcher searcher;
    private final Map<Long, String> ids = new HashMap<>();
    private final String name;

    public HoclieuRanker(List<Material> materials) {
        this(materials, Ranking.DEFAULT, "Hoclieu");
    }

    HoclieuRanker(List<Material> materials, Ranking ranking) {
        this(materials, ranking, "Hoclieu");
    }

    /** Hoclieu's path with another ranking than its own, under another name. */
    HoclieuRanker(List<Material> materials, Ranking ranking, String name) {
        this.name = name;
        try {
            directory = Files.createTempDirectory("hoclieu-relevance");
            index = new LuceneIndex(new SearchProperties(directory, null, null), ranking);
            LuceneIndex.Change last = null;
            long id = 1;
            for (Material m : materials) {
                ids.put(id, m.id());
                last = index.upsert(Long.toString(id), ResourceDocuments.of(snapshot(id, m)));
                id++;
            }
            if (last != null) {
                index.awaitSearchable(last);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searcher = new Searcher(index);
    }

    static ResourceSnapshot snapshot(long id, Material m) {
        Instant when = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(id);
        ResourceSnapshot.FileText file = new ResourceSnapshot.FileText(id, m.id() + ".txt", "text/plain", m.text(),
                List.of());
        return new ResourceSnapshot(id, m.title(), List.of(), m.description(), m.language(), m.subjects(), List.of(),
                MaterialType.OTHER, "CC-BY-4.0", Visibility.PUBLIC, ResourceStatus.PUBLISHED, null, null, null,
                null, when, when, List.of("text/plain"), List.of(file), null, false);
    }

    /**
     * From now on, ranks as {@code ranking} says, over the same index: a ranking's query and BM25
     * parameters need no new index (BM25 stores the same length norms whatever its parameters).
     */
    void rankWith(Ranking ranking) {
        try {
            index.close();
            index = new LuceneIndex(new SearchProperties(directory, null, null), ranking);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searcher = new Searcher(index);
    }

    @Override
    public String name() {
        return name;
    }

    /** At most one page of the API ({@value SearchRequest#MAX_SIZE} hits), as a person or a script gets. */
    @Override
    public List<String> search(String query, int limit) {
        int size = Math.min(limit, SearchRequest.MAX_SIZE);
        return searcher.search(new SearchRequest(query, 0, size, "relevance", Map.of()), Viewer.ANONYMOUS)
                .hits().stream().map(hit -> ids.get(hit.id())).toList();
    }

    /** Whether totals are counted on the catch-all field (every document has it). */
    boolean countsOnCatchAll() {
        return index.withSearcher(Searcher::hasCatchAll);
    }

    /** How many resources the ranking query matches, counted the slow way (its own clauses), and the total the searcher reports. */
    long[] countBothWays(String query) throws IOException {
        QueryBuilder.Built built = QUERIES.build(query);
        long slow = index.withSearcher(s -> (long) s.count(built.query()));
        long reported = searcher.search(new SearchRequest(query, 0, 1, "relevance", Map.of()), Viewer.ANONYMOUS).total();
        return new long[] {slow, reported};
    }

    /** One page as the API ranks it: material ids with their scores. */
    List<Map.Entry<String, Float>> page(String query, int page, int size) {
        return searcher.search(new SearchRequest(query, page, size, "relevance", Map.of()), Viewer.ANONYMOUS)
                .hits().stream().map(hit -> Map.entry(ids.get(hit.id()), hit.score())).toList();
    }

    /** The best {@code n} as the full ranking query orders every match, none skipped: what the two phases approximate. */
    List<Map.Entry<String, Float>> exhaustive(String query, int n) {
        QueryBuilder.Built built = QUERIES.build(query);
        Query q = new BooleanQuery.Builder()
                .add(built.query(), BooleanClause.Occur.MUST)
                .add(VisibilityFilter.of(Viewer.ANONYMOUS), BooleanClause.Occur.FILTER).build();
        return index.withSearcher(s -> {
            var top = s.search(q, new TopScoreDocCollectorManager(n, null, Integer.MAX_VALUE));
            var stored = s.storedFields();
            List<Map.Entry<String, Float>> out = new ArrayList<>();
            for (var sd : top.scoreDocs) {
                out.add(Map.entry(ids.get(Long.parseLong(stored.document(sd.doc).get(Fields.ID))), sd.score));
            }
            return out;
        });
    }

    /**
     * For an unaccented phrase: how many resources plain phrase queries over the folded fields match
     * (the oracle), and how many the quoted query matches.
     */
    long[] phraseBothWays(String phrase) {
        var folded = VietnameseAnalysis.folded();
        List<String> terms = TypedWords.terms(folded, phrase, 32).stream().map(TypedWords.Term::text).toList();
        if (terms.size() < 2) {
            return new long[] {0, 0};
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : Fields.TEXT_FIELDS) {
            PhraseQuery.Builder p = new PhraseQuery.Builder();
            terms.forEach(t -> p.add(new Term(field + Fields.FOLDED, t)));
            any.add(p.build(), BooleanClause.Occur.SHOULD);
        }
        Query oracle = any.build();
        QueryBuilder.Built built = QUERIES.build("\"" + phrase + "\"");
        return index.withSearcher(s -> new long[] {s.count(oracle), s.count(built.query()),
                s.count(Searcher.counting(s, built))});
    }

    /** Whether phrases are narrowed by their pairs when counting (every document has the pairs field). */
    boolean narrowsPhrases() {
        QueryBuilder.Built built = QUERIES.build("\"hoc tap\"");
        return index.withSearcher(s -> Searcher.counting(s, built) != built.matching());
    }

    /** Plain phrase queries over one folded field (the oracle), beside what the quoted query counts, narrowed. */
    long[] phraseInField(String field, String phrase) {
        var folded = VietnameseAnalysis.folded();
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        TypedWords.terms(folded, phrase, 32).forEach(t -> p.add(new Term(field + Fields.FOLDED,
                t.text())));
        QueryBuilder.Built built = QUERIES.build("\"" + phrase + "\"");
        return index.withSearcher(s -> new long[] {s.count(p.build()), s.count(Searcher.counting(s, built))});
    }

    /** How many resources the full ranking query matches, none skipped. */
    long matches(String query) {
        QueryBuilder.Built built = QUERIES.build(query);
        return index.withSearcher(s -> (long) s.count(built.query()));
    }

    @Override
    public void close() {
        try {
            index.close();
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
