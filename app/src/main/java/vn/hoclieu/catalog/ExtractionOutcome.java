package vn.hoclieu.catalog;

import java.util.List;

/**
 * What the ingest module found in a file, as the catalog records it.
 *
 * @param fingerprint a signature of the text for finding near-duplicates, or null
 * @param nearDuplicateOf an earlier resource with nearly the same text, or null
 * @param launchPath for an e-lecture package (SCORM), its first page relative to the package root, or null
 * @param thumbnailSha256 address of a small JPEG preview in the blob store, or null
 * @param textSha256 address of the extracted text (UTF-8, pages separated by form feeds) in the blob store, or null
 * @param cueStarts for subtitles, when each form-feed-separated segment of the text starts (seconds); else empty
 * @param subjects subjects or keywords the file's own metadata names (a resource without subjects takes them)
 */
public record ExtractionOutcome(ExtractionStatus status, String reason, String title, String author, String language,
                                Integer pages, Double durationSeconds, boolean ocr, String legacyEncoding,
                                String textSha256, Long textLength, String detectedMediaType,
                                String thumbnailSha256, String launchPath, String fingerprint,
                                Long nearDuplicateOf, Double nearDuplicateSimilarity, List<Double> cueStarts,
                                List<String> subjects) {

    public ExtractionOutcome {
        cueStarts = cueStarts == null ? List.of() : List.copyOf(cueStarts);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    /** Without subjects from the file. */
    public ExtractionOutcome(ExtractionStatus status, String reason, String title, String author, String language,
                             Integer pages, Double durationSeconds, boolean ocr, String legacyEncoding,
                             String textSha256, Long textLength, String detectedMediaType,
                             String thumbnailSha256, String launchPath, String fingerprint,
                             Long nearDuplicateOf, Double nearDuplicateSimilarity, List<Double> cueStarts) {
        this(status, reason, title, author, language, pages, durationSeconds, ocr, legacyEncoding, textSha256,
                textLength, detectedMediaType, thumbnailSha256, launchPath, fingerprint, nearDuplicateOf,
                nearDuplicateSimilarity, cueStarts, List.of());
    }
}
