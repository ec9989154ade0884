package vn.hoclieu.search;

/** One value of a facet and how many visible results carry it. */
public record FacetValue(String value, long count) {
}
