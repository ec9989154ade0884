package vn.hoclieu.catalog;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * The review decisions and the statuses each may start from. Anything else is an impossible
 * transition (409): approving a withdrawn resource, restoring a published one.
 */
public enum StatusChange {
    /** a submission is published; a rejected one may be reconsidered */
    APPROVE(EnumSet.of(ResourceStatus.PENDING, ResourceStatus.REJECTED), ResourceStatus.PUBLISHED, AuditAction.APPROVED),
    REJECT(EnumSet.of(ResourceStatus.PENDING), ResourceStatus.REJECTED, AuditAction.REJECTED),
    WITHDRAW(EnumSet.of(ResourceStatus.PUBLISHED), ResourceStatus.WITHDRAWN, AuditAction.WITHDRAWN),
    RESTORE(EnumSet.of(ResourceStatus.WITHDRAWN), ResourceStatus.PUBLISHED, AuditAction.RESTORED);

    private final Set<ResourceStatus> from;
    private final ResourceStatus to;
    private final AuditAction action;

    StatusChange(Set<ResourceStatus> from, ResourceStatus to, AuditAction action) {
        this.from = from;
        this.to = to;
        this.action = action;
    }

    public boolean possibleFrom(ResourceStatus status) {
        return from.contains(status);
    }

    public ResourceStatus target() {
        return to;
    }

    /** Applies the change, or refuses it with 409; a rejection keeps its reason for the uploader. */
    Audit apply(Resource r, String reason) {
        if (!possibleFrom(r.getStatus())) {
            throw new CatalogException(HttpStatus.CONFLICT, "problem.review.impossible", r.getId(),
                    r.getStatus().name(), name());
        }
        r.changeStatus(to);
        r.setRejectionReason(this == REJECT ? reason : null);
        return new Audit(action, this == REJECT ? reason : null);
    }

    /** What a change tells the history: the action and its details. */
    record Audit(AuditAction action, String details) {
    }
}
