package vn.hoclieu.search.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.bench.SearchCorpus;
import vn.hoclieu.search.SearchHit;
import vn.hoclieu.search.SearchPage;
import vn.hoclieu.search.SearchProperties;
import vn.hoclieu.search.SearchRequest;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;
import vn.hoclieu.search.relevance.RelevanceCollection;

/**
 * A probe, not a benchmark: the search benchmark's 500 queries through the real {@link Searcher} and
 * {@link DidYouMean} on one thread, over a copy of its index, no server: CPU time per query of each,
 * and how the two-phase ranking's first page compares with the full query's own best ten over every
 * match (the same first hit, the share of the ten in common, the share of their summed score lost).
 * For trying changes to the search path in a minute. The index folder is opened for writing: give it a
 * copy ({@code cp -r target/search-bench/index-* target/search-bench/index.current /tmp/probe/}).
 *
 * <pre>java -cp … vn.hoclieu.search.internal.RankingProbe /tmp/probe/index [rounds]</pre>
 *
 * <p>{@code -Dprobe.typos=true} asks every query with two letters of its longest word swapped, as a hurried
 * thumb types it: what did-you-mean's correction costs where it runs, and how often it offers one.
 *
 * <p>{@code -Dprobe.rankings="before;default;pairs=0"} runs the probe once per ranking over the same index
 * ({@code before}: the ranking of December 2026; other variants as {@link RankingExperiments} writes them),
 * to compare what a ranking change costs; {@code -Dprobe.generate=N} first fills a missing index folder with the search
 * benchmark's first N resources ({@link SearchCorpus}), without the benchmark's server and database.
 */
public final class RankingProbe {

    public static void main(String[] args) throws Exception {
        Path indexDir = Path.of(args.length > 0 ? args[0] : "/tmp/probe/index");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int generate = Integer.getInteger("probe.generate", 0);
        if (generate > 0 && !Files.exists(indexDir)) {
            generate(indexDir, generate);
        }
        for (String name : System.getProperty("probe.rankings", "default").split(";")) {
            Ranking ranking = name.equals("default") ? Ranking.DEFAULT : RankingExperiments.parse(Ranking.DEFAULT, name);
            System.out.printf("ranking: %s%n", name);
            probe(indexDir, rounds, ranking);
        }
    }

    /** The search benchmark's first {@code n} resources, indexed as the application indexes them. */
    private static void generate(Path indexDir, int n) throws Exception {
        long started = System.nanoTime();
        try (LuceneIndex index = new LuceneIndex(new SearchProperties(indexDir, null, null))) {
            LuceneIndex.Change last = null;
            for (int i = 0; i < n; i++) {
                SearchCorpus.Doc d = SearchCorpus.doc(i);
                RelevanceCollection.Material m = new RelevanceCollection.Material(Integer.toString(i), d.language(),
                        d.title(), d.description(), d.subjects(), d.text());
                last = index.upsert(Integer.toString(i + 1), ResourceDocuments.of(HoclieuRanker.snapshot(i + 1, m)));
            }
            index.awaitSearchable(last);
            index.current().writer.forceMerge(1);
            index.current().writer.commit();
        }
        System.out.printf("indexed %d resources in %.0f s%n", n, (System.nanoTime() - started) / 1e9);
    }

    private static void probe(Path indexDir, int rounds, Ranking ranking) throws Exception {
        List<SearchCorpus.Query> queries = SearchCorpus.queries(500);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        QueryBuilder builder = new QueryBuilder(VietnameseAnalysis.folded(), VietnameseAnalysis.exact(), ranking);
        try (LuceneIndex index = new LuceneIndex(new SearchProperties(indexDir, null, null), ranking)) {
            Searcher searcher = new Searcher(index);
            DidYouMean didYouMean = new DidYouMean(index);
            for (int round = 0; round < rounds; round++) {
                long searching = 0;
                long suggesting = 0;
                int same = 0;
                int compared = 0;
                double overlap = 0;
                double regret = 0;
                double worst = 0;
                List<Map.Entry<Long, String>> costs = new ArrayList<>();
                int offered = 0;
                for (SearchCorpus.Query sq : queries) {
                    SearchRequest request = request(sq);
                    if (TYPOS) {
                        request = new SearchRequest(misspelled(request.q()), 0, request.size(), request.sort(),
                                request.filters());
                    }
                    long t0 = cpu.getCurrentThreadCpuTime();
                    SearchPage page = searcher.search(request, Viewer.ANONYMOUS);
                    long t1 = cpu.getCurrentThreadCpuTime();
                    offered += didYouMean.offer(request, Viewer.ANONYMOUS, page).didYouMean() != null ? 1 : 0;
                    long t2 = cpu.getCurrentThreadCpuTime();
                    searching += t1 - t0;
                    costs.add(Map.entry(t2 - t0, sq.params() + " (" + page.total() + " hits)"));
                    suggesting += t2 - t1;
                    if (round == 0 && request.sort().equals("relevance") && !page.hits().isEmpty()) {
                        List<ScoreDoc> best = exhaustive(index, builder, request);
                        Set<Long> bestIds = new HashSet<>();
                        double bestScore = 0;
                        for (ScoreDoc sd : best) {
                            bestIds.add(id(index, sd.doc));
                            bestScore += sd.score;
                        }
                        double shownScore = 0;
                        int common = 0;
                        for (SearchHit hit : page.hits()) {
                            shownScore += hit.score();
                            common += bestIds.contains(hit.id()) ? 1 : 0;
                        }
                        compared++;
                        same += id(index, best.get(0).doc) == page.hits().get(0).id() ? 1 : 0;
                        overlap += common / (double) best.size();
                        double lost = bestScore > 0 ? (bestScore - shownScore) / bestScore : 0;
                        regret += lost;
                        worst = Math.max(worst, lost);
                    }
                }
                int n = queries.size();
                System.out.printf("round %d: search %.2f ms, did-you-mean %.2f ms CPU per query, offered for %d%n", round,
                        searching / 1e6 / n, suggesting / 1e6 / n, offered);
                costs.sort(Map.Entry.<Long, String>comparingByKey().reversed());
                System.out.printf("  p50 %.1f ms, p95 %.1f ms, max %.1f ms; the costliest: %s%n",
                        costs.get(n / 2).getKey() / 1e6, costs.get(n / 20).getKey() / 1e6, costs.get(0).getKey() / 1e6,
                        costs.subList(0, 5).stream().map(e -> String.format("%.1f ms %s", e.getKey() / 1e6, e.getValue()))
                                .toList());
                if (compared > 0) {
                    System.out.printf("  against the full query over every match (%d queries): same first hit %.1f%%, "
                                    + "top ten in common %.1f%%, score lost mean %.3f%%, worst %.2f%%%n", compared,
                            100.0 * same / compared, 100 * overlap / compared, 100 * regret / compared, 100 * worst);
                }
            }
        }
    }

    private static final boolean TYPOS = Boolean.getBoolean("probe.typos");

    /** The query with two adjacent letters of its longest word (of four letters or more) swapped. */
    static String misspelled(String q) {
        String longest = "";
        for (String w : q.split("[^\\p{L}]+")) {
            longest = w.length() > longest.length() ? w : longest;
        }
        if (longest.length() < 4) {
            return q;
        }
        int at = longest.length() / 2 - 1;
        String swapped = longest.substring(0, at) + longest.charAt(at + 1) + longest.charAt(at) + longest.substring(at + 2);
        return q.replaceFirst(Pattern.quote(longest), Matcher.quoteReplacement(swapped));
    }

    /** The best ten of the full ranking query over every visible match within the filters, none skipped. */
    private static List<ScoreDoc> exhaustive(LuceneIndex index, QueryBuilder builder, SearchRequest request) {
        QueryBuilder.Built built = builder.build(request.q());
        return index.withSearcher(s -> {
            DrillDownQuery drill = new DrillDownQuery(
                    index.facetsConfig(), new BooleanQuery.Builder().add(built.query(), Occur.MUST)
                    .add(VisibilityFilter.of(Viewer.ANONYMOUS), Occur.FILTER).build());
            request.filters().forEach((dim, values) -> values.forEach(v -> drill.add(dim, v)));
            Query q = drill;
            TopDocs top = s.search(q, new TopScoreDocCollectorManager(request.size(), null, Integer.MAX_VALUE));
            return List.of(top.scoreDocs);
        });
    }

    private static long id(LuceneIndex index, int doc) {
        return index.withSearcher(s -> Long.parseLong(s.storedFields().document(doc).get(Fields.ID)));
    }

    private static SearchRequest request(SearchCorpus.Query sq) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        String sort = "relevance";
        for (String p : sq.params().split("&")) {
            int eq = p.indexOf('=');
            String name = p.substring(0, eq);
            String value = URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.equals("sort")) {
                sort = value;
            } else if (Fields.FACETS.contains(name)) {
                filters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new SearchRequest(sq.q(), 0, 10, sort, filters);
    }
}
