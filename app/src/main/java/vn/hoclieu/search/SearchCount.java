package vn.hoclieu.search;

/** How many searches were asked in a period, and how many of them found nothing (for the one who asked). */
public record SearchCount(long searches, long zeroResults) {
}
