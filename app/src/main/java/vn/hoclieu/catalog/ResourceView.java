package vn.hoclieu.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A resource as the REST API and the pages show it.
 *
 * @param thumbnail  address of its preview image, or null
 * @param sharedWith codes of the other libraries it is shared with; {@code library} is its origin
 * @param rejectionReason why its library rejected it (only while REJECTED), for the uploader
 * @param source    for a record harvested from a partner, where it came from; null for our own material
 * @param origin    for a resource imported from an exchange package, the instance and library that made it
 *                  and when; null otherwise
 */
public record ResourceView(long id, String title, List<String> creators, String description, String language,
                           List<String> subjects, List<String> audience, MaterialType materialType, String licence,
                           Visibility visibility, String library, String libraryName, ResourceStatus status,
                           String publisher, LocalDate date, Instant createdAt, Instant updatedAt,
                           List<FileView> files, String thumbnail, List<String> sharedWith,
                           String rejectionReason, Source source, ResourceOrigin origin) {

    /**
     * Where a harvested record came from: credited to the partner, linking back to its page.
     *
     * @param partner    the partner's name, as the credit shows it
     * @param url        the partner's page for the record
     * @param identifier its OAI identifier at the partner
     * @param datestamp  the partner's datestamp of the version held here
     */
    public record Source(String partner, String url, String identifier, String datestamp) {
    }

    /** One file of a resource, with what extraction found. */
    /**
     * @param launch for an e-lecture package, the address that opens it in the browser; else null
     * @param remote for a harvested file, the partner's address of it; its {@code sha256} is null
     *               until the first request fetches it
     */
    public record FileView(long id, String name, String mediaType, long size, String sha256,
                           Extraction extraction, NearDuplicate nearDuplicate, String launch, String remote) {

        public boolean isSubtitle() {
            return Subtitles.isSubtitle(name);
        }
    }

    /** An earlier resource whose text is nearly the same (another edition, or the same text in another format). */
    public record NearDuplicate(long resourceId, Double similarity) {
    }

    /**
     * @param reason      what reading the file met, in the reader's language, with the parser's own words
     *                    where it has them: for librarians, and for logs
     * @param explanation for a file that could not be read, what that means in a few words for a reader
     *                    ({@link ReadingFailures}); else null
     */
    public record Extraction(ExtractionStatus status, String reason, String language, Integer pages,
                             Double durationSeconds, boolean ocr, String legacyEncoding, String explanation) {
    }

    /** The main (first non-subtitle) file, if any. */
    public FileView mainFile() {
        return files.stream().filter(f -> !f.isSubtitle()).findFirst().orElse(files.isEmpty() ? null : files.get(0));
    }
}
