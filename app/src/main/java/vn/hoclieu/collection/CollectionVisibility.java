package vn.hoclieu.collection;

/** Who may see a collection (its items are further filtered by who may see each resource). */
public enum CollectionVisibility {
    /** anyone, signed in or not */
    PUBLIC,
    /** its owner only; for a library's collection, that library's librarians */
    PRIVATE
}
