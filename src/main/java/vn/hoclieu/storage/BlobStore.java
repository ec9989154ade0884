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

    boolean exists(String sha256);

    /** The blob as a Spring resource (supports ranged reads when served over HTTP). */
    Resource resource(String sha256);

    default InputStream open(String sha256) throws IOException {
        return resource(sha256).getInputStream();
    }

    /** The local file behind a blob, for tools that need a path (Tika, thumbnails). */
    java.nio.file.Path localPath(String sha256);
}
