package vn.hoclieu.search;

import java.util.List;
import java.util.Map;

/**
 * A search as a person or a script asks it.
 *
 * @param q       the words typed (may be empty: then everything visible is browsed)
 * @param page    from 0
 * @param sort    relevance (default), newest, title or popular
 * @param filters facet name (materialType, language, …) → chosen values; values of one facet are OR-ed
 */
public record SearchRequest(String q, int page, int size, String sort, Map<String, List<String>> filters) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_QUERY_LENGTH = 1000;
    /** Deep paging past this many hits is refused: nobody reads that far, and it costs memory. */
    public static final int MAX_WINDOW = 10_000;

    public SearchRequest {
        q = q == null ? "" : q;
        sort = sort == null || sort.isBlank() ? "relevance" : sort;
        filters = filters == null ? Map.of() : filters;
    }
}
