package vn.hoclieu.catalog;

import java.util.Map;
import vn.hoclieu.account.Viewer;

/**
 * What other modules add to a resource's page without the catalogue depending on them: the
 * search module adds related materials and the search within the document. Each extra is a
 * model attribute for the page's template; none may show what the viewer cannot see.
 */
public interface ResourcePageExtras {

    /**
     * @param resourceId a resource the viewer may see
     * @param params     the page's query parameters (for example {@code within}, the words to find in it)
     */
    Map<String, Object> extras(long resourceId, Viewer viewer, Map<String, String> params);
}
