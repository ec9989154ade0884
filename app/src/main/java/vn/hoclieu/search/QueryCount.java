package vn.hoclieu.search;

/** A query as people asked it (its most common spelling) and how many times it was asked. */
public record QueryCount(String query, long asks) {
}
