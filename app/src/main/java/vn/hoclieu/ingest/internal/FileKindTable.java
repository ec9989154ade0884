package vn.hoclieu.ingest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import vn.hoclieu.catalog.FileKind;

/**
 * Which {@link FileKind} a media type belongs to. A type is looked up, then each broader type Tika's
 * registry knows for it, most specific first: a JAR is a program before it is a ZIP, a Word file a
 * document before it is a ZIP, a shell script a program before it is text, and a text type listed
 * nowhere (source code, LaTeX) is a document because it is text.
 */
final class FileKindTable {

    /**
     * Per kind, the types that belong to it: a listed type, its variants ({@code …ms-excel.sheet.macroEnabled.12},
     * {@code …opendocument.text-template}, {@code …x-mach-o-executable}), or for a name ending in {@code /}
     * every type under it. {@link FileKind#PROGRAM} is looked at first.
     */
    private static final Map<FileKind, List<String>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put(FileKind.PROGRAM, List.of(
                // Windows: executables and libraries (PE, DOS), installers, shortcuts to programs, compiled help
                "application/x-msdownload", "application/x-dosexec", "application/x-ms-installer",
                "application/x-msi", "application/x-ms-application", "application/vnd.ms-htmlhelp",
                // Linux and macOS: ELF and Mach-O binaries, packages, disk images
                "application/x-elf", "application/x-executable", "application/x-sharedlib", "application/x-object",
                "application/x-mach-o", "application/x-debian-package", "application/x-rpm",
                "application/x-apple-diskimage",
                // Java, Android and iOS applications
                "application/java-vm", "application/java-archive", "application/vnd.android.package-archive",
                "application/x-dex", "application/x-itunes-ipa", "application/x-java-jnlp-file",
                // scripts the system runs when the file is opened
                "application/x-sh", "application/x-csh", "application/x-bat", "text/x-vbscript"));
        TYPES.put(FileKind.SUBTITLES, List.of("text/vtt", "application/x-subrip", "text/x-ssa"));
        TYPES.put(FileKind.SPREADSHEET, List.of("application/vnd.ms-excel",
                "application/vnd.openxmlformats-officedocument.spreadsheetml",
                "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.apple.numbers",
                "application/x-iwork-numbers", "text/csv", "text/tab-separated-values"));
        TYPES.put(FileKind.SLIDES, List.of("application/vnd.ms-powerpoint",
                "application/vnd.openxmlformats-officedocument.presentationml",
                "application/vnd.oasis.opendocument.presentation", "application/vnd.apple.keynote",
                "application/x-iwork-keynote"));
        TYPES.put(FileKind.EBOOK, List.of("application/epub+zip", "application/x-mobipocket-ebook",
                "application/x-fictionbook", "application/x-ibooks+zip", "image/vnd.djvu"));
        TYPES.put(FileKind.DOCUMENT, List.of("application/pdf", "application/rtf", "application/msword",
                "application/vnd.ms-word", "application/vnd.openxmlformats-officedocument.wordprocessingml",
                "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.graphics",
                "application/vnd.wordperfect", "application/vnd.apple.pages", "application/x-iwork-pages",
                "application/vnd.ms-xpsdocument", "application/oxps", "application/postscript",
                "application/x-tex", "application/x-latex"));
        TYPES.put(FileKind.LESSON, List.of("text/html", "application/xhtml+xml"));
        TYPES.put(FileKind.DATA, List.of("application/xml", "text/xml", "application/json", "application/x-yaml",
                "text/x-yaml"));
        TYPES.put(FileKind.IMAGE, List.of("image/"));
        TYPES.put(FileKind.AUDIO, List.of("audio/", "application/ogg"));
        TYPES.put(FileKind.VIDEO, List.of("video/", "application/mp4", "application/x-matroska",
                "application/vnd.rn-realmedia"));
        TYPES.put(FileKind.ARCHIVE, List.of("application/zip", "application/gzip", "application/x-gzip",
                "application/x-tar", "application/x-gtar", "application/x-7z-compressed",
                "application/x-rar-compressed", "application/vnd.rar", "application/x-bzip2", "application/x-xz",
                "application/x-lzma", "application/zstd", "application/x-compress"));
    }

    /** Any text the table does not name (source code, Markdown, LaTeX) is a document: Tika derives it from this. */
    private static final String TEXT = "text/plain";

    private FileKindTable() {
    }

    /** The kind of {@code type}: its own, else its nearest broader type's, else {@link FileKind#OTHER}. */
    static FileKind kindOf(MediaType type, MediaTypeRegistry registry) {
        for (MediaType t = type; t != null; t = registry.getSupertype(t)) {
            String name = t.getBaseType().toString().toLowerCase(Locale.ROOT);
            for (Map.Entry<FileKind, List<String>> kind : TYPES.entrySet()) {
                if (kind.getValue().stream().anyMatch(listed -> matches(name, listed))) {
                    return kind.getKey();
                }
            }
            if (TEXT.equals(name)) {
                return FileKind.DOCUMENT;
            }
        }
        return FileKind.OTHER;
    }

    private static boolean matches(String name, String listed) {
        if (listed.endsWith("/")) {
            return name.startsWith(listed);
        }
        return name.equals(listed) || (name.startsWith(listed) && ".-+".indexOf(name.charAt(listed.length())) >= 0);
    }
}
