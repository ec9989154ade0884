package vn.hoclieu.account;

/**
 * Who is asking: the identity every read path checks visibility against.
 *
 * @param accountId null for an anonymous visitor
 * @param libraryId the library the person belongs to, or null (readers may have none)
 */
public record Viewer(Long accountId, String username, Role role, Long libraryId) {

    public static final Viewer ANONYMOUS = new Viewer(null, null, null, null);

    public boolean signedIn() {
        return accountId != null;
    }

    public boolean has(Role wanted) {
        return role != null && role.atLeast(wanted);
    }

    /** Teachers, librarians and admins may contribute materials. */
    public boolean mayUpload() {
        return has(Role.TEACHER);
    }
}
