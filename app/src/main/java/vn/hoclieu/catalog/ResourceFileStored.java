package vn.hoclieu.catalog;

/** A file's bytes are durably stored and its rows are being committed; it awaits extraction. */
public record ResourceFileStored(long resourceId, long fileId, String fileName) {
}
