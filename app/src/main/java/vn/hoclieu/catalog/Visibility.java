package vn.hoclieu.catalog;

/** Who may see a resource. */
public enum Visibility {
    /** anyone, signed in or not */
    PUBLIC,
    /** signed-in members of any library in the network */
    NETWORK,
    /** members of the owning library */
    LIBRARY
}
