package vn.hoclieu.catalog;

/** Where a resource is in its review life cycle. */
public enum ResourceStatus {
    PENDING, PUBLISHED, REJECTED, WITHDRAWN
}
