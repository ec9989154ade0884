package vn.hoclieu.search;

/**
 * One matching resource.
 *
 * @param snippet HTML: the original text, escaped, with the matched words wrapped in {@code <mark>}
 */
public record SearchHit(long id, String title, String snippet, String materialType, String language, String library,
                        float score) {
}
