package vn.hoclieu.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.internal.ReadTransactions;
import vn.hoclieu.catalog.internal.ResourceRepository;

/**
 * Who may act on a resource, for pages and modules that offer an action only to those who may take
 * it. Whoever may not see a resource may do nothing with it, and is not told it exists.
 */
@Service
public class ResourcePermissions {

    private final ResourceRepository resources;
    private final TransactionTemplate readTx;

    ResourcePermissions(ResourceRepository resources, TransactionTemplate tx) {
        this.resources = resources;
        this.readTx = ReadTransactions.of(tx);
    }

    /** Who may make a change to a resource, from its library and uploader. */
    interface Permission {
        boolean allows(Viewer by, Long libraryId, String createdBy);
    }

    /** Its library's staff: what reviewing, withdrawing, restoring and editing need. */
    static final Permission STAFF = (viewer, libraryId, createdBy) -> isStaffOf(viewer, libraryId);

    /** Whether {@code viewer} may review, withdraw, restore and edit resources of that library. */
    public static boolean isStaffOf(Viewer viewer, Long libraryId) {
        return viewer.has(Role.ADMIN) || (viewer.has(Role.LIBRARIAN) && libraryId != null
                && libraryId.equals(viewer.libraryId()));
    }

    /** Whether {@code viewer} sees the resource and may review, withdraw, restore and edit it. */
    public boolean mayChange(long id, Viewer viewer) {
        return Boolean.TRUE.equals(readTx.execute(status -> resources.findById(id)
                .filter(r -> Access.canView(viewer, r) && isStaffOf(viewer, r.getLibraryId())).isPresent()));
    }

    /** Whether the viewer may share this resource and make share links for it (false if hidden from them). */
    public boolean mayShare(long id, Viewer viewer) {
        return Boolean.TRUE.equals(readTx.execute(status -> resources.findById(id)
                .filter(r -> Access.canView(viewer, r))
                .map(r -> Access.canShare(viewer, r.getLibraryId(), r.getCreatedBy())).orElse(false)));
    }

    /** Whether the viewer may confirm the description of an upload ({@link ReviewService#describe}). */
    public boolean mayDescribe(long id, Viewer viewer) {
        return Boolean.TRUE.equals(readTx.execute(status -> resources.findById(id)
                .filter(r -> Access.canView(viewer, r))
                .map(r -> isStaffOf(viewer, r.getLibraryId()) || (viewer.signedIn()
                        && viewer.username().equals(r.getCreatedBy()) && r.getStatus() == ResourceStatus.PENDING))
                .orElse(false)));
    }

    /**
     * Whether the viewer may replace the files of this resource or withdraw it as its uploader
     * ({@link Submissions}): their own upload, while it waits for review.
     */
    public boolean mayRevise(long id, Viewer viewer) {
        return Boolean.TRUE.equals(readTx.execute(status -> resources.findById(id)
                .filter(r -> Access.canView(viewer, r) && r.getStatus() == ResourceStatus.PENDING
                        && Submissions.UPLOADER.allows(viewer, r.getLibraryId(), r.getCreatedBy())).isPresent()));
    }

    /**
     * The resource for an action {@code permission} allows, in the caller's transaction: 404 if
     * {@code by} may not see it (nothing leaks), 403 if they see it but may not act on it.
     */
    Resource permitted(long id, Viewer by, Permission permission) {
        Resource r = resources.findById(id).filter(found -> Access.canView(by, found))
                .orElseThrow(() -> new CatalogException(HttpStatus.NOT_FOUND, "problem.resource.notFound", id));
        if (!permission.allows(by, r.getLibraryId(), r.getCreatedBy())) {
            throw new CatalogException(HttpStatus.FORBIDDEN, "problem.forbidden");
        }
        return r;
    }
}
