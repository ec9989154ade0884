package vn.hoclieu.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import vn.hoclieu.catalog.MetadataRules;

/**
 * Reads a {@link SearchRequest} from query parameters, the same way for the API and the pages. A
 * language is looked for in the catalogue's spelling, so {@code language=vie} finds what {@code vi} finds.
 */
final class SearchRequests {

    static final List<String> FILTERS = List.of("materialType", "language", "subject", "audience", "licence",
            "library", "libraryType", "mediaType");

    private SearchRequests() {
    }

    static SearchRequest from(MultiValueMap<String, String> params, int defaultSize) {
        return new SearchRequest(params.getFirst("q"), integer(params.getFirst("page"), 0, "page"),
                integer(params.getFirst("size"), defaultSize, "size"), params.getFirst("sort"), filters(params));
    }

    /** The chosen filters, facet by facet, without blanks and repeats; never refused. */
    static Map<String, List<String>> filters(MultiValueMap<String, String> params) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String name : FILTERS) {
            List<String> values = params.get(name);
            if (values != null) {
                List<String> kept = values.stream().filter(v -> v != null && !v.isBlank())
                        .map(v -> name.equals("language") ? MetadataRules.language(v).orElse(v) : v).distinct()
                        .toList();
                if (!kept.isEmpty()) {
                    filters.put(name, kept);
                }
            }
        }
        return filters;
    }

    private static int integer(String value, int fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new SearchException("problem.search.notANumber", name, value);
        }
    }
}
