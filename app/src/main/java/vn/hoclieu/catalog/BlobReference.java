package vn.hoclieu.catalog;

/**
 * One blob a resource file refers to.
 *
 * @param kind {@link #CONTENT} (the uploaded bytes), {@link #TEXT} (the extracted text) or {@link #THUMBNAIL}
 */
public record BlobReference(long resourceId, long fileId, String kind, String sha256) {

    public static final String CONTENT = "content";
    public static final String TEXT = "text";
    public static final String THUMBNAIL = "thumbnail";
}
