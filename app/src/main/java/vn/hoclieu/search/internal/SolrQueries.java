package vn.hoclieu.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A Lucene query of the app (the visibility filter, a suggestion's words) as Solr's JSON Query DSL,
 * clause for clause, so that one definition ({@link VisibilityFilter}) filters both backends. Values
 * travel as JSON strings, never as query syntax: nothing a user types can change the query's shape.
 * Only the query types those filters (and "did you mean"'s counts) use are translated; any other is refused, not approximated.
 */
final class SolrQueries {

    private SolrQueries() {
    }

    static Object of(Query query) {
        if (query instanceof MatchAllDocsQuery) {
            return "*:*";
        }
        if (query instanceof TermQuery t) {
            return Map.of("term", Map.of("f", t.getTerm().field(), "query", t.getTerm().text()));
        }
        if (query instanceof PrefixQuery p) {
            return Map.of("prefix", Map.of("f", p.getPrefix().field(), "query", p.getPrefix().text()));
        }
        if (query instanceof BooleanQuery b) {
            if (b.clauses().isEmpty()) {
                throw new IllegalArgumentException("not translated to Solr: " + query);
            }
            Map<String, Object> clauses = new LinkedHashMap<>();
            for (BooleanClause c : b.clauses()) {
                String occur = occur(c);
                @SuppressWarnings("unchecked")
                List<Object> these = (List<Object>) clauses.computeIfAbsent(occur, k -> new ArrayList<>());
                these.add(of(c.getQuery()));
            }
            if (b.getMinimumNumberShouldMatch() > 0) {
                // as Lucene's: at least this many of the should clauses
                clauses.put("mm", Integer.toString(b.getMinimumNumberShouldMatch()));
            }
            return Map.of("bool", clauses);
        }
        throw new IllegalArgumentException("not translated to Solr: " + query.getClass().getSimpleName());
    }

    /**
     * The same as a query string of local parameters whose every value is a request parameter
     * ({@code {!term f=text.exact v=$q0}}), added to {@code params}: for a query facet, which takes
     * a string. Nothing of a value is ever read as syntax. Term and boolean queries only.
     */
    static String local(Query query, Map<String, String> params) {
        if (query instanceof TermQuery t) {
            return "{!term f=" + t.getTerm().field() + " v=$" + param(params, t.getTerm().text()) + "}";
        }
        if (query instanceof BooleanQuery b && !b.clauses().isEmpty()) {
            StringBuilder out = new StringBuilder("{!bool");
            for (BooleanClause c : b.clauses()) {
                String occur = occur(c);
                out.append(' ').append(occur).append("=$").append(param(params, local(c.getQuery(), params)));
            }
            if (b.getMinimumNumberShouldMatch() > 0) {
                out.append(" mm=").append(b.getMinimumNumberShouldMatch());
            }
            return out.append('}').toString();
        }
        throw new IllegalArgumentException("not translated to Solr: " + query.getClass().getSimpleName());
    }

    private static String occur(BooleanClause c) {
        return switch (c.getOccur()) {
            case MUST -> "must";
            case FILTER -> "filter";
            case SHOULD -> "should";
            case MUST_NOT -> "must_not";
        };
    }

    private static String param(Map<String, String> params, String value) {
        String name = "hq" + params.size();
        params.put(name, value);
        return name;
    }

    /** The same, tagged (for {@code excludeTags} of a facet: drill-sideways counts). */
    static Map<String, Object> tagged(String tag, Query query) {
        return Map.of("#" + tag, of(query));
    }
}
