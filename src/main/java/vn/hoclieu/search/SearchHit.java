package vn.hoclieu.search;

/**
 * One matching resource.
 *
 * @param thumbnail address of the preview image, or null (show a type icon)
 * @param snippet HTML: the original text, escaped, with the matched words wrapped in {@code <mark>}
 */
public record SearchHit(long id, String title, String snippet, String materialType, String language, String library,
                        float score, String thumbnail) {
}
