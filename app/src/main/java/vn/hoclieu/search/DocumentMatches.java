package vn.hoclieu.search;

import java.util.List;

/**
 * Where words occur inside one resource ("search within this document"), in reading order.
 *
 * @param total    how many passages matched (more than {@code passages} holds when they were cut)
 * @param passages the matching passages, each with its place (page, slide, moment) when the file has places
 */
public record DocumentMatches(String q, int total, List<Passage> passages) {

    /** A passage of the text: escaped HTML with the matched words in {@code <mark>}, and where it is. */
    public record Passage(String snippet, SearchHit.Location location) {
    }
}
