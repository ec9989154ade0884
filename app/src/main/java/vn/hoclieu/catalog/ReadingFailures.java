package vn.hoclieu.catalog;

import java.util.Locale;

/**
 * A short explanation, for readers, of why a file's content could not be read. The stored reason says
 * what the parser met ("Missing root object specification in trailer"), which a librarian or a log needs
 * and a reader cannot use; the explanation says what it means for the reader ("Tệp PDF bị hỏng, không đọc
 * được nội dung"), by the kind of failure and the kind of file. Pages show the explanation and keep the
 * reason for staff; the API gives both.
 */
public final class ReadingFailures {

    private ReadingFailures() {
    }

    /**
     * The message code of the explanation for a file whose reading ended in {@code status} for the stored
     * {@code reason}; null when there is nothing to explain (read, still pending) or the reason is already
     * written for readers (encrypted, truncated, an unknown format, no text without OCR).
     */
    public static String explanationCode(ExtractionStatus status, String reason, String mediaType) {
        if (status == ExtractionStatus.TIMED_OUT) {
            return "failure.timedOut";
        }
        if (status != ExtractionStatus.FAILED) {
            return null;
        }
        String code = Reason.code(reason);
        if (code == null) {
            return damaged(mediaType);
        }
        if (code.startsWith("reason.zipBomb.")) {
            return "failure.zipBomb";
        }
        return switch (code) {
            case "reason.tooComplex", "reason.outOfMemory" -> "failure.tooComplex";
            case "reason.extractorStopped", "reason.interrupted", "reason.crashedWhileReading", "reason.gaveUp",
                 "reason.storedFileUnreadable" -> "failure.reader";
            case "reason.subtitlesUnreadable" -> "failure.subtitles";
            default -> damaged(mediaType);
        };
    }

    /** A damaged file, said for its kind: a PDF, an Office or OpenDocument file, an e-book, a picture … */
    private static String damaged(String mediaType) {
        String t = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        if (t.equals("application/pdf")) {
            return "failure.damaged.pdf";
        }
        if (t.contains("officedocument") || t.contains("opendocument") || t.startsWith("application/vnd.ms-")
                || t.equals("application/msword") || t.equals("application/rtf")) {
            return "failure.damaged.office";
        }
        if (t.startsWith("application/epub") || t.contains("mobipocket")) {
            return "failure.damaged.ebook";
        }
        if (t.startsWith("image/")) {
            return "failure.damaged.image";
        }
        if (t.startsWith("audio/") || t.startsWith("video/")) {
            return "failure.damaged.media";
        }
        if (t.equals("application/zip") || t.startsWith("application/x-7z") || t.contains("tar")) {
            return "failure.damaged.archive";
        }
        return "failure.damaged";
    }
}
