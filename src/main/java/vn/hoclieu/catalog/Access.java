package vn.hoclieu.catalog;

import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;

/** Who may see what: the one rule every read path applies (the search index applies the same rule as a filter). */
public final class Access {

    private Access() {
    }

    public static boolean canView(Viewer viewer, Visibility visibility, ResourceStatus status, Long libraryId,
                                  String createdBy) {
        if (viewer.has(Role.ADMIN)) {
            return true;
        }
        boolean ownLibraryStaff = viewer.has(Role.LIBRARIAN) && libraryId != null
                && libraryId.equals(viewer.libraryId());
        boolean uploader = viewer.signedIn() && viewer.username().equals(createdBy);
        if (status != ResourceStatus.PUBLISHED) {
            return ownLibraryStaff || uploader;
        }
        return switch (visibility) {
            case PUBLIC -> true;
            case NETWORK -> viewer.signedIn();
            case LIBRARY -> uploader || (libraryId != null && libraryId.equals(viewer.libraryId()));
        };
    }

    public static boolean canView(Viewer viewer, Resource resource) {
        return canView(viewer, resource.getVisibility(), resource.getStatus(), resource.getLibraryId(),
                resource.getCreatedBy());
    }
}
