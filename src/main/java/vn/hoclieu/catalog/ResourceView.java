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
 */
public record ResourceView(long id, String title, List<String> creators, String description, String language,
                           List<String> subjects, List<String> audience, MaterialType materialType, String licence,
                           Visibility visibility, String library, String libraryName, ResourceStatus status,
                           String publisher, LocalDate date, Instant createdAt, Instant updatedAt,
                           List<FileView> files, String thumbnail, List<String> sharedWith,
                           String rejectionReason) {

    /** One file of a resource, with what extraction found. */
    /** @param launch for an e-lecture package, the address that opens it in the browser; else null */
    public record FileView(long id, String name, String mediaType, long size, String sha256,
                           Extraction extraction, NearDuplicate nearDuplicate, String launch) {

        public boolean isSubtitle() {
            String n = name.toLowerCase(java.util.Locale.ROOT);
            return n.endsWith(".vtt") || n.endsWith(".srt");
        }
    }

    /** An earlier resource whose text is nearly the same (another edition, or the same text in another format). */
    public record NearDuplicate(long resourceId, Double similarity) {
    }

    public record Extraction(ExtractionStatus status, String reason, String language, Integer pages,
                             Double durationSeconds, boolean ocr, String legacyEncoding) {
    }

    /** The main (first non-subtitle) file, if any. */
    public FileView mainFile() {
        return files.stream().filter(f -> !f.isSubtitle()).findFirst().orElse(files.isEmpty() ? null : files.get(0));
    }
}
