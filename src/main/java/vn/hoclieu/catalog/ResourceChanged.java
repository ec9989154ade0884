package vn.hoclieu.catalog;

/** A resource's metadata, visibility or files changed (or it was deleted). */
public record ResourceChanged(long resourceId) {
}
