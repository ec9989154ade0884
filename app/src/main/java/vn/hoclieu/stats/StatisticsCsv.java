package vn.hoclieu.stats;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import vn.hoclieu.csv.SpreadsheetText;
import vn.hoclieu.search.QueryCount;

/**
 * The dashboard's figures as CSV, one table at a time, for a spreadsheet: a byte order mark so that
 * Excel reads the UTF-8 (Vietnamese titles and queries) right, column names in the reader's language,
 * and text that a spreadsheet would take for a formula (a query typed as {@code =HYPERLINK(…)}) made
 * inert. Scripts that want every figure at once read {@code GET /api/v1/stats} instead.
 */
final class StatisticsCsv {

    /** The tables, as {@code ?table=} names them. */
    enum Table { SERIES, MOST_USED, TOP_QUERIES, ZERO_QUERIES }

    private static final String BOM = "\uFEFF";

    private StatisticsCsv() {
    }

    static Table table(String name) {
        if (name == null || name.isBlank()) {
            return Table.SERIES;
        }
        try {
            return Table.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new StatsException(HttpStatus.BAD_REQUEST, "problem.stats.badTable", name);
        }
    }

    /** The tables' names as {@code ?table=} takes them: {@code series}, {@code most-used}, … */
    static List<String> names() {
        return Arrays.stream(Table.values()).map(StatisticsCsv::name).toList();
    }

    private static String name(Table table) {
        return table.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The file's name: what it holds, for whom and when, so that several downloads do not overwrite each other. */
    static String fileName(Statistics s, Table table) {
        return "thong-ke-" + (s.library() == null ? "tat-ca" : s.library()) + "-" + s.from() + "-" + s.to() + "-"
                + name(table) + ".csv";
    }

    static String write(Statistics s, Table table, MessageSource messages, Locale locale) {
        List<String> header = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        switch (table) {
            case SERIES -> {
                header.addAll(names(messages, locale, "from", "to", "views", "downloads", "searches", "zero"));
                s.series().forEach(b -> rows.add(List.of(b.start(), b.end(), b.views(), b.downloads(), b.searches(),
                        b.zeroResultSearches())));
            }
            case MOST_USED -> {
                header.addAll(names(messages, locale, "resource", "title", "views", "downloads"));
                s.mostUsed().forEach(u -> rows.add(List.of(u.resourceId(), SpreadsheetText.inert(u.title()), u.views(),
                        u.downloads())));
            }
            case TOP_QUERIES, ZERO_QUERIES -> {
                header.addAll(names(messages, locale, "query", "asks"));
                List<QueryCount> queries = table == Table.TOP_QUERIES ? s.topQueries() : s.zeroResultQueries();
                queries.forEach(q -> rows.add(List.of(SpreadsheetText.inert(q.query()), q.asks())));
            }
        }
        StringWriter out = new StringWriter().append(BOM);
        try (CSVPrinter csv = CSVFormat.EXCEL.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
            for (List<Object> row : rows) {
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static List<String> names(MessageSource messages, Locale locale, String... columns) {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            out.add(messages.getMessage("dashboard.csv.col." + c, null, locale));
        }
        return out;
    }
}
