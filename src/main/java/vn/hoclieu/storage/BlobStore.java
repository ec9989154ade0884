package vn.hoclieu.storage;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.Resource;

/**
 * Content-addressed storage: bytes are addressed by their SHA-256, written once, never changed.
 * A write is durable when {@link #store} returns.
 */
public interface BlobStore {

    /** Streams the bytes into the store; identical bytes are kept once. */
    StoredBlob store(InputStream in) throws IOException;

    /**
     * Like {@link #store(InputStream)}, with the size the caller expects (or -1) so that the
     * free-space check can refuse it before anything is written.
     *
     * @throws InsufficientStorageException when the volume would keep less than its minimum free space
     */
    default StoredBlob store(InputStream in, long expectedSize) throws IOException {
        return store(in);
    }

    boolean exists(String sha256);

    /** The blob as a Spring resource (supports ranged reads when served over HTTP). */
    Resource resource(String sha256);

    default InputStream open(String sha256) throws IOException {
        return resource(sha256).getInputStream();
    }

    /** The local file behind a blob, for tools that need a path (Tika, thumbnails). */
    java.nio.file.Path localPath(String sha256);
}
