package vn.hoclieu.catalog;

import java.util.Collection;
import java.util.Set;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;

/**
 * Who may see what: the one rule every read path applies (the search index applies the same rule
 * as a filter, {@code search.internal.VisibilityFilter}; a test compares the two on a matrix).
 *
 * <ul>
 * <li>administrators see everything;</li>
 * <li>material not published (pending, rejected, withdrawn) is seen by its library's librarians
 *     and its uploader only;</li>
 * <li>PUBLIC: anyone; NETWORK: signed-in members of any library (a reader in no library is not a
 *     member of the network); LIBRARY: members of the owning library and of the libraries it is
 *     shared with. The uploader always sees their own upload.</li>
 * </ul>
 */
public final class Access {

    private Access() {
    }

    /** @param sharedWith ids of the libraries the resource is shared with (never null) */
    public static boolean canView(Viewer viewer, Visibility visibility, ResourceStatus status, Long libraryId,
                                  String createdBy, Collection<Long> sharedWith) {
        if (viewer.has(Role.ADMIN)) {
            return true;
        }
        boolean uploader = viewer.signedIn() && viewer.username().equals(createdBy);
        if (uploader) {
            return true;
        }
        boolean ownLibrary = libraryId != null && libraryId.equals(viewer.libraryId());
        if (status != ResourceStatus.PUBLISHED) {
            return ownLibrary && viewer.has(Role.LIBRARIAN);
        }
        return switch (visibility) {
            case PUBLIC -> true;
            case NETWORK -> viewer.signedIn() && viewer.libraryId() != null;
            case LIBRARY -> ownLibrary || (viewer.libraryId() != null && sharedWith.contains(viewer.libraryId()));
        };
    }

    public static boolean canView(Viewer viewer, Visibility visibility, ResourceStatus status, Long libraryId,
                                  String createdBy) {
        return canView(viewer, visibility, status, libraryId, createdBy, Set.of());
    }

    public static boolean canView(Viewer viewer, Resource resource) {
        return canView(viewer, resource.getVisibility(), resource.getStatus(), resource.getLibraryId(),
                resource.getCreatedBy(), resource.getSharedWith());
    }

    /**
     * Who may share a resource with other libraries and make share links for it: its library's
     * librarians, administrators, and the uploader (a teacher sharing their own lesson).
     */
    public static boolean canShare(Viewer viewer, Long libraryId, String createdBy) {
        if (viewer.has(Role.ADMIN)) {
            return true;
        }
        boolean ownLibrarian = viewer.has(Role.LIBRARIAN) && libraryId != null && libraryId.equals(viewer.libraryId());
        boolean uploader = viewer.signedIn() && viewer.username().equals(createdBy);
        return ownLibrarian || uploader;
    }
}
