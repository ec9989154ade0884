package vn.hoclieu.sharing.internal;

/** What a share link opens: one resource, or one collection. */
public enum TargetType {
    RESOURCE, COLLECTION
}
