package vn.hoclieu.catalog;

/** Extraction of one file finished (whatever its status) and the catalog recorded it. */
public record ContentExtracted(long resourceId, long fileId, ExtractionStatus status) {
}
