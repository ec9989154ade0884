package vn.hoclieu.ingest.internal;

import vn.hoclieu.catalog.ExtractionStatus;

/**
 * What reading one file gave: never an exception for a bad document, a status and a reason instead.
 *
 * @param text           extracted text, pages separated by form feeds ({@code \f}); empty if none
 * @param launchPath     for an e-lecture package, the page to open first (relative to the package root)
 * @param legacyEncoding the pre-Unicode Vietnamese encoding the text was converted from (TCVN3, VNI, …), or null
 * @param thumbnail      a small JPEG preview (first page, slide, picture or video frame), or null
 */
record Extraction(ExtractionStatus status, String reason, String text, String title, String author,
                  String language, Integer pages, Double durationSeconds, boolean ocr, String mediaType,
                  String launchPath, String legacyEncoding, byte[] thumbnail) {

    Extraction(ExtractionStatus status, String reason, String text, String title, String author, String language,
               Integer pages, Double durationSeconds, boolean ocr, String mediaType) {
        this(status, reason, text, title, author, language, pages, durationSeconds, ocr, mediaType, null, null, null);
    }

    Extraction(ExtractionStatus status, String reason, String text, String title, String author, String language,
               Integer pages, Double durationSeconds, boolean ocr, String mediaType, String launchPath,
               String legacyEncoding) {
        this(status, reason, text, title, author, language, pages, durationSeconds, ocr, mediaType, launchPath,
                legacyEncoding, null);
    }

    Extraction withThumbnail(byte[] jpeg) {
        return new Extraction(status, reason, text, title, author, language, pages, durationSeconds, ocr, mediaType,
                launchPath, legacyEncoding, jpeg);
    }

    static Extraction failed(ExtractionStatus status, String reason, String mediaType) {
        return new Extraction(status, reason, "", null, null, null, null, null, false, mediaType);
    }
}
