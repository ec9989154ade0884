package vn.hoclieu.catalog;

import java.util.List;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.internal.AuditEntry;
import vn.hoclieu.catalog.internal.AuditEntryRepository;
import vn.hoclieu.catalog.internal.ReadTransactions;
import vn.hoclieu.catalog.internal.ResourceRepository;
import vn.hoclieu.catalog.internal.ResourceViews;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;

/**
 * Changes to a resource after its upload — who may see it, withdrawal, shares with other libraries,
 * and (through {@link ReviewService}) review decisions and corrections — each in a transaction of
 * its own, written into the resource's history.
 */
@Service
public class ResourceChanges {

    private final ResourceRepository resources;
    private final LibraryService libraries;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final AuditEntryRepository audit;
    private final ResourcePermissions permissions;
    private final ResourceViews views;

    ResourceChanges(ResourceRepository resources, LibraryService libraries, ApplicationEventPublisher events,
                    TransactionTemplate tx, AuditEntryRepository audit, ResourcePermissions permissions,
                    ResourceViews views) {
        this.resources = resources;
        this.libraries = libraries;
        this.events = events;
        this.tx = tx;
        this.readTx = ReadTransactions.of(tx);
        this.audit = audit;
        this.permissions = permissions;
        this.views = views;
    }

    /**
     * Changes who may see a resource. Sharing and withdrawing are decisions of the owning library's
     * librarians or an administrator, not of the uploader.
     *
     * @throws CatalogException 404 if the resource does not exist or is hidden from {@code by}, 403 if they may not change it
     */
    public ResourceView updateVisibility(long id, Visibility visibility, Viewer by) {
        return change(id, by, r -> {
            Visibility before = r.getVisibility();
            r.changeVisibility(visibility);
            return before == visibility ? null
                    : new StatusChange.Audit(AuditAction.VISIBILITY_CHANGED, before + " → " + visibility);
        });
    }

    /**
     * Takes a resource out of circulation: it stays in the catalogue, visible only to its library's staff
     * (and its uploader). Its library's staff withdraw what is published; its uploader withdraws their own
     * submission while it waits for review, and nothing once the library has reviewed it.
     *
     * @throws CatalogException 404 if hidden from {@code by}, 403 if neither staff nor uploader, 409 if
     *                          staff withdraw what is not published or the uploader what was reviewed
     */
    public ResourceView withdraw(long id, Viewer by) {
        return change(id, by, (viewer, libraryId, createdBy) -> ResourcePermissions.isStaffOf(viewer, libraryId)
                || Submissions.UPLOADER.allows(viewer, libraryId, createdBy), r -> {
                    if (ResourcePermissions.isStaffOf(by, r.getLibraryId())) {
                        return StatusChange.WITHDRAW.apply(r, null);
                    }
                    if (r.getStatus() != ResourceStatus.PENDING) {
                        throw new CatalogException(HttpStatus.CONFLICT, "problem.submission.reviewed",
                                r.getStatus().name());
                    }
                    r.changeStatus(ResourceStatus.WITHDRAWN);
                    return new StatusChange.Audit(AuditAction.WITHDRAWN, null);
                });
    }

    /**
     * Shares a resource with another library: its members see it when its visibility is LIBRARY,
     * and it is found in that library's catalogue (the {@code library} filter), credited to its
     * origin. Sharing again with the same library changes nothing.
     *
     * @throws CatalogException 404 if hidden from {@code by}, 403 if they may not share it
     *                          ({@link Access#canShare}), 400 for an unknown library or its own
     */
    public ResourceView share(long id, String libraryCode, Viewer by) {
        LibraryView library = otherLibrary(libraryCode);
        return change(id, by, Access::canShare, r -> {
            if (library.hasId(r.getLibraryId())) {
                throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.share.ownLibrary", library.code());
            }
            r.shareWith(library.id());
            return null;
        });
    }

    /** Stops sharing a resource with a library; not shared with it is no error. */
    public ResourceView unshare(long id, String libraryCode, Viewer by) {
        LibraryView library = otherLibrary(libraryCode);
        return change(id, by, Access::canShare, r -> {
            r.unshareWith(library.id());
            return null;
        });
    }

    private LibraryView otherLibrary(String code) {
        return libraries.byCode(code == null ? "" : code.strip())
                .orElseThrow(() -> new CatalogException(HttpStatus.BAD_REQUEST, "problem.share.unknownLibrary",
                        String.valueOf(code)));
    }

    /** A resource's history, oldest first, for its library's staff (404/403 as for a change). */
    public List<HistoryEntry> history(long id, Viewer by) {
        return readTx.execute(status -> {
            permissions.permitted(id, by, ResourcePermissions.STAFF);
            return audit.findByResourceIdOrderByIdAsc(id).stream().map(AuditEntry::toEntry).toList();
        });
    }

    /**
     * Applies a librarian's change in a transaction of its own. The resource may be changing at the
     * same moment (a worker recording what it read from a file): then the change is applied again
     * to the fresh row rather than failing, a few times at most. What the change returns (if not
     * null) goes into the resource's history in the same transaction.
     */
    ResourceView change(long id, Viewer by, Function<Resource, StatusChange.Audit> change) {
        return change(id, by, ResourcePermissions.STAFF, change);
    }

    /** A change its library's staff may make, or its uploader while it waits for review. */
    ResourceView changeAsUploader(long id, Viewer by, Function<Resource, StatusChange.Audit> change) {
        return change(id, by, (viewer, libraryId, createdBy) -> ResourcePermissions.isStaffOf(viewer, libraryId)
                || (viewer.signedIn() && viewer.username().equals(createdBy)), r -> {
                    if (!ResourcePermissions.isStaffOf(by, r.getLibraryId()) && r.getStatus() != ResourceStatus.PENDING) {
                        throw new CatalogException(HttpStatus.FORBIDDEN, "problem.describe.reviewed");
                    }
                    return change.apply(r);
                });
    }

    private ResourceView change(long id, Viewer by, ResourcePermissions.Permission permission,
                                Function<Resource, StatusChange.Audit> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return changeOnce(id, by, permission, change);
            } catch (OptimisticLockingFailureException concurrent) {
                if (attempt >= 5) {
                    throw concurrent;
                }
            }
        }
    }

    private ResourceView changeOnce(long id, Viewer by, ResourcePermissions.Permission permission,
                                    Function<Resource, StatusChange.Audit> change) {
        return tx.execute(status -> {
            Resource r = permissions.permitted(id, by, permission);
            StatusChange.Audit note = change.apply(r);
            resources.saveAndFlush(r);
            if (note != null) {
                audit.save(new AuditEntry(r.getId(), by.username(), note.action(), note.details()));
            }
            events.publishEvent(new ResourceChanged(r.getId(), true));
            return views.of(r);
        });
    }
}
