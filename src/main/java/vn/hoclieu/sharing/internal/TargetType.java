package vn.hoclieu.sharing.internal;

/** What a share link opens. Only RESOURCE links are made for now; COLLECTION waits for collections. */
public enum TargetType {
    RESOURCE, COLLECTION
}
