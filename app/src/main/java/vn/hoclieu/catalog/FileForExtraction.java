package vn.hoclieu.catalog;

/** What the ingest module needs to read a stored file. */
public record FileForExtraction(long resourceId, long fileId, String name, String mediaType, String sha256,
                                String resourceLanguage) {
}
