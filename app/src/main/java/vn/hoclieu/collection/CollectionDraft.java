package vn.hoclieu.collection;

/**
 * What a person sends to create or change a collection; in a change, a null field is left as it is.
 *
 * @param visibility {@code PUBLIC} or {@code PRIVATE}; new collections are private unless said otherwise
 * @param library    a library's code to make it that library's collection (its librarians only)
 */
public record CollectionDraft(String title, String description, String visibility, String library) {
}
