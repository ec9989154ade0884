package vn.hoclieu.search.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.hoclieu.search.internal.HoclieuRanker;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;
import vn.hoclieu.search.relevance.RelevanceCollection.Group;
import vn.hoclieu.search.relevance.RelevanceCollection.QueryCase;

/**
 * Hoclieu's ranking on our own relevance suite, through the real indexing and search path. The
 * floors sit a little below what was measured when they were set (docs/search.md, <i>How relevance
 * is measured</i>): a change that costs two or three queries their first place fails here, and the
 * misses are listed. Whether the ranking is good on real text is the Debian collection's question,
 * answered by the report, not here.
 */
class RelevanceTest {

    /** Measured 0.997 / 0.976 with diacritics, 0.997 / 0.976 without, 1.000 / 0.900 English. */
    private static final Map<Group, double[]> FLOORS = Map.of(
            Group.WITH_DIACRITICS, new double[] {0.97, 0.95},
            Group.WITHOUT_DIACRITICS, new double[] {0.97, 0.95},
            Group.ENGLISH, new double[] {0.93, 0.85});

    private static final RelevanceCollection COLLECTION = RelevanceCollection.load();
    private static HoclieuRanker hoclieu;
    private static List<Evaluation.Outcome> outcomes;

    @BeforeAll
    static void indexTheCollection() {
        hoclieu = new HoclieuRanker(COLLECTION.materials());
        outcomes = Evaluation.run(hoclieu, COLLECTION.cases());
    }

    @AfterAll
    static void closeTheIndex() {
        hoclieu.close();
    }

    @Test
    void collectionIsLargeAndItsJudgementsNameRealMaterials() {
        assertThat(COLLECTION.materials()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(COLLECTION.cases(Group.WITH_DIACRITICS)).hasSizeGreaterThanOrEqualTo(40);
        assertThat(COLLECTION.cases(Group.WITHOUT_DIACRITICS)).hasSizeGreaterThanOrEqualTo(40);
        assertThat(COLLECTION.cases(Group.ENGLISH)).isNotEmpty();
        Set<String> ids = new HashSet<>();
        COLLECTION.materials().forEach(m -> assertThat(ids.add(m.id())).as("duplicate id %s", m.id()).isTrue());
        Set<String> caseIds = new HashSet<>();
        for (QueryCase c : COLLECTION.cases()) {
            assertThat(caseIds.add(c.id())).as("duplicate case %s", c.id()).isTrue();
            assertThat(c.relevant()).as(c.id()).isNotEmpty();
            assertThat(ids).as(c.id()).containsAll(c.relevant()).containsAll(c.absent());
            if (c.first() != null) {
                assertThat(c.relevant()).as(c.id()).contains(c.first());
            }
            if (c.group() == Group.WITHOUT_DIACRITICS) {
                assertThat(VietnameseAnalysis.hasDiacritics(c.query())).as(c.id()).isFalse();
            }
        }
    }

    @Test
    void queriesWithDiacriticsStayAboveTheFloor() {
        assertAboveFloor(Group.WITH_DIACRITICS);
    }

    @Test
    void queriesWithoutDiacriticsStayAboveTheFloor() {
        assertAboveFloor(Group.WITHOUT_DIACRITICS);
    }

    @Test
    void englishQueriesStayAboveTheFloor() {
        assertAboveFloor(Group.ENGLISH);
    }

    private static void assertAboveFloor(Group group) {
        List<Evaluation.Outcome> ofGroup = outcomes.stream().filter(o -> o.queryCase().group() == group).toList();
        Evaluation.Scores scores = Evaluation.score(ofGroup);
        String misses = String.join("\n", Evaluation.misses(ofGroup));
        assertThat(scores.mrr()).as("MRR@10 %s, misses:%n%s", group.label(), misses)
                .isGreaterThanOrEqualTo(FLOORS.get(group)[0]);
        assertThat(scores.recall()).as("recall@10 %s, misses:%n%s", group.label(), misses)
                .isGreaterThanOrEqualTo(FLOORS.get(group)[1]);
    }

    static Stream<QueryCase> mustRankFirst() {
        return COLLECTION.cases().stream().filter(c -> c.first() != null);
    }

    /** The examples of docs/search.md: compound over scattered words, NFD ↔ NFC, Đà Nẵng over đã nặng, ky → kĩ. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void mustRankFirst(QueryCase c) {
        assertThat(hoclieu.search(c.query(), Evaluation.DEPTH)).as("«%s» (%s)", c.query(), c.source())
                .first().isEqualTo(c.first());
    }

    static Stream<QueryCase> mustNotMatch() {
        return COLLECTION.cases().stream().filter(c -> !c.absent().isEmpty());
    }

    /** Phrases: "hoc tap" must not match "Học sinh tập…", "Đà Nẵng" must not match "đã nặng". */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void mustNotMatch(QueryCase c) {
        List<String> all = hoclieu.search(c.query(), COLLECTION.materials().size());
        assertThat(all).as("«%s»", c.query()).isNotEmpty().doesNotContainAnyElementsOf(c.absent());
    }
}
