package vn.hoclieu.ingest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the spoken text of a WebVTT or SRT subtitle file, cue by cue with the moment each cue
 * starts, so that a search hit can name and open that moment ("05:31"). Headers, cue numbers,
 * identifiers, notes, styles and markup are dropped.
 */
final class SubtitleText {

    /** One cue: when it starts (seconds from the beginning) and what is said. */
    record Cue(double start, String text) {
    }

    /** The start of a timing line: {@code 00:05:31.250 -->} (WebVTT, hours optional) or {@code 00:05:31,250 -->} (SRT). */
    private static final Pattern TIMING = Pattern.compile("^(?:(\\d+):)?(\\d{1,2}):(\\d{2})(?:[.,](\\d{1,3}))?\\s*-->.*");
    private static final Pattern CUE_NUMBER = Pattern.compile("\\d+");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private SubtitleText() {
    }

    /** The cues in the order of the file; a cue without text is left out. */
    static List<Cue> cues(String subtitles) {
        List<Cue> cues = new ArrayList<>();
        String[] lines = subtitles.replace("\uFEFF", "").split("\\r?\\n|\\r");
        boolean skippingBlock = false;
        Double start = null;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                add(cues, start, text);
                start = null;
                skippingBlock = false;
                continue;
            }
            if (skippingBlock) {
                continue;
            }
            Matcher timing = TIMING.matcher(line);
            if (timing.matches()) {
                add(cues, start, text);
                start = seconds(timing);
                continue;
            }
            if (start == null) {
                // outside a cue: the header, a cue number or identifier, a NOTE, STYLE or REGION block
                if (line.startsWith("NOTE") || line.startsWith("STYLE") || line.startsWith("REGION")) {
                    skippingBlock = true;
                }
                continue;
            }
            String spoken = TAG.matcher(line).replaceAll("").strip();
            if (!spoken.isEmpty() && !(CUE_NUMBER.matcher(spoken).matches() && i + 1 < lines.length
                    && TIMING.matcher(lines[i + 1].strip()).matches())) {
                text.append(text.isEmpty() ? "" : "\n").append(spoken);
            }
        }
        add(cues, start, text);
        return cues;
    }

    /** The text of the cues, one cue per segment, separated by form feeds as pages are. */
    static String of(String subtitles) {
        return text(cues(subtitles));
    }

    /** The text of these cues, one per segment (form feeds between them). */
    static String text(List<Cue> cues) {
        return String.join("\f", cues.stream().map(Cue::text).toList());
    }

    private static void add(List<Cue> cues, Double start, StringBuilder text) {
        if (start != null && !text.isEmpty()) {
            cues.add(new Cue(start, text.toString()));
        }
        text.setLength(0);
    }

    private static double seconds(Matcher timing) {
        int hours = timing.group(1) == null ? 0 : Integer.parseInt(timing.group(1));
        int minutes = Integer.parseInt(timing.group(2));
        int seconds = Integer.parseInt(timing.group(3));
        String fraction = timing.group(4) == null ? "0" : timing.group(4);
        double millis = Integer.parseInt((fraction + "00").substring(0, 3));
        return hours * 3600 + minutes * 60 + seconds + millis / 1000;
    }
}
