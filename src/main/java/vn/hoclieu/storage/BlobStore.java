package vn.hoclieu.storage;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.Resource;

/**
 * Content-addressed storage: bytes are addressed by their SHA-256, written once, never changed.
 * A write is durable when {@link #store} returns.
 */
public interface BlobStore {

    /** The store kept in {@code dir} on local disk, for tools that run beside the application (backup, restore). */
    static BlobStore onDisk(java.nio.file.Path dir) throws IOException {
        return vn.hoclieu.storage.internal.LocalBlobStore.open(dir);
    }

    /** Streams the bytes into the store; identical bytes are kept once. */
    StoredBlob store(InputStream in) throws IOException;

    boolean exists(String sha256);

    /** The blob as a Spring resource (supports ranged reads when served over HTTP). */
    Resource resource(String sha256);

    default InputStream open(String sha256) throws IOException {
        return resource(sha256).getInputStream();
    }

    /** The local file behind a blob, for tools that need a path (Tika, thumbnails). */
    java.nio.file.Path localPath(String sha256);

    /** Every blob held (address and size), in no particular order; blobs still being written are not among them. */
    java.util.List<StoredBlob> list() throws IOException;

    /** Reads the blob through and tells whether its bytes still hash to its address. */
    BlobCondition check(String sha256) throws IOException;

    /** What reading a blob back found. */
    enum BlobCondition {
        /** present, and its bytes hash to its address */
        INTACT,
        /** not in the store */
        MISSING,
        /** present, but its bytes no longer hash to its address (damaged on disk) */
        CORRUPT
    }
}
