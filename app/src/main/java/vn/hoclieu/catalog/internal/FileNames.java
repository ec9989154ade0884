package vn.hoclieu.catalog.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaTypeFactory;
import vn.hoclieu.catalog.MaterialType;

/** What a file's name says and how it is kept: safe to store and serve, a first title, a type. */
public final class FileNames {

    private static final int MAX_NAME = 255;

    private FileNames() {
    }

    /** Keeps the last path segment, composes Vietnamese (NFC), drops control and bidi-override characters. */
    public static String safe(String raw) {
        String name = raw == null ? "" : raw;
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder();
        name.codePoints().filter(cp -> !Character.isISOControl(cp) && !isBidiControl(cp)).forEach(b::appendCodePoint);
        name = b.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            name = "file";
        }
        if (name.length() > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            int keep = MAX_NAME - ext.length();
            if (Character.isHighSurrogate(name.charAt(keep - 1))) {
                keep--; // never half a character
            }
            name = name.substring(0, keep).strip() + ext;
        }
        return name;
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }

    /** A first title until the uploader or the file's own metadata gives a better one. */
    public static String title(String name) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String title = base.replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ").strip();
        return title.isEmpty() ? name : Character.toUpperCase(title.charAt(0)) + title.substring(1);
    }

    /** The type the extension says, else the declared one if it is well formed, else octet-stream. */
    public static String mediaType(String name, String declared) {
        return MediaTypeFactory.getMediaType(name).map(Object::toString)
                .or(() -> Optional.ofNullable(declared).filter(t -> !t.isBlank())
                        .map(t -> t.strip().toLowerCase(Locale.ROOT))
                        .filter(t -> t.length() <= 100 && t.matches("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")))
                .orElse("application/octet-stream");
    }

    /** The material type an uploader who named none most likely meant. */
    public static MaterialType materialType(String name, String mediaType) {
        String n = name.toLowerCase(Locale.ROOT);
        if (mediaType.startsWith("video/")) {
            return MaterialType.VIDEO;
        }
        if (mediaType.startsWith("audio/")) {
            return MaterialType.AUDIO;
        }
        if (mediaType.startsWith("image/")) {
            return MaterialType.IMAGE;
        }
        if (n.endsWith(".ppt") || n.endsWith(".pptx") || n.endsWith(".odp") || n.endsWith(".key")) {
            return MaterialType.SLIDES;
        }
        if (n.endsWith(".zip")) {
            return MaterialType.E_LECTURE;
        }
        if (n.endsWith(".pdf") || n.endsWith(".epub") || n.endsWith(".doc") || n.endsWith(".docx")
                || n.endsWith(".odt") || n.endsWith(".txt") || n.endsWith(".html") || n.endsWith(".htm")
                || n.endsWith(".rtf")) {
            return MaterialType.BOOK;
        }
        return MaterialType.OTHER;
    }
}
