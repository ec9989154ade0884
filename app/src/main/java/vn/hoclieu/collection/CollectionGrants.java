package vn.hoclieu.collection;

/**
 * A right to view one collection that the current request carries besides the viewer's own (a
 * share link opened in this browser session, kept by the sharing module). It opens the collection
 * itself — a private one too — never its items: each item is still shown only to whom may see it.
 */
public interface CollectionGrants {

    boolean grantsCollection(long collectionId);
}
