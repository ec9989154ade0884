package vn.hoclieu.search;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.ResourcePageExtras;

/** Adds to a resource's page the materials like it ({@code related}) and, if asked, a search within it ({@code within}). */
@Component
class ResourcePageSearch implements ResourcePageExtras {

    static final int RELATED = 5;

    private final SearchService search;

    ResourcePageSearch(SearchService search) {
        this.search = search;
    }

    @Override
    public Map<String, Object> extras(long resourceId, Viewer viewer, Map<String, String> params) {
        Map<String, Object> extras = new HashMap<>();
        extras.put("related", search.related(resourceId, viewer, RELATED));
        String within = params.get("within");
        if (within != null && !within.isBlank()) {
            try {
                extras.put("within", search.within(resourceId, within, viewer));
            } catch (SearchException e) {
                extras.put("withinProblem", e.messageCode());
                extras.put("withinProblemArgs", e.arguments());
            }
        }
        return extras;
    }
}
