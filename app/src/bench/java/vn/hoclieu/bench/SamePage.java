package vn.hoclieu.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the "same page" rows of the search benchmark share: the eight facets Hoclieu's API shows, a
 * benchmark query's filters and sort as the API reads them from its parameters, and one page's total
 * and facet counts, so that each engine's answer can be set beside Hoclieu's for a few queries
 * (a check that every row does the same kind of work, printed once per run).
 */
final class SamePage {

    /** The facets of {@code GET /api/v1/search}, in its order (search-core's {@code Fields.FACETS}). */
    static final List<String> FACETS = List.of("materialType", "language", "subject", "audience", "licence", "library",
            "libraryType", "mediaType");
    /** The facets a resource can hold several values of (search-core's {@code Fields.MULTI_VALUED_FACETS}). */
    static final List<String> MULTI_VALUED = List.of("subject", "audience", "mediaType", "library");
    /** How many values of a facet a page shows, most frequent first (as Hoclieu's API). */
    static final int SHOWN = 50;
    /** Hits on a page. */
    static final int PAGE = 10;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SamePage() {
    }

    /** A query's facet filter (at most one in the benchmark's queries) and whether it is sorted newest first. */
    record Request(String q, Map<String, String> filters, boolean newest) {
    }

    static Request request(SearchCorpus.Query query) {
        Map<String, String> filters = new LinkedHashMap<>();
        boolean newest = false;
        for (String pair : query.params().split("&")) {
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (FACETS.contains(name)) {
                filters.put(name, value);
            } else if (name.equals("sort")) {
                newest = value.equals("newest");
            }
        }
        return new Request(query.q(), filters, newest);
    }

    /** One page as an engine answered it: the total and each facet's shown values with their counts. */
    record Answer(long total, Map<String, Map<String, Long>> facets, int hits) {

        /** Hoclieu's API answer. */
        static Answer ofApi(String body) {
            JsonNode root = JSON.readTree(body);
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            for (String dim : FACETS) {
                Map<String, Long> values = new LinkedHashMap<>();
                for (JsonNode v : root.path("facets").path(dim)) {
                    values.put(v.path("value").asString(), v.path("count").asLong());
                }
                facets.put(dim, values);
            }
            return new Answer(root.path("total").asLong(), facets, root.path("hits").size());
        }
    }

    /** The queries compared: the first few of each kind (plain, filtered, sorted), as the load sends them. */
    static List<SearchCorpus.Query> checked(List<SearchCorpus.Query> queries) {
        List<SearchCorpus.Query> out = new ArrayList<>();
        int plain = 0;
        int filtered = 0;
        int sorted = 0;
        for (SearchCorpus.Query q : queries) {
            Request r = request(q);
            if (r.newest() && sorted < 1) {
                sorted++;
                out.add(q);
            } else if (!r.newest() && !r.filters().isEmpty() && filtered < 3) {
                filtered++;
                out.add(q);
            } else if (!r.newest() && r.filters().isEmpty() && plain < 2) {
                plain++;
                out.add(q);
            }
        }
        return out;
    }

    /**
     * The answers of several engines to one query, side by side: the totals, then for each facet its
     * values that any engine shows, each with every engine's count ("–" where it shows none).
     */
    static String compare(SearchCorpus.Query query, Map<String, Answer> byEngine) {
        StringBuilder out = new StringBuilder(query.params()).append('\n');
        out.append("    total: ").append(byEngine.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().total()
                + " (" + e.getValue().hits() + " hits)").collect(Collectors.joining(" | "))).append('\n');
        for (String dim : FACETS) {
            List<String> labels = new ArrayList<>();
            byEngine.values().forEach(a -> a.facets().getOrDefault(dim, Map.of()).keySet().stream()
                    .filter(l -> !labels.contains(l)).forEach(labels::add));
            out.append("    ").append(dim).append(": ");
            List<String> cells = new ArrayList<>();
            for (String label : labels.subList(0, Math.min(6, labels.size()))) {
                cells.add(label + " " + byEngine.values().stream().map(a -> {
                    Long c = a.facets().getOrDefault(dim, Map.of()).get(label);
                    return c == null ? "–" : c.toString();
                }).collect(Collectors.joining("/")));
            }
            out.append(String.join(", ", cells));
            if (labels.size() > 6) {
                out.append(String.format(Locale.ROOT, ", … (%d values)", labels.size()));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
