package vn.hoclieu.search.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.search.QueryCount;
import vn.hoclieu.search.SearchLogProperties;
import vn.hoclieu.search.SearchRequest;
import vn.hoclieu.search.Suggestion;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/**
 * Completions from frequent successful queries ("hoc t" → "học tập suốt đời"), merged with title
 * completions. The frequent queries are read from the {@link QueryLog} every few minutes into memory
 * (so a keystroke costs no database query), keyed by folded form for accent-insensitive prefixes.
 *
 * <p>Privacy: a query is only a candidate once it found results {@code suggestMinAsks} (≥ 2) times,
 * so what one person typed once — a name, a private phrase — is never shown to anybody; and it is
 * shown to a viewer only if every one of its words occurs in one document that viewer may see (no hint
 * of a word that only restricted material holds) and the search itself, run as that viewer would run it
 * (the same query builder, phrases and all, their visibility, the filters they have chosen), finds
 * something — so a query that only finds restricted material is never suggested outside the libraries
 * that hold it, and a suggested query never leads to a page without results.
 */
@Component
public class QuerySuggestions {

    private static final Logger log = LoggerFactory.getLogger(QuerySuggestions.class);

    /** Frequent queries kept in memory; the long tail is not worth suggesting. */
    static final int KEPT = 20_000;

    private final QueryLog queryLog;
    private final SearchBackend backend;
    private final SearchLogProperties properties;
    private volatile NavigableMap<String, QueryCount> frequent = new TreeMap<>();

    QuerySuggestions(QueryLog queryLog, SearchBackend backend, SearchLogProperties properties) {
        this.queryLog = queryLog;
        this.backend = backend;
        this.properties = properties;
    }

    /** Reads the frequent successful queries again (every few minutes, and from tests). */
    @Scheduled(fixedDelayString = "${hoclieu.search.log.suggest-refresh:5m}")
    public void refresh() {
        if (!properties.enabled()) {
            return;
        }
        try {
            NavigableMap<String, QueryCount> fresh = new TreeMap<>();
            for (QueryCount q : queryLog.successful(Instant.now().minus(properties.suggestWindow()),
                    properties.suggestMinAsks(), KEPT)) {
                fresh.putIfAbsent(VietnameseAnalysis.fold(q.query()), q);
            }
            frequent = fresh;
        } catch (RuntimeException e) {
            log.warn("frequent queries not read again: {}", e.toString());
        }
    }

    /**
     * Up to {@code limit} completions of {@code prefix}: frequent queries first (at most half),
     * then the titles, then more queries; one per folded text (a title wins over the same query).
     */
    public List<Suggestion> merge(String prefix, Viewer viewer, List<Suggestion> titles, int limit) {
        if (prefix == null || prefix.isBlank() || frequent.isEmpty()) {
            return titles;
        }
        String folded = VietnameseAnalysis.fold(prefix);
        if (folded.isEmpty()) {
            return titles;
        }
        if (Character.isWhitespace(prefix.charAt(prefix.length() - 1))) {
            folded += " ";
        }
        Set<String> seen = new HashSet<>();
        titles.forEach(t -> seen.add(VietnameseAnalysis.fold(t.text())));
        List<QueryCount> candidates = frequent.subMap(folded, true, folded + Character.MAX_VALUE, true).entrySet()
                .stream()
                .filter(e -> !seen.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparingLong(QueryCount::asks).reversed())
                .limit(3L * limit)
                .toList();
        List<Suggestion> queries = visible(candidates, viewer, Map.of(), limit);
        List<Suggestion> out = new ArrayList<>(limit);
        int first = Math.min(queries.size(), limit / 2);
        out.addAll(queries.subList(0, first));
        titles.stream().limit(limit - first).forEach(out::add);
        queries.stream().skip(first).limit(limit - out.size()).forEach(out::add);
        return out;
    }

    /**
     * The most frequent successful queries that would find something for this viewer too: what a
     * page without results offers instead (the same privacy rules as completions).
     */
    public List<Suggestion> popular(Viewer viewer, int limit) {
        return popular(viewer, Map.of(), limit);
    }

    /**
     * {@link #popular(Viewer, int)} for a page whose links keep the viewer's {@code filters}: each query
     * finds something with them.
     */
    public List<Suggestion> popular(Viewer viewer, Map<String, List<String>> filters, int limit) {
        List<QueryCount> candidates = frequent.values().stream()
                .sorted(Comparator.comparingLong(QueryCount::asks).reversed()).limit(3L * limit).toList();
        return visible(candidates, viewer, filters, limit);
    }

    private List<Suggestion> visible(List<QueryCount> candidates, Viewer viewer, Map<String, List<String>> filters,
                                     int limit) {
        return visibleTo(candidates, viewer, filters, limit).stream().map(q -> new Suggestion(q.query(), null)).toList();
    }

    /**
     * Of these counted queries, at most {@code limit} whose words all occur together in a document the
     * viewer may see: what may be shown to them without telling of material hidden from them.
     */
    public List<QueryCount> visibleTo(List<QueryCount> candidates, Viewer viewer, int limit) {
        return visibleTo(candidates, viewer, Map.of(), limit);
    }

    private List<QueryCount> visibleTo(List<QueryCount> candidates, Viewer viewer, Map<String, List<String>> filters,
                                       int limit) {
        List<QueryCount> out = new ArrayList<>();
        for (QueryCount q : candidates) {
            if (out.size() == limit) {
                break;
            }
            // Two conditions. No hint: every word occurs in one document the viewer may see (the search alone
            // is looser: 2 of 3 words suffice, so it would offer a word only restricted material holds). No dead
            // end: the search itself, as the viewer would run it — phrases, filters the links keep — finds
            // something (the words alone offered phrases that only restricted material holds).
            if (wordsVisible(q, viewer) && backend.finds(new SearchRequest(q.query(), 0, 1, null, filters), viewer)) {
                out.add(q);
            }
        }
        return out;
    }

    private boolean wordsVisible(QueryCount q, Viewer viewer) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : VietnameseAnalysis.fold(q.query()).split(" ")) {
            all.add(Fields.inAny(Fields.TEXT_FIELDS, Fields.FOLDED, word), Occur.MUST);
        }
        return backend.anyVisible(all.build(), viewer);
    }
}
