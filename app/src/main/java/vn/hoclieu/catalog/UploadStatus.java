package vn.hoclieu.catalog;

import java.util.List;

/**
 * What the uploader's confirmation page shows and polls ({@code GET /upload/{id}/status}): each
 * file's extraction, the description as extraction has filled it so far, near-duplicates.
 *
 * @param done        every file has been read (or could not be): the values will not change any more
 * @param description the resource's description, or one suggested from the beginning of its text
 * @param languageName the language's name in the reader's language, for a language the page does not list
 */
public record UploadStatus(long id, boolean done, String title, String creators, String description,
                           String language, String subjects, List<FileState> files, List<Similar> similar,
                           String languageName) {

    /**
     * @param state  the extraction status; {@code label} and {@code reason} in the reader's language
     * @param reason what reading found, in a few words for a file that could not be read (then {@code detail}
     *               holds what the reader met, for whoever must fix the file)
     */
    public record FileState(long id, String name, String state, String label, String reason, String detail) {
    }

    /** An earlier resource with nearly the same text, that the uploader may see. */
    public record Similar(long id, String title, String url, int percent) {
    }
}
