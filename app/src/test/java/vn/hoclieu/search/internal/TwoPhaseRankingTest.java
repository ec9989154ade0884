package vn.hoclieu.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;
import vn.hoclieu.search.relevance.RelevanceCollection.Material;

/**
 * Ranking in two phases ({@code Searcher.rank}): a flat first phase picks {@value Searcher#RERANKED} of
 * the hits, the full query orders them. With more hits than that, on an index of its own where common
 * syllables are in nearly every material: only hits are ever returned (the first phase alone matches any
 * of the words), pages follow one order, the full query's best comes first (the words side by side in a
 * title make the first page),
 * and the ten shown score nearly as well as the full query's own best ten over every match.
 */
class TwoPhaseRankingTest {

    private static final String[] COMMON = {"sông", "núi", "làng", "chợ", "đồng", "mưa", "nắng", "gió", "biển", "rừng",
            "cây", "hoa", "lá", "cỏ", "đất", "nước", "trời", "mây", "đêm", "ngày"};
    private static final String[] RARE = {"khế", "ổi", "mận", "vải", "nhãn", "sấu", "thị", "bưởi", "quýt", "dừa",
            "mít", "na", "chanh", "cam", "xoài", "đào", "lê", "táo", "nho", "roi"};
    private static List<Material> materials;
    private static HoclieuRanker hoclieu;

    @BeforeAll
    static void index() {
        Random r = new Random(20261201);
        materials = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            materials.add(new Material("m" + i, "vi", words(r, 4, 1), words(r, 14, 4), List.of(RARE[r.nextInt(RARE.length)]),
                    words(r, 150, 12) + " chua"));
        }
        // the words of the query side by side in a title, and more decoys than the first phase keeps, which
        // repeat one of them everywhere but lack the other: first in a flat sum over fields, yet no match
        materials.add(new Material("planted", "vi", "Khế chua bên sông", "Chuyện làng " + words(r, 10, 4),
                List.of("quê"), words(r, 150, 12)));
        for (int i = 0; i < Searcher.RERANKED + 50; i++) {
            materials.add(new Material("decoy" + i, "vi", "Khế khế khế", "khế khế khế khế", List.of("khế"),
                    "khế ".repeat(60) + COMMON[i % COMMON.length]));
        }
        hoclieu = new HoclieuRanker(materials);
    }

    @AfterAll
    static void close() {
        hoclieu.close();
    }

    /** {@code n} syllables, one in {@code rareEvery} from the rare list. */
    private static String words(Random r, int n, int rareEvery) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String[] from = r.nextInt(rareEvery) == 0 && rareEvery > 1 ? RARE : COMMON;
            b.append(i == 0 ? "" : " ").append(from[r.nextInt(from.length)]);
        }
        return b.toString();
    }

    @Test
    void withManyHitsOnlyHitsAreShownInOneOrderAndTheTitleMatchFirst() {
        for (String q : List.of("khế chua", "khe chua", "chua khế")) {
            assertThat(hoclieu.matches(q)).as(q + ": enough hits for two phases").isGreaterThan(Searcher.RERANKED);
            List<Map.Entry<String, Float>> shown = new ArrayList<>();
            for (int page = 0; page < 4; page++) {
                shown.addAll(hoclieu.page(q, page, 10));
            }
            assertThat(shown).as(q).hasSize(40);
            assertThat(shown.get(0).getKey()).as(q + ": the full query's best").isEqualTo(hoclieu.exhaustive(q, 1).get(0).getKey());
            assertThat(shown.subList(0, 10)).as(q).anyMatch(e -> e.getKey().equals("planted"));
            assertThat(shown).as(q + ": decoys lack a word").noneMatch(e -> e.getKey().startsWith("decoy"));
            Set<String> distinct = new HashSet<>();
            shown.forEach(e -> distinct.add(e.getKey()));
            assertThat(distinct).as(q + ": pages do not repeat").hasSize(40);
            for (int i = 1; i < shown.size(); i++) {
                assertThat(shown.get(i).getValue()).as(q + " #" + i).isLessThanOrEqualTo(shown.get(i - 1).getValue());
            }
            // every hit shown is a match of the full query: its score is the full query's
            Set<String> fullMatches = new HashSet<>();
            hoclieu.exhaustive(q, materials.size()).forEach(e -> fullMatches.add(e.getKey()));
            assertThat(fullMatches).as(q).containsAll(distinct);
        }
    }

    @Test
    void withNoMoreHitsThanTheWindowTheOrderIsTheFullQuerysOwn() {
        int compared = 0;
        List<String> queries = new ArrayList<>(List.of("\"khế chua bên sông\"", "quê"));
        for (int i = 0; i < 12; i++) {
            // a title as a phrase: a few materials hold those words in that order, accented or not
            String title = materials.get(i).title();
            queries.add("\"" + (i % 2 == 0 ? title : VietnameseAnalysis.fold(title)) + "\"");
        }
        for (String q : queries) {
            int matches = (int) hoclieu.matches(q);
            if (matches == 0 || matches > Searcher.RERANKED) {
                continue;
            }
            compared++;
            List<Map.Entry<String, Float>> shown = new ArrayList<>();
            for (int page = 0; page * 10 < matches; page++) {
                shown.addAll(hoclieu.page(q, page, 10));
            }
            List<Map.Entry<String, Float>> full = hoclieu.exhaustive(q, materials.size());
            assertThat(shown).as(q + ": every hit, once").hasSize(matches);
            for (int i = 0; i < matches; i++) {
                assertThat(shown.get(i).getValue()).as(q + " #" + i + ": the full query's score")
                        .isEqualTo(full.get(i).getValue());
            }
            assertThat(shown.stream().map(Map.Entry::getKey).toList()).as(q)
                    .containsExactlyInAnyOrderElementsOf(full.stream().map(Map.Entry::getKey).toList());
        }
        assertThat(compared).as("queries with hits, no more than the window").isGreaterThan(3);
    }

    @Test
    void theTenShownScoreNearlyAsWellAsTheFullQuerysBestTen() {
        Random r = new Random(7);
        double regret = 0;
        int queries = 0;
        for (int i = 0; i < 40; i++) {
            String q = COMMON[r.nextInt(COMMON.length)] + " " + COMMON[r.nextInt(COMMON.length)]
                    + (i % 3 == 0 ? " " + RARE[r.nextInt(RARE.length)] : "");
            if (i % 2 == 0) {
                q = VietnameseAnalysis.fold(q);
            }
            if (hoclieu.matches(q) <= Searcher.RERANKED) {
                continue;
            }
            double best = hoclieu.exhaustive(q, 10).stream().mapToDouble(Map.Entry::getValue).sum();
            double shown = hoclieu.page(q, 0, 10).stream().mapToDouble(Map.Entry::getValue).sum();
            assertThat(shown).as(q).isLessThanOrEqualTo(best * 1.0001).isGreaterThan(0);
            regret += (best - shown) / best;
            queries++;
        }
        assertThat(queries).as("queries with more hits than the first phase keeps").isGreaterThan(20);
        assertThat(regret / queries).as("mean share of the best ten's score lost").isLessThan(0.01);
    }
}
