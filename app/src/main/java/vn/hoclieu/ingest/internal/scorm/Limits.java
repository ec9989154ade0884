package vn.hoclieu.ingest.internal.scorm;

/**
 * How much of a package is looked at. A package is untrusted input: its central directory, its sizes and
 * its compression ratio are all chosen by whoever made it.
 *
 * @param maxEntries    entries of the ZIP considered, in central-directory order; later ones do not exist for us
 * @param maxTotalBytes uncompressed bytes read from the package in all (manifest, metadata and HTML files)
 * @param maxFileBytes  uncompressed bytes read from one file; the rest of a longer file is not read
 * @param maxTextChars  characters of extracted text in all
 */
record Limits(int maxEntries, long maxTotalBytes, int maxFileBytes, int maxTextChars) {

    static final Limits DEFAULT = new Limits(10_000, 200L * 1024 * 1024, 20 * 1024 * 1024, 5_000_000);
}
