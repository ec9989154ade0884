package vn.hoclieu.catalog;

/**
 * A resource's metadata, visibility or files changed (or it was deleted).
 *
 * @param awaitSearchable whether whoever changed it waits until searches show the change: a
 *                        librarian hiding a resource must not see it found a moment later; an
 *                        upload in a bulk import need not wait for each reopen of the index
 */
public record ResourceChanged(long resourceId, boolean awaitSearchable) {

    public ResourceChanged(long resourceId) {
        this(resourceId, false);
    }
}
