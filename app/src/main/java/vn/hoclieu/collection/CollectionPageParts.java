package vn.hoclieu.collection;

import java.util.Map;
import vn.hoclieu.account.Viewer;

/**
 * What other modules add to a collection's page without this module depending on them: the sharing
 * module adds the share-link section for those who may change the collection. Each part is a model
 * attribute for the page's template.
 */
public interface CollectionPageParts {

    /** @param collectionId a collection the viewer may see */
    Map<String, Object> parts(long collectionId, Viewer viewer);
}
