package vn.hoclieu.catalog;

/** The outcome of reading a file's text and metadata. */
public enum ExtractionStatus {
    PENDING, OK, TRUNCATED, ENCRYPTED, UNSUPPORTED, FAILED, TIMED_OUT;

    /** True when the file's text (possibly partial) is available. */
    public boolean hasText() {
        return this == OK || this == TRUNCATED;
    }
}
