package vn.hoclieu.ingest.internal;

import java.util.List;
import vn.hoclieu.catalog.ExtractionStatus;

/**
 * What reading one file gave: never an exception for a bad document, a status and a reason instead.
 *
 * @param text           extracted text; pages, slides or subtitle cues separated by form feeds ({@code \f});
 *                       empty if none
 * @param launchPath     for an e-lecture package, the page to open first (relative to the package root)
 * @param legacyEncoding the pre-Unicode Vietnamese encoding the text was converted from (TCVN3, VNI, …), or null
 * @param thumbnail      a small JPEG preview (first page, slide, picture or video frame), or null
 * @param cueStarts      for subtitles, when each segment of {@code text} starts (seconds); else empty
 * @param keywords       subjects or keywords the file's own metadata names; else empty
 */
record Extraction(ExtractionStatus status, String reason, String text, String title, String author,
                  String language, Integer pages, Double durationSeconds, boolean ocr, String mediaType,
                  String launchPath, String legacyEncoding, byte[] thumbnail, List<Double> cueStarts,
                  List<String> keywords) {

    Extraction {
        cueStarts = cueStarts == null ? List.of() : List.copyOf(cueStarts);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    Extraction(ExtractionStatus status, String reason, String text, String title, String author, String language,
               Integer pages, Double durationSeconds, boolean ocr, String mediaType) {
        this(status, reason, text, title, author, language, pages, durationSeconds, ocr, mediaType, null, null);
    }

    Extraction(ExtractionStatus status, String reason, String text, String title, String author, String language,
               Integer pages, Double durationSeconds, boolean ocr, String mediaType, String launchPath,
               String legacyEncoding) {
        this(status, reason, text, title, author, language, pages, durationSeconds, ocr, mediaType, launchPath,
                legacyEncoding, null, List.of(), List.of());
    }

    static Extraction failed(ExtractionStatus status, String reason, String mediaType) {
        return new Extraction(status, reason, "", null, null, null, null, null, false, mediaType);
    }

    Extraction withThumbnail(byte[] jpeg) {
        return new Extraction(status, reason, text, title, author, language, pages, durationSeconds, ocr, mediaType,
                launchPath, legacyEncoding, jpeg, cueStarts, keywords);
    }

    /** The same file read as subtitles: its text is the cues', one per segment. */
    Extraction withCues(List<SubtitleText.Cue> cues) {
        return new Extraction(status, reason, SubtitleText.text(cues), title, author, language, pages,
                durationSeconds, ocr, mediaType, launchPath, legacyEncoding, thumbnail,
                cues.stream().map(SubtitleText.Cue::start).toList(), keywords);
    }

    /** The same read with a reason that says something about it (a repair), for a status that had none. */
    Extraction withReason(String why) {
        return new Extraction(status, why, text, title, author, language, pages, durationSeconds, ocr, mediaType,
                launchPath, legacyEncoding, thumbnail, cueStarts, keywords);
    }

    Extraction withLanguage(String detected) {
        return new Extraction(status, reason, text, title, author, detected, pages, durationSeconds, ocr, mediaType,
                launchPath, legacyEncoding, thumbnail, cueStarts, keywords);
    }

    Extraction withKeywords(List<String> found) {
        return new Extraction(status, reason, text, title, author, language, pages, durationSeconds, ocr, mediaType,
                launchPath, legacyEncoding, thumbnail, cueStarts, found);
    }
}
