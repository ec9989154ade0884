package vn.hoclieu.oai.internal;

import java.util.regex.Pattern;

/** The terms both Dublin Core formats use for what kind of thing a resource is and whom it is for. */
final class Vocabulary {

    private static final Pattern GRADE = Pattern.compile("(?iu)(lớp|khối|grade|class)\\s*\\d+.*");

    private Vocabulary() {
    }

    /** The DCMI Type of the resource, from its main file: the file says it better than the material type. */
    static String dcmiType(ExposedMetadata m) {
        String media = m.mainMediaType() == null ? "" : m.mainMediaType();
        if (media.startsWith("video/")) {
            return "MovingImage";
        }
        if (media.startsWith("audio/")) {
            return "Sound";
        }
        if (media.startsWith("image/")) {
            return "StillImage";
        }
        if (media.equals("application/zip")) {
            return "InteractiveResource";
        }
        return "Text";
    }

    /** The kind of material in words a harvester reads (Hoclieu's {@code materialType}), or null for OTHER. */
    static String materialTerm(ExposedMetadata m) {
        return switch (m.materialType()) {
            case "BOOK" -> "book";
            case "E_LECTURE" -> "e-lecture";
            case "VIDEO" -> "video";
            case "AUDIO" -> "audio";
            case "SLIDES" -> "presentation";
            case "WORKSHEET" -> "worksheet";
            case "IMAGE" -> "image";
            default -> null;
        };
    }

    /** Grade levels ("Lớp 10", "Grade 7") among the audiences; the rest are audiences ("Người học suốt đời"). */
    static boolean isGradeLevel(String audience) {
        return GRADE.matcher(audience.strip()).matches();
    }
}
