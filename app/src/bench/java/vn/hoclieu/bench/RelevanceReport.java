package vn.hoclieu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.hoclieu.search.internal.HoclieuRanker;
import vn.hoclieu.search.internal.RankingExperiments;
import vn.hoclieu.search.relevance.Evaluation;
import vn.hoclieu.search.relevance.IcuFoldingRanker;
import vn.hoclieu.search.relevance.Ranker;
import vn.hoclieu.search.relevance.RelevanceCollection;
import vn.hoclieu.search.relevance.RelevanceCollection.Group;
import vn.hoclieu.search.relevance.RelevanceCollection.Material;
import vn.hoclieu.search.relevance.StandardAnalyzerRanker;

/**
 * MRR@10 and recall@10 of Hoclieu and of two baselines (Lucene's {@code StandardAnalyzer}; ICU folding
 * with English stemming, as DSpace does), and of Hoclieu's ranking before it was tuned on the Debian
 * collection, with and without diacritics, on three sets of queries: our own
 * suite, and the tuning and reporting halves of the Debian collection of real third-party documentation
 * ({@code BuildDebianCollection}). One table per set:
 *
 * <pre>./mvnw -B -q -pl app -am test-compile exec:java@relevance-report</pre>
 *
 * <ul>
 *   <li>{@code -Drelevance.debian=DIR}: where the Debian collection is ({@code app/target/relevance-debian}
 *       by default); when it is missing it is fetched and built there ({@link DebianCollection});
 *   <li>{@code -Drelevance.tuning=true}: the tuning half alone, for the tuning loop — the reporting half is
 *       for reporting, and is never tuned on;
 *   <li>{@code -Drelevance.misses=true}: also every query whose first result is not relevant, per ranker.
 * </ul>
 */
public final class RelevanceReport {

    /** The report's targets on the Debian collection: with diacritics, this many times StandardAnalyzer's MRR@10. */
    static final double OVER_STANDARD = 1.15;
    /** Without diacritics, this share of Hoclieu's own MRR@10 with them. */
    static final double WITHOUT_OVER_WITH = 0.9;

    /** Hoclieu first, the baselines next (the targets read them in this order), then Hoclieu's previous ranking. */
    private static final List<Function<List<Material>, Ranker>> RANKERS = List.of(HoclieuRanker::new,
            StandardAnalyzerRanker::new, IcuFoldingRanker::new, RankingExperiments::before);

    private RelevanceReport() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        boolean misses = Boolean.getBoolean("relevance.misses");
        boolean tuningOnly = Boolean.getBoolean("relevance.tuning");
        RelevanceCollection debian = DebianCollection.loadOrBuild();
        Map<String, RelevanceCollection> sets = new LinkedHashMap<>();
        if (!tuningOnly) {
            sets.put("Our suite (src/test/resources/relevance)", RelevanceCollection.load());
        }
        sets.put("Debian, tuning half", debian.half(RelevanceCollection.TUNING));
        if (!tuningOnly) {
            sets.put("Debian, reporting half", debian.half(RelevanceCollection.REPORTING));
        }
        StringBuilder missed = new StringBuilder();
        for (Map.Entry<String, RelevanceCollection> set : sets.entrySet()) {
            RelevanceCollection collection = set.getValue();
            List<Group> groups = new ArrayList<>();
            for (Group g : Group.values()) {
                if (!collection.cases(g).isEmpty()) {
                    groups.add(g);
                }
            }
            System.out.printf("%n%s: %d materials, %d queries (%s)%n%n", set.getKey(), collection.materials().size(),
                    collection.cases().size(), String.join(", ", groups.stream()
                            .map(g -> collection.cases(g).size() + " " + g.label()).toList()));
            StringBuilder table = new StringBuilder("| ranker |");
            StringBuilder rule = new StringBuilder("| --- |");
            for (Group g : groups) {
                table.append(" MRR@10 ").append(g.label()).append(" | recall@10 ").append(g.label()).append(" |");
                rule.append(" --- | --- |");
            }
            table.append('\n').append(rule).append('\n');
            Map<String, Map<Group, Evaluation.Scores>> scores = new LinkedHashMap<>();
            for (Function<List<Material>, Ranker> make : RANKERS) {
                try (Ranker ranker = make.apply(collection.materials())) {
                    List<Evaluation.Outcome> outcomes = Evaluation.run(ranker, collection.cases());
                    Map<Group, Evaluation.Scores> byGroup = Evaluation.byGroup(outcomes);
                    scores.put(ranker.name(), byGroup);
                    table.append("| ").append(ranker.name()).append(" |");
                    for (Group g : groups) {
                        table.append(String.format(" %.3f | %.3f |", byGroup.get(g).mrr(), byGroup.get(g).recall()));
                    }
                    table.append('\n');
                    if (misses) {
                        missed.append('\n').append(set.getKey()).append(", ").append(ranker.name())
                                .append(": first result not relevant\n");
                        Evaluation.misses(outcomes).forEach(m -> missed.append("  ").append(m).append('\n'));
                    }
                }
            }
            System.out.print(table);
            if (set.getKey().startsWith("Debian")) {
                targets(scores);
            }
        }
        System.out.print(missed);
    }

    /** The targets of the Debian collection, against what this run measured. */
    private static void targets(Map<String, Map<Group, Evaluation.Scores>> scores) {
        List<Map<Group, Evaluation.Scores>> rows = new ArrayList<>(scores.values());
        double hoclieuWith = rows.get(0).get(Group.WITH_DIACRITICS).mrr();
        double hoclieuWithout = rows.get(0).get(Group.WITHOUT_DIACRITICS).mrr();
        double standardWith = rows.get(1).get(Group.WITH_DIACRITICS).mrr();
        System.out.printf("%ntargets: with diacritics %.3f ≥ %.2f × StandardAnalyzer's %.3f = %.3f: %s; "
                        + "without %.3f ≥ %.1f × Hoclieu's with %.3f = %.3f: %s%n",
                hoclieuWith, OVER_STANDARD, standardWith, OVER_STANDARD * standardWith,
                hoclieuWith >= OVER_STANDARD * standardWith ? "met" : "NOT met",
                hoclieuWithout, WITHOUT_OVER_WITH, hoclieuWith, WITHOUT_OVER_WITH * hoclieuWith,
                hoclieuWithout >= WITHOUT_OVER_WITH * hoclieuWith ? "met" : "NOT met");
    }
}
