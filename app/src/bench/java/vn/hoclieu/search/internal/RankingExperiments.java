package vn.hoclieu.search.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hoclieu.search.relevance.Evaluation;
import vn.hoclieu.search.relevance.Ranker;
import vn.hoclieu.search.relevance.RelevanceCollection.Group;
import vn.hoclieu.search.relevance.RelevanceCollection;

/**
 * The ranking experiments: many variants of {@link Ranking} measured in one JVM on the tuning half of
 * the Debian collection (never the reporting half: that one is for reporting), beside our own suite
 * (which must stay at 0.95 or more). The index is built once per collection; a variant changes only the
 * query and the BM25 parameters, so the same index serves them all ({@link HoclieuRanker#rankWith}).
 *
 * <p>Each variant is a line of {@code key=value} settings over {@link Ranking#DEFAULT} (or over the line
 * {@code base: …}): {@code w.title=0.5}, {@code exact=1}, {@code bigram=0}, {@code exactBigram=0},
 * {@code tie=0.1}, {@code pairs=1}, {@code k1=1.2}, {@code b=0.75}, {@code k1.text=…},
 * {@code b.title=…}, {@code short=1}, {@code long=0.6}; {@code before} is the ranking of December 2026.
 * One line per variant, in a file ({@code -Dvariants=FILE}) or separated by {@code |} in
 * {@code -Dvariants="…"}; {@code -Dmisses=N} lists the tuning misses of the N-th variant (from 1).
 *
 * <pre>./mvnw -B -q -pl app -am test-compile exec:java@ranking-experiments -Dvariants="before|w.title=0.5"</pre>
 */
public final class RankingExperiments {

    /** The ranking in use before these experiments (December 2026), to compare against. */
    static final Ranking BEFORE = new Ranking(
            Ranking.ordered(Fields.TITLE, 2.0f, Fields.SUBJECTS, 1.5f, Fields.CREATORS, 1.2f, Fields.DESCRIPTION, 1.0f,
                    Fields.TEXT, 0.8f),
            1.15f, 1.5f, 1.15f, 0.1f, 0f,
            Ranking.ordered(Fields.TITLE, Ranking.LUCENE_BM25, Fields.SUBJECTS, Ranking.LUCENE_BM25, Fields.CREATORS,
                    Ranking.LUCENE_BM25, Fields.DESCRIPTION, Ranking.LUCENE_BM25, Fields.TEXT, Ranking.LUCENE_BM25),
            1, 0.6);

    private RankingExperiments() {
    }

    /** Hoclieu's search ranking as it was before these experiments, for the report's comparison row. */
    public static Ranker before(List<RelevanceCollection.Material> materials) {
        return new HoclieuRanker(materials, BEFORE, "Hoclieu, ranking before the Debian tuning");
    }

    public static void main(String[] args) throws Exception {
        String spec = System.getProperty("variants", "before|");
        List<String> lines = new ArrayList<>();
        Path file = spec.contains("=") || spec.contains("|") || spec.isBlank() ? null : Path.of(spec);
        for (String line : file != null ? Files.readAllLines(file) : List.of(spec.split("\\|", -1))) {
            lines.add(line.strip());
        }
        Ranking base = Ranking.DEFAULT;
        Map<String, Ranking> variants = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("base:")) {
                base = parse(Ranking.DEFAULT, line.substring(5).strip());
                continue;
            }
            variants.put(line.isEmpty() ? "(default)" : line, parse(base, line));
        }
        int missesOf = Integer.getInteger("misses", 0);
        // -Ddiff=I,J: the queries whose reciprocal rank differs between variants I and J (from 1)
        String[] diff = System.getProperty("diff", "0,0").split(",");
        int diffA = Integer.parseInt(diff[0]);
        int diffB = Integer.parseInt(diff[1]);
        List<Evaluation.Outcome> diffOutcomes = null;
        RelevanceCollection tuning = RelevanceCollection.load(Path.of(System.getProperty("relevance.debian",
                "app/target/relevance-debian"))).half(RelevanceCollection.TUNING);
        RelevanceCollection suite = Boolean.parseBoolean(System.getProperty("suite", "true"))
                ? RelevanceCollection.load() : null;
        System.out.printf("tuning half: %d materials, %d queries%n", tuning.materials().size(), tuning.cases().size());
        // A few long pages are relevant to many queries (the installer's components page to one query in six):
        // a change that only moves them shows in the columns that leave their queries out.
        Map<String, Integer> judged = new HashMap<>();
        tuning.cases().forEach(c -> c.relevant().forEach(id -> judged.merge(id, 1, Integer::sum)));
        Set<String> heavy = new HashSet<>(judged.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(HEAVY).map(Map.Entry::getKey)
                .toList());
        System.out.printf("most judged (left out of the 'others' columns): %s%n", heavy);
        System.out.println("| variant | tuning MRR@10 with | R@10 with | MRR@10 without | R@10 without | others with | others without | ≤4 syllables with | without | suite MRR with | without |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        int passageSize = Integer.getInteger("passages", 0);
        String[] lambdas = System.getProperty("lambdas", "0,0.5,1,2,100").split(",");
        try (HoclieuRanker debian = new HoclieuRanker(tuning.materials());
             HoclieuRanker windows = passageSize == 0 ? null
                     : new HoclieuRanker(windows(tuning.materials(), passageSize));
             HoclieuRanker own = suite == null ? null : new HoclieuRanker(suite.materials())) {
            int n = 0;
            List<Map.Entry<String, Ranking>> runs = new ArrayList<>();
            for (Map.Entry<String, Ranking> v : variants.entrySet()) {
                if (windows == null) {
                    runs.add(v);
                } else {
                    for (String lambda : lambdas) {
                        runs.add(Map.entry(v.getKey() + " +" + lambda + "×window" + passageSize, v.getValue()));
                    }
                }
            }
            int run = 0;
            for (Map.Entry<String, Ranking> v : runs) {
                n++;
                debian.rankWith(v.getValue());
                Ranker ranker = debian;
                if (windows != null) {
                    windows.rankWith(v.getValue());
                    float lambda = Float.parseFloat(lambdas[run++ % lambdas.length]);
                    ranker = new Fused(debian, windows, lambda);
                }
                List<Evaluation.Outcome> outcomes = Evaluation.run(ranker, tuning.cases());
                Map<Group, Evaluation.Scores> t = Evaluation.byGroup(outcomes);
                Map<Group, Evaluation.Scores> others = Evaluation.byGroup(outcomes.stream()
                        .filter(o -> o.queryCase().relevant().stream().noneMatch(heavy::contains)).toList());
                // the held-out queries are 1–4 words: how the short ones fare
                Map<Group, Evaluation.Scores> shortOnes = Evaluation.byGroup(outcomes.stream()
                        .filter(o -> o.queryCase().query().strip().split("\\s+").length <= 4).toList());
                String ownCells = " – | – |";
                if (own != null) {
                    own.rankWith(v.getValue());
                    Map<Group, Evaluation.Scores> s = Evaluation.byGroup(Evaluation.run(own, suite.cases()));
                    ownCells = String.format(" %.3f | %.3f |", s.get(Group.WITH_DIACRITICS).mrr(),
                            s.get(Group.WITHOUT_DIACRITICS).mrr());
                }
                System.out.printf("| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%s%n", v.getKey(),
                        t.get(Group.WITH_DIACRITICS).mrr(), t.get(Group.WITH_DIACRITICS).recall(),
                        t.get(Group.WITHOUT_DIACRITICS).mrr(), t.get(Group.WITHOUT_DIACRITICS).recall(),
                        others.get(Group.WITH_DIACRITICS).mrr(), others.get(Group.WITHOUT_DIACRITICS).mrr(),
                        shortOnes.get(Group.WITH_DIACRITICS).mrr(), shortOnes.get(Group.WITHOUT_DIACRITICS).mrr(),
                        ownCells);
                if (n == missesOf) {
                    Evaluation.misses(outcomes).forEach(m -> System.out.println("    " + m));
                }
                if (n == diffA) {
                    diffOutcomes = outcomes;
                }
                if (n == diffB && diffOutcomes != null) {
                    for (int i = 0; i < outcomes.size(); i++) {
                        Evaluation.Outcome a = diffOutcomes.get(i);
                        Evaluation.Outcome b = outcomes.get(i);
                        if (a.firstRelevantRank() != b.firstRelevantRank()) {
                            System.out.printf("    %+.2f %s%n         was rank %d: %s%n", b.reciprocalRank() - a.reciprocalRank(),
                                    b.describe(), a.firstRelevantRank(), a.top().stream().limit(5).toList());
                        }
                    }
                }
            }
        }
    }

    /** How many of the most judged documents the "others" columns leave out. */
    static final int HEAVY = 5;

    /**
     * Each material's text cut into windows of {@code size} syllables, each overlapping the next by half,
     * as materials of their own ({@code id#k}, with the material's title): a stand-in for scoring a long
     * document by its best passage, to measure whether that is worth building.
     */
    static List<RelevanceCollection.Material> windows(List<RelevanceCollection.Material> materials, int size) {
        List<RelevanceCollection.Material> out = new ArrayList<>();
        for (RelevanceCollection.Material m : materials) {
            String[] words = m.text().strip().split("\\s+");
            int k = 0;
            for (int start = 0; ; start += size / 2) {
                int end = Math.min(words.length, start + size);
                out.add(new RelevanceCollection.Material(m.id() + "#" + k++, m.language(), m.title(), m.description(),
                        m.subjects(), String.join(" ", Arrays.copyOfRange(words, start, end))));
                if (end == words.length) {
                    break;
                }
            }
        }
        return out;
    }

    /** A material's whole score and its best window's, each divided by the query's best, the window's times {@code lambda}. */
    record Fused(HoclieuRanker whole, HoclieuRanker windows, float lambda) implements Ranker {

        @Override
        public String name() {
            return "fused";
        }

        @Override
        public List<String> search(String query, int limit) {
            Map<String, Double> score = new HashMap<>();
            List<Map.Entry<String, Float>> w = whole.page(query, 0, 100);
            float maxWhole = w.isEmpty() ? 1 : w.get(0).getValue();
            w.forEach(e -> score.merge(e.getKey(), (double) e.getValue() / maxWhole, Double::sum));
            if (lambda > 0) {
                List<Map.Entry<String, Float>> p = windows.page(query, 0, 100);
                float maxWindow = p.isEmpty() ? 1 : p.get(0).getValue();
                Map<String, Double> best = new HashMap<>();
                p.forEach(e -> best.merge(e.getKey().substring(0, e.getKey().lastIndexOf('#')),
                        (double) e.getValue() / maxWindow, Math::max));
                best.forEach((id, s) -> score.merge(id, lambda * s, Double::sum));
            }
            return score.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(limit).map(Map.Entry::getKey).toList();
        }

        @Override
        public void close() {
        }
    }

    /** {@code base} with the settings of one line. */
    static Ranking parse(Ranking base, String line) {
        Ranking r = base;
        for (String setting : line.split("[,\\s]+")) {
            if (setting.isBlank()) {
                continue;
            }
            if (setting.equals("before")) {
                r = BEFORE;
                continue;
            }
            String[] kv = setting.split("=", 2);
            String key = kv[0];
            float value = Float.parseFloat(kv[1]);
            Map<String, Float> w = new LinkedHashMap<>(r.weights());
            Map<String, Ranking.Bm25> bm25 = new LinkedHashMap<>(r.bm25());
            float exact = r.exact();
            float bigram = r.bigram();
            float exactBigram = r.exactBigram();
            float tie = r.tieBreaker();
            float pairs = r.allPairs();
            int shortMissing = r.shortMissing();
            double longMatch = r.longMatch();
            switch (key) {
                case "exact" -> exact = value;
                case "bigram" -> bigram = value;
                case "exactBigram" -> exactBigram = value;
                case "tie" -> tie = value;
                case "pairs" -> pairs = value;
                case "short" -> shortMissing = (int) value;
                case "long" -> longMatch = value;
                case "k1", "b" -> bm25.replaceAll((f, p) -> key.equals("k1") ? new Ranking.Bm25(value, p.b())
                        : new Ranking.Bm25(p.k1(), value));
                default -> {
                    String[] parts = key.split("\\.", 2);
                    switch (parts[0]) {
                        case "w" -> w.put(field(parts[1]), value);
                        case "k1" -> bm25.computeIfPresent(field(parts[1]), (f, p) -> new Ranking.Bm25(value, p.b()));
                        case "b" -> bm25.computeIfPresent(field(parts[1]), (f, p) -> new Ranking.Bm25(p.k1(), value));
                        default -> throw new IllegalArgumentException("unknown setting " + setting);
                    }
                }
            }
            r = new Ranking(w, exact, bigram, exactBigram, tie, pairs, bm25, shortMissing, longMatch);
        }
        return r;
    }

    private static String field(String name) {
        if (!Fields.TEXT_FIELDS.contains(name)) {
            throw new IllegalArgumentException("not a text field: " + name);
        }
        return name;
    }
}
