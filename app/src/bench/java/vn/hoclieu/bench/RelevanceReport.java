package vn.hoclieu.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.hoclieu.search.internal.HoclieuRanker;
import vn.hoclieu.search.relevance.Evaluation;
import vn.hoclieu.search.relevance.Ranker;
import vn.hoclieu.search.relevance.RelevanceCollection;
import vn.hoclieu.search.relevance.RelevanceCollection.Group;
import vn.hoclieu.search.relevance.RelevanceCollection.Material;
import vn.hoclieu.search.relevance.StandardAnalyzerRanker;

/**
 * Prints MRR@10 and recall@10 of Hoclieu and of a plain Lucene {@code StandardAnalyzer} on the
 * relevance collection, per way of typing the query ({@code ./mvnw -B -q test-compile
 * exec:java@relevance-report}). {@code -Drelevance.misses=true} also lists, per ranker, every query
 * whose first result is not relevant.
 */
public final class RelevanceReport {

    private RelevanceReport() {
    }

    public static void main(String[] args) {
        RelevanceCollection collection = RelevanceCollection.load();
        boolean misses = Boolean.getBoolean("relevance.misses");
        System.out.printf("Relevance collection: %d materials, %d queries (%d with diacritics, %d without, %d English)%n%n",
                collection.materials().size(), collection.cases().size(),
                collection.cases(Group.WITH_DIACRITICS).size(), collection.cases(Group.WITHOUT_DIACRITICS).size(),
                collection.cases(Group.ENGLISH).size());
        StringBuilder table = new StringBuilder("| ranker |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (Group g : Group.values()) {
            table.append(" MRR@10 ").append(g.label()).append(" | recall@10 ").append(g.label()).append(" |");
            rule.append(" --- | --- |");
        }
        table.append(" MRR@10 all | recall@10 all |\n");
        table.append(rule).append(" --- | --- |\n");
        StringBuilder missed = new StringBuilder();
        List<Function<List<Material>, Ranker>> rankers = List.of(HoclieuRanker::new, StandardAnalyzerRanker::new);
        for (Function<List<Material>, Ranker> make : rankers) {
            try (Ranker ranker = make.apply(collection.materials())) {
                List<Evaluation.Outcome> outcomes = Evaluation.run(ranker, collection.cases());
                Map<Group, Evaluation.Scores> byGroup = Evaluation.byGroup(outcomes);
                table.append("| ").append(ranker.name()).append(" |");
                for (Group g : Group.values()) {
                    cells(table, byGroup.get(g));
                }
                cells(table, Evaluation.score(outcomes));
                table.append('\n');
                if (misses) {
                    missed.append('\n').append(ranker.name()).append(": first result not relevant\n");
                    Evaluation.misses(outcomes).forEach(m -> missed.append("  ").append(m).append('\n'));
                }
            }
        }
        System.out.print(table);
        System.out.print(missed);
    }

    private static void cells(StringBuilder table, Evaluation.Scores scores) {
        table.append(String.format(" %.3f | %.3f |", scores.mrr(), scores.recall()));
    }
}
