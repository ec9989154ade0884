package vn.hoclieu.catalog;

import java.time.Instant;
import java.util.List;

/**
 * Everything the search index needs about one resource, read in one transaction.
 *
 * @param texts      extracted text per file, only for files whose extraction has text
 * @param popularity views + 2 × downloads, over all time (see {@link UsageService})
 * @param sharedWith the libraries it is shared with (besides its own), for visibility and the library facet
 */
public record ResourceSnapshot(long id, String title, List<String> creators, String description, String language,
                               List<String> subjects, List<String> audience, MaterialType materialType,
                               String licence, Visibility visibility, ResourceStatus status, Long libraryId,
                               String libraryCode, String libraryName, String libraryType, Instant createdAt,
                               Instant updatedAt, List<String> mediaTypes, List<FileText> texts,
                               String createdBy, boolean hasThumbnail, long popularity,
                               List<SharedLibrary> sharedWith) {

    /** A resource shared with no other library. */
    public ResourceSnapshot(long id, String title, List<String> creators, String description, String language,
                            List<String> subjects, List<String> audience, MaterialType materialType,
                            String licence, Visibility visibility, ResourceStatus status, Long libraryId,
                            String libraryCode, String libraryName, String libraryType, Instant createdAt,
                            Instant updatedAt, List<String> mediaTypes, List<FileText> texts,
                            String createdBy, boolean hasThumbnail, long popularity) {
        this(id, title, creators, description, language, subjects, audience, materialType, licence, visibility,
                status, libraryId, libraryCode, libraryName, libraryType, createdAt, updatedAt, mediaTypes, texts,
                createdBy, hasThumbnail, popularity, List.of());
    }

    /** A resource nobody has used yet. */
    public ResourceSnapshot(long id, String title, List<String> creators, String description, String language,
                            List<String> subjects, List<String> audience, MaterialType materialType,
                            String licence, Visibility visibility, ResourceStatus status, Long libraryId,
                            String libraryCode, String libraryName, String libraryType, Instant createdAt,
                            Instant updatedAt, List<String> mediaTypes, List<FileText> texts,
                            String createdBy, boolean hasThumbnail) {
        this(id, title, creators, description, language, subjects, audience, materialType, licence, visibility,
                status, libraryId, libraryCode, libraryName, libraryType, createdAt, updatedAt, mediaTypes, texts,
                createdBy, hasThumbnail, 0);
    }

    /** A library a resource is shared with: its id (visibility) and code (the library facet). */
    public record SharedLibrary(long id, String code) {
    }

    /**
     * @param text      pages, slides or subtitle cues separated by form feeds
     * @param cueStarts for subtitles, when each segment starts (seconds); else empty
     */
    public record FileText(long fileId, String name, String mediaType, String text, List<Double> cueStarts) {
    }
}
