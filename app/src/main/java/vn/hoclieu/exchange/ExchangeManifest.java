package vn.hoclieu.exchange;

import java.util.List;

/**
 * {@code manifest.json}, the description at the root of an exchange package (format version 1; documented
 * in docs/api.md). A package holds it and, for each file it lists, the bytes under
 * {@code files/<sha256>}: named by content, so that no name taken from the package ever becomes a path,
 * and the same bytes travel once however many resources hold them.
 *
 * <p>An importer reads it as untrusted input: every field may be missing, too long or hostile, and is
 * checked before anything is stored.
 *
 * @param format        always {@link #FORMAT}: what tells an exchange package from a ZIP that happens to
 *                      hold a file called manifest.json
 * @param formatVersion {@link #VERSION}; a later version adds fields, a reader ignores those it does not know
 * @param created       when the package was made, ISO-8601 ({@code 2026-12-06T07:30:00Z})
 * @param resources     each resource, in the order of the collection (or of the library's ids)
 */
public record ExchangeManifest(String format, Integer formatVersion, Source source, String created, Scope scope,
                               List<Item> resources) {

    public static final String FORMAT = "hoclieu-exchange";
    public static final int VERSION = 1;
    public static final String FILE_NAME = "manifest.json";
    public static final String FILES_FOLDER = "files/";

    /** Where a file's bytes are in the package. */
    public static String entryOf(String sha256) {
        return FILES_FOLDER + sha256;
    }

    /**
     * The instance that made the package, and the library it was made for.
     *
     * @param library     the library's code there (null for a person's collection)
     * @param libraryName its name, as the importing instance credits it
     */
    public record Source(String instance, String library, String libraryName) {
    }

    /**
     * What was exported.
     *
     * @param kind {@code COLLECTION} or {@code LIBRARY}
     * @param id   the collection's id or the library's code at the source
     */
    public record Scope(String kind, String id, String title) {

        public static final String COLLECTION = "COLLECTION";
        public static final String LIBRARY = "LIBRARY";
    }

    /**
     * One resource, described as {@code GET /api/v1/resources/{id}} describes it.
     *
     * @param id          its id at the source
     * @param visibility  {@code PUBLIC}, {@code NETWORK} or {@code LIBRARY}, kept by the importer
     * @param library     the code of the library that owns it at the source
     * @param date        the Dublin Core date, {@code yyyy-mm-dd}
     * @param files       its files, the main one first (subtitles after the video they belong to)
     */
    public record Item(String id, String title, List<String> creators, String description, String language,
                       List<String> subjects, List<String> audience, String materialType, String licence,
                       String visibility, String library, String libraryName, String publisher, String date,
                       List<File> files) {
    }

    /**
     * One file of a resource.
     *
     * @param name   its name (no folders)
     * @param size   its length in bytes
     * @param sha256 the SHA-256 of its bytes, lower-case hex: its address in the package and what the
     *               importer checks the bytes against
     */
    public record File(String name, String mediaType, Long size, String sha256) {
    }
}
