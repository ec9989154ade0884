package vn.hoclieu.catalog;

/** What someone did to a resource, as its history ("Lịch sử") records it. */
public enum AuditAction {
    UPLOADED, APPROVED, REJECTED, WITHDRAWN, RESTORED, EDITED, VISIBILITY_CHANGED, FILE_REPLACED
}
