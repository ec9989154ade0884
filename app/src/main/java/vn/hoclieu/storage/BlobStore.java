package vn.hoclieu.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import vn.hoclieu.storage.internal.LocalBlobStore;

/**
 * Content-addressed storage: bytes are addressed by their SHA-256, written once, never changed.
 * A write is durable when {@link #store} returns. Two implementations, chosen by
 * {@code hoclieu.storage.type}: files on local disk ({@code local}, the default) and an S3-compatible
 * object store ({@code s3}); both keep every promise of this interface.
 */
public interface BlobStore {

    /** The store kept in {@code dir} on local disk, for tools that run beside the application (backup, restore). */
    static BlobStore onDisk(Path dir) throws IOException {
        return LocalBlobStore.open(dir);
    }

    /** Streams the bytes into the store; identical bytes are kept once. */
    default StoredBlob store(InputStream in) throws IOException {
        return store(in, null);
    }

    /**
     * Streams the bytes into the store, but only if their SHA-256 is {@code expectedSha256} (when not
     * null); otherwise throws {@link BlobMismatchException} and stores nothing.
     */
    StoredBlob store(InputStream in, String expectedSha256) throws IOException;

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

    /**
     * The local file behind a blob, for tools that need a path (Tika, thumbnails, ZIP packages).
     * An object store fetches it into a local cache first (and checks its SHA-256 on the way).
     */
    Path localPath(String sha256);

    /** Removes a blob; nothing happens if there is none. */
    void delete(String sha256) throws IOException;

    /**
     * Every blob's address, each once, in no particular order: for verifying the store against the
     * catalogue and for collecting unreferenced blobs. The caller closes the stream.
     */
    Stream<String> list() throws IOException;

    /** Every blob held, with its size, in no particular order; blobs still being written are not among them. */
    default List<StoredBlob> inventory() throws IOException {
        List<StoredBlob> all = new ArrayList<>();
        try (Stream<String> addresses = list()) {
            for (String sha : (Iterable<String>) addresses::iterator) {
                all.add(new StoredBlob(sha, resource(sha).contentLength(), true));
            }
        }
        return all;
    }

    /** Reads the blob through and tells whether its bytes still hash to its address. */
    default BlobCondition check(String sha256) throws IOException {
        if (!exists(sha256)) {
            return BlobCondition.MISSING;
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        try (InputStream in = new DigestInputStream(open(sha256), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest()).equals(sha256)
                ? BlobCondition.INTACT : BlobCondition.CORRUPT;
    }

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
