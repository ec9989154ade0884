package vn.hoclieu.catalog;

/**
 * A ready-made credit line for reusing a resource, in the TASL order Creative Commons recommends:
 * title, author, source (the library and the resource's page), licence.
 *
 * @param language the language it is written in ({@code vi}, {@code en})
 * @param text     plain text, to paste into a document or slide
 * @param html     the same as HTML, with links to the page and the licence deed (every value escaped)
 */
public record Attribution(String language, String text, String html) {
}
