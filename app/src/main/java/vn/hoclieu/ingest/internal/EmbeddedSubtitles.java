package vn.hoclieu.ingest.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The first subtitle track inside a video (MP4 {@code mov_text}, Matroska SRT or ASS, …), read
 * with {@code ffmpeg} when it is installed. Without ffmpeg, or without a track, there is none:
 * subtitles uploaded beside the video still work.
 */
final class EmbeddedSubtitles {

    static final long TIMEOUT_SECONDS = 60;
    private static final long MAX_BYTES = 20L << 20;

    private EmbeddedSubtitles() {
    }

    static List<SubtitleText.Cue> read(Path video) {
        Path vtt = null;
        try {
            vtt = Files.createTempFile("hoclieu-subtitles-", ".vtt");
            Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", video.toString(),
                    "-map", "0:s:0", "-f", "webvtt", vtt.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            if (p.exitValue() != 0 || Files.size(vtt) == 0 || Files.size(vtt) > MAX_BYTES) {
                return List.of(); // no subtitle track (ffmpeg says so with an error)
            }
            return SubtitleText.cues(Files.readString(vtt));
        } catch (IOException noFfmpeg) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            if (vtt != null) {
                try {
                    Files.deleteIfExists(vtt);
                } catch (IOException ignored) {
                    // a temp file left behind
                }
            }
        }
    }
}
