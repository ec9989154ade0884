package vn.hoclieu.search.relevance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.hoclieu.search.relevance.RelevanceCollection.Group;
import vn.hoclieu.search.relevance.RelevanceCollection.QueryCase;

/**
 * Runs the query cases through a ranker and scores the first {@value #DEPTH} results: MRR@10
 * (1/rank of the first relevant material, 0 if none is in the first ten) and recall@10 (the share
 * of the relevant materials found in the first ten), each averaged over queries.
 */
public final class Evaluation {

    public static final int DEPTH = 10;

    /** What a ranker returned for one case. */
    public record Outcome(QueryCase queryCase, List<String> top) {

        public int firstRelevantRank() {
            for (int i = 0; i < top.size() && i < DEPTH; i++) {
                if (queryCase.relevant().contains(top.get(i))) {
                    return i + 1;
                }
            }
            return 0;
        }

        public double reciprocalRank() {
            int rank = firstRelevantRank();
            return rank == 0 ? 0 : 1.0 / rank;
        }

        public double recall() {
            long found = top.stream().limit(DEPTH).filter(queryCase.relevant()::contains).count();
            return (double) found / queryCase.relevant().size();
        }

        /** "q01/plain «da nang» → rank 3: [a, b, c]" for a case whose relevant material is not first. */
        public String describe() {
            int rank = firstRelevantRank();
            return queryCase.id() + " «" + queryCase.query() + "» wants " + queryCase.relevant() + " → "
                    + (rank == 0 ? "none in the first " + DEPTH : "rank " + rank) + ": "
                    + top.stream().limit(5).toList();
        }
    }

    /** Mean reciprocal rank and mean recall over {@code queries} cases. */
    public record Scores(double mrr, double recall, int queries) {
    }

    private Evaluation() {
    }

    public static List<Outcome> run(Ranker ranker, List<QueryCase> cases) {
        List<Outcome> outcomes = new ArrayList<>();
        for (QueryCase c : cases) {
            outcomes.add(new Outcome(c, ranker.search(c.query(), DEPTH)));
        }
        return outcomes;
    }

    public static Scores score(List<Outcome> outcomes) {
        double rr = 0;
        double recall = 0;
        for (Outcome o : outcomes) {
            rr += o.reciprocalRank();
            recall += o.recall();
        }
        int n = outcomes.size();
        return n == 0 ? new Scores(0, 0, 0) : new Scores(rr / n, recall / n, n);
    }

    public static Map<Group, Scores> byGroup(List<Outcome> outcomes) {
        Map<Group, Scores> scores = new EnumMap<>(Group.class);
        for (Group g : Group.values()) {
            scores.put(g, score(outcomes.stream().filter(o -> o.queryCase().group() == g).toList()));
        }
        return scores;
    }

    /** The cases whose first result is not relevant, to read when a score drops. */
    public static List<String> misses(List<Outcome> outcomes) {
        return outcomes.stream().filter(o -> o.firstRelevantRank() != 1).map(Outcome::describe).toList();
    }
}
