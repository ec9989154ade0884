package vn.hoclieu.search;

import java.util.List;
import java.util.Map;

/** One page of search results with facet counts (computed with the other facets' filters applied). */
public record SearchPage(long total, List<SearchHit> hits, Map<String, List<FacetValue>> facets, String didYouMean,
                         long tookMs, int page, int size) {

    /** The same page with a "did you mean" suggestion, and the time it took to find one. */
    public SearchPage withDidYouMean(String suggestion, long took) {
        return new SearchPage(total, hits, facets, suggestion, took, page, size);
    }

    public int pages() {
        return size == 0 ? 0 : (int) Math.min((total + size - 1) / size, SearchRequest.MAX_WINDOW / size);
    }
}
