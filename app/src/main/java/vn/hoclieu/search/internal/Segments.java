package vn.hoclieu.search.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.hoclieu.catalog.ResourceSnapshot;
import vn.hoclieu.search.SearchHit;

/**
 * How the text of each file of a resource is cut into segments (form feeds), and what a segment
 * is: a page of a PDF, a slide of a presentation, a cue of subtitles (with the moment it starts).
 * Stored with the document, one value per file in the order of the text field's values, so that
 * the highlighter's passage can be turned into "page 12" or "05:31".
 */
final class Segments {

    private static final Set<String> SLIDES = Set.of(
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.ms-powerpoint",
            "application/vnd.oasis.opendocument.presentation");

    private Segments() {
    }

    /** The stored description of one file's segments: {@code kind|fileId|starts}. */
    static String describe(ResourceSnapshot.FileText file) {
        String kind;
        if (!file.cueStarts().isEmpty()) {
            kind = SearchHit.Location.MOMENT;
        } else if ("application/pdf".equals(file.mediaType())) {
            kind = SearchHit.Location.PAGE;
        } else if (file.mediaType() != null && SLIDES.contains(file.mediaType())) {
            kind = SearchHit.Location.SLIDE;
        } else {
            kind = "none";
        }
        String starts = file.cueStarts().stream().map(String::valueOf).collect(Collectors.joining(","));
        return kind + "|" + file.fileId() + "|" + starts;
    }

    /** Where segment {@code segment} (from 0) of the file described by {@code stored} is; null if it says nothing. */
    static SearchHit.Location locate(String stored, int segment) {
        if (stored == null || segment < 0) {
            return null;
        }
        String[] parts = stored.split("\\|", -1);
        if (parts.length != 3) {
            return null;
        }
        long fileId = Long.parseLong(parts[1]);
        return switch (parts[0]) {
            case SearchHit.Location.PAGE, SearchHit.Location.SLIDE ->
                    new SearchHit.Location(parts[0], segment + 1, null, null, fileId);
            case SearchHit.Location.MOMENT -> {
                List<Double> starts = parts[2].isEmpty() ? List.of()
                        : Arrays.stream(parts[2].split(",")).map(Double::valueOf).toList();
                if (segment >= starts.size()) {
                    yield null;
                }
                double seconds = starts.get(segment);
                yield new SearchHit.Location(parts[0], null, seconds, timecode(seconds), fileId);
            }
            default -> null;
        };
    }

    /** 331.4 → "05:31"; 3723 → "1:02:03". */
    static String timecode(double seconds) {
        long s = (long) Math.floor(seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%02d:%02d", m, sec);
    }
}
