package vn.hoclieu.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Which files are subtitles, and which recording each belongs to: the one rule of the upload page
 * (and its script, which asks the server), the bulk imports (ZIP, folder, shell) and the resource
 * page, so that the same files always make the same materials.
 *
 * <p>A subtitle belongs to a video or audio file beside it when it is named as the recording, with
 * perhaps more after a dot: {@code bai-giang.srt}, {@code bai-giang.vi.srt} and {@code
 * bai-giang.en-GB.vtt} belong to {@code bai-giang.mp4}; {@code bai-giang-2.srt} does not (it is
 * another lesson's), nor does a subtitle named like a document ({@code bai-giang.pdf}), which has no
 * timeline for cues. Letter case does not matter, nor how Vietnamese letters are encoded (a ZIP
 * made on a Mac spells them decomposed).
 */
public final class Subtitles {

    private static final Set<String> SUBTITLE = Set.of("vtt", "srt");
    private static final Set<String> RECORDING = Set.of("mp4", "m4v", "webm", "mkv", "mov", "avi", "ogv", "mpg",
            "mpeg", "mp3", "m4a", "ogg", "oga", "opus", "wav", "flac", "aac");

    private Subtitles() {
    }

    /** A WebVTT or SubRip file, by its name. */
    public static boolean isSubtitle(String fileName) {
        return SUBTITLE.contains(extension(fileName));
    }

    /** A video or audio file, by its name: what subtitles may belong to. */
    public static boolean isRecording(String fileName) {
        return RECORDING.contains(extension(fileName));
    }

    /** Whether the subtitle file is named for the recording (see the class comment). */
    public static boolean belongsTo(String subtitle, String recording) {
        if (!isSubtitle(subtitle) || !isRecording(recording)) {
            return false;
        }
        String name = base(subtitle);
        String base = base(recording);
        return name.equals(base) || name.startsWith(base + ".");
    }

    /**
     * Files as materials: each file that is not a subtitle on its own, in the order given, followed
     * by the subtitles that belong to it; a subtitle goes with the recording of the longest name it
     * belongs to ({@code bai-1.phan-2.vi.vtt} with {@code bai-1.phan-2.mp4}, not {@code bai-1.mp4}).
     * A subtitle that belongs to none is a material of its own, after the others.
     */
    public static <T> List<List<T>> group(List<T> files, Function<T, String> name) {
        List<T> heads = new ArrayList<>();
        List<List<T>> groups = new ArrayList<>();
        for (T f : files) {
            if (!isSubtitle(name.apply(f))) {
                heads.add(f);
                groups.add(new ArrayList<>(List.of(f)));
            }
        }
        List<List<T>> alone = new ArrayList<>();
        for (T s : files) {
            if (isSubtitle(name.apply(s))) {
                int best = -1;
                for (int i = 0; i < heads.size(); i++) {
                    String head = name.apply(heads.get(i));
                    if (belongsTo(name.apply(s), head)
                            && (best < 0 || base(head).length() > base(name.apply(heads.get(best))).length())) {
                        best = i;
                    }
                }
                if (best >= 0) {
                    groups.get(best).add(s);
                } else {
                    alone.add(List.of(s));
                }
            }
        }
        groups.addAll(alone);
        return groups.stream().map(List::copyOf).toList();
    }

    /** The name without its extension, composed (NFC) and in lower case. */
    private static String base(String fileName) {
        String n = normal(fileName);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static String extension(String fileName) {
        String n = normal(fileName);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(dot + 1) : "";
    }

    private static String normal(String fileName) {
        return fileName == null ? "" : Normalizer.normalize(fileName, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
