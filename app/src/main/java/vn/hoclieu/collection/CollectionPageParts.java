package vn.hoclieu.collection;

import java.util.Map;
import vn.hoclieu.account.Viewer;

/**
 * What other modules add to a collection's page without this module depending on them: the sharing
 * module adds the share-link section for those who may change the collection. Each part is a model
 * attribute for the page's template.
 */
public interface CollectionPageParts {

    /**
     * A part's attribute (a {@code Boolean}): the collection has a share link that still works, so anyone
     * holding it reads the collection, and the owner is warned of the items such a reader would not see.
     */
    String SHARED_BY_LINK = "collectionSharedByLink";

    /** @param collectionId a collection the viewer may see */
    Map<String, Object> parts(long collectionId, Viewer viewer);
}
