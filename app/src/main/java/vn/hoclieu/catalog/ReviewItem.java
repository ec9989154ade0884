package vn.hoclieu.catalog;

import java.time.Instant;

/** A resource as the review queue and a teacher's list of submissions show it: enough to decide, no files. */
public record ReviewItem(long id, String title, MaterialType materialType, ResourceStatus status, String library,
                         String libraryName, String createdBy, Instant createdAt, Instant updatedAt,
                         String rejectionReason) {
}
