package vn.hoclieu.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import vn.hoclieu.search.QueryCount;

/** The charts' geometry: bars in proportion, an axis that reads well, dates that do not crowd. */
class ChartsTest {

    private static Statistics.Bucket day(int offset, long views, long downloads) {
        LocalDate d = LocalDate.of(2026, 11, 1).plusDays(offset);
        return new Statistics.Bucket(d, d, views, downloads, 0, 0);
    }

    @Test
    void theAxisEndsAtOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(List.of(0L, 1L, 2L, 3L, 7L, 10L, 11L, 150L, 500L, 501L).stream().map(Charts::niceCeiling))
                .containsExactly(1L, 1L, 2L, 5L, 10L, 10L, 20L, 200L, 500L, 1000L);
    }

    @Test
    void barsAreInProportionToTheLargestValue() {
        Charts.Timeline chart = Charts.timeline(List.of(day(0, 0, 5), day(1, 10, 0)), Statistics.Bucket::views,
                Statistics.Bucket::downloads);
        Charts.Column first = chart.columns().get(0);
        Charts.Column second = chart.columns().get(1);
        double full = chart.baseline() - 10; // the plot's height: the axis ends at 10 = the largest value
        assertThat(first.ah()).isZero();
        assertThat(first.bh()).isEqualTo(full / 2, Offset.offset(0.1));
        assertThat(second.ah()).isEqualTo(full, Offset.offset(0.1));
        assertThat(second.ay() + second.ah()).isEqualTo(chart.baseline());
        assertThat(second.ax()).isGreaterThan(first.bx());
        assertThat(chart.ticks()).extracting(Charts.Tick::value).containsExactly(0L, 5L, 10L);
        assertThat(first.label()).isEqualTo("2026-11-01");
    }

    @Test
    void aMonthOfDaysLabelsAtMostEightDatesAndAWeekNamesItsDays() {
        List<Statistics.Bucket> days = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            days.add(day(i, i, 0));
        }
        Charts.Timeline chart = Charts.timeline(days, Statistics.Bucket::views, Statistics.Bucket::downloads);
        assertThat(chart.columns().stream().filter(c -> c.axisLabel() != null).map(Charts.Column::axisLabel))
                .hasSize(8).startsWith("01/11", "05/11");
        Statistics.Bucket week = new Statistics.Bucket(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 7), 1, 0, 0, 0);
        assertThat(Charts.timeline(List.of(week), Statistics.Bucket::views, Statistics.Bucket::downloads).columns()
                .get(0).label()).isEqualTo("2026-11-01 – 2026-11-07");
    }

    @Test
    void queriesAreRankedWithTheLongestBarFirstAndLongQueriesShortened() {
        String long40 = "học tập suốt đời cho mọi người ở thủ đô hà nội";
        Charts.Ranking chart = Charts.ranking(List.of(new QueryCount("ham so", 8), new QueryCount(long40, 2)));
        assertThat(chart.rows()).hasSize(2);
        assertThat(chart.rows().get(0).barWidth()).isEqualTo(4 * chart.rows().get(1).barWidth(),
                Offset.offset(0.2));
        assertThat(chart.rows().get(1).shortLabel()).hasSize(32).endsWith("…");
        assertThat(chart.rows().get(1).label()).isEqualTo(long40);
        assertThat(chart.height()).isEqualTo(12 + 2 * 24);
    }
}
