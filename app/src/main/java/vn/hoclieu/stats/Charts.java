package vn.hoclieu.stats;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import vn.hoclieu.search.QueryCount;

/**
 * The geometry of the dashboard's charts, drawn by the template as inline SVG: no script, a few
 * hundred bytes each, with a title per bar for screen readers and pointers and a table beside.
 */
final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    private static final double LEFT = 44;
    private static final double RIGHT = 8;
    private static final double TOP = 10;
    private static final double BOTTOM = 24;
    private static final int MAX_LABELS = 8;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

    private Charts() {
    }

    /** Two series side by side in each day or week. */
    record Timeline(List<Column> columns, List<Tick> ticks, double baseline, double left, double right) {
    }

    /** One day or week: its two bars ({@code a}, {@code b}), and its date if it is labelled on the axis. */
    record Column(String label, String axisLabel, double labelX, long a, double ax, double ay, double ah,
                  long b, double bx, double by, double bh, double barWidth) {
    }

    record Tick(long value, double y) {
    }

    /** Horizontal bars, one per row, longest first. */
    record Ranking(List<Row> rows, int height) {
    }

    record Row(String label, String shortLabel, long value, double y, double textY, double barX, double barWidth,
               double valueX) {
    }

    static Timeline timeline(List<Statistics.Bucket> buckets, ToLongFunction<Statistics.Bucket> a,
                             ToLongFunction<Statistics.Bucket> b) {
        long max = 0;
        for (Statistics.Bucket bucket : buckets) {
            max = Math.max(max, Math.max(a.applyAsLong(bucket), b.applyAsLong(bucket)));
        }
        long top = niceCeiling(max);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double baseline = HEIGHT - BOTTOM;
        double slot = plotWidth / Math.max(1, buckets.size());
        double bar = Math.max(1, slot * 0.38);
        int every = (int) Math.ceil(buckets.size() / (double) MAX_LABELS);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            Statistics.Bucket bucket = buckets.get(i);
            double x = LEFT + i * slot + slot * 0.12;
            long va = a.applyAsLong(bucket);
            long vb = b.applyAsLong(bucket);
            double ha = plotHeight * va / top;
            double hb = plotHeight * vb / top;
            String label = bucket.start().equals(bucket.end()) ? bucket.start().toString()
                    : bucket.start() + " – " + bucket.end();
            columns.add(new Column(label, i % every == 0 ? DAY.format(bucket.start()) : null,
                    round(LEFT + i * slot + slot / 2), va, round(x), round(baseline - ha), round(ha), vb,
                    round(x + bar), round(baseline - hb), round(hb), round(bar)));
        }
        List<Tick> ticks = List.of(new Tick(0, baseline), new Tick(top / 2, round(baseline - plotHeight / 2)),
                new Tick(top, TOP));
        return new Timeline(columns, top % 2 == 0 ? ticks : List.of(ticks.get(0), ticks.get(2)), baseline, LEFT,
                WIDTH - RIGHT);
    }

    static Ranking ranking(List<QueryCount> queries) {
        long max = queries.stream().mapToLong(QueryCount::asks).max().orElse(1);
        double barX = 230;
        double barSpace = WIDTH - barX - 48;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            QueryCount q = queries.get(i);
            double y = 6 + i * 24;
            String shortLabel = q.query().length() > 32 ? q.query().substring(0, 31) + "…" : q.query();
            double width = Math.max(2, barSpace * q.asks() / max);
            rows.add(new Row(q.query(), shortLabel, q.asks(), y, y + 14, barX, round(width), round(barX + width + 6)));
        }
        return new Ranking(rows, 12 + queries.size() * 24);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code max} (and at least 1), so the axis reads well. */
    static long niceCeiling(long max) {
        if (max <= 1) {
            return 1;
        }
        long power = 1;
        while (power * 10 < max) {
            power *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * power >= max) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
