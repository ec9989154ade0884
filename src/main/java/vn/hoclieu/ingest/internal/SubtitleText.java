package vn.hoclieu.ingest.internal;

import java.util.regex.Pattern;

/**
 * Reads the spoken text of a WebVTT or SRT subtitle file: cue text without headers, cue numbers,
 * timings or markup. (Timecodes per cue are kept for search in a later version.)
 */
final class SubtitleText {

    private static final Pattern TIMING = Pattern.compile(".*-->.*");
    private static final Pattern CUE_NUMBER = Pattern.compile("\\d+");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private SubtitleText() {
    }

    static String of(String subtitles) {
        StringBuilder out = new StringBuilder();
        boolean inNote = false;
        String[] lines = subtitles.replace("\uFEFF", "").split("\\r?\\n|\\r");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            boolean cueIdentifier = i + 1 < lines.length && TIMING.matcher(lines[i + 1]).matches();
            if (line.isEmpty()) {
                inNote = false;
                continue;
            }
            if (inNote || line.startsWith("WEBVTT") || TIMING.matcher(line).matches()
                    || CUE_NUMBER.matcher(line).matches() || cueIdentifier) {
                continue;
            }
            if (line.startsWith("NOTE") || line.startsWith("STYLE") || line.startsWith("REGION")) {
                inNote = true;
                continue;
            }
            out.append(TAG.matcher(line).replaceAll("")).append('\n');
        }
        return out.toString().strip();
    }
}
