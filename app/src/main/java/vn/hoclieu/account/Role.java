package vn.hoclieu.account;

/** What a person may do. Each role includes the rights of the ones before it. */
public enum Role {
    READER, TEACHER, LIBRARIAN, ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
