package vn.hoclieu.library;

import java.util.Map;

/**
 * What other modules add to a library's public page and its JSON without this module depending on
 * them: the search module adds the newest materials and counts, the catalogue (later) its
 * collections as {@code collections}. Each extra is a model attribute of the page and a field of
 * {@code GET /api/v1/libraries/{code}}; implementations show only what the current viewer may see.
 */
public interface LibraryPageExtras {

    Map<String, Object> extras(LibraryView library);
}
