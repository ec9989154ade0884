package vn.hoclieu.ingest.internal;

import vn.hoclieu.catalog.ExtractionStatus;

/**
 * What reading one file gave: never an exception for a bad document, a status and a reason instead.
 *
 * @param launchPath for an e-lecture package, the page to open first (relative to the package root)
 * @param text extracted text, pages separated by form feeds ({@code \f}); empty if none
 */
record Extraction(ExtractionStatus status, String reason, String text, String title, String author,
                  String language, Integer pages, Double durationSeconds, boolean ocr, String mediaType,
                  String launchPath) {

    Extraction(ExtractionStatus status, String reason, String text, String title, String author, String language,
               Integer pages, Double durationSeconds, boolean ocr, String mediaType) {
        this(status, reason, text, title, author, language, pages, durationSeconds, ocr, mediaType, null);
    }

    static Extraction failed(ExtractionStatus status, String reason, String mediaType) {
        return new Extraction(status, reason, "", null, null, null, null, null, false, mediaType);
    }
}
