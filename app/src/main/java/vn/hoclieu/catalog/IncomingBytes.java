package vn.hoclieu.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.internal.FileNames;
import vn.hoclieu.catalog.internal.ResourceFileRepository;
import vn.hoclieu.concurrent.StripedLocks;
import vn.hoclieu.storage.BlobStore;
import vn.hoclieu.storage.StoredBlob;

/**
 * The bytes of an upload on their way in, for every path that takes files (a new upload, a teacher
 * replacing the file of a submission): stored first, then judged by what they are, refused as a
 * program or a kind the site does not take, or as a copy of material the uploader can already see.
 */
@Component
class IncomingBytes {

    private static final Logger log = LoggerFactory.getLogger(IncomingBytes.class);

    /** Two uploads of the same bytes at once must not both pass the duplicate check: one lock per SHA-256. */
    private final StripedLocks sameBytes = new StripedLocks(64);

    private final BlobStore blobs;
    private final ResourceFileRepository files;
    private final FileKinds kinds;
    private final UploadKinds allowed;

    IncomingBytes(BlobStore blobs, ResourceFileRepository files, FileKinds kinds, UploadKinds allowed) {
        this.blobs = blobs;
        this.files = files;
        this.kinds = kinds;
        this.allowed = allowed;
    }

    /** A file whose bytes are in the store, under the name it will be kept by. */
    record Stored(String name, String mediaType, StoredBlob blob) {
    }

    /** Streams one file into the blob store; an empty one is refused (400). */
    Stored store(IncomingFile file) {
        String name = FileNames.safe(file.name());
        StoredBlob blob;
        try (InputStream in = file.content().getInputStream()) {
            blob = blobs.store(in, file.size());
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + name, e);
        }
        if (blob.size() == 0) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.emptyFile", name);
        }
        return new Stored(name, FileNames.mediaType(name, file.declaredType()), blob);
    }

    /** Holds the stripe locks of these files' bytes until closed. */
    StripedLocks.Held lock(List<Stored> stored) {
        return sameBytes.lockAll(stored.stream().map(f -> f.blob().sha256()).toList());
    }

    /**
     * Refuses the files if any one's bytes are of a kind the site does not take (a program, always): by
     * what the bytes are, never by the type the client declared. The bytes this upload alone stored are
     * removed. Call under {@link #lock}.
     *
     * @throws RefusedKindException naming the file and what its bytes are
     */
    void screen(List<Stored> stored, Viewer uploader) {
        for (Stored f : stored) {
            FileKinds.Judged judged;
            try {
                judged = kinds.judge(blobs.localPath(f.blob().sha256()), f.name());
            } catch (IOException e) {
                throw new UncheckedIOException("could not read back " + f.name(), e);
            }
            if (!allowed.allows(judged.kind())) {
                log.info("refused {} from {}: {} ({}{})", f.name(), uploader.username(), judged.kind(),
                        judged.mediaType(), judged.inside() == null ? "" : ", holding " + judged.inside());
                discard(stored);
                throw new RefusedKindException(f.name(), judged);
            }
        }
    }

    /**
     * The same bytes already in a resource the uploader can see (other than {@code except}) are a
     * duplicate; bytes in a resource hidden from them are simply shared (stored once), so nothing leaks.
     * Call in the transaction that writes the rows, under {@link #lock}.
     */
    void refuseDuplicates(List<Stored> stored, Viewer uploader, Long except) {
        for (Stored f : stored) {
            for (ResourceFile existing : files.findBySha256(f.blob().sha256())) {
                Resource r = existing.getResource();
                if (!r.getId().equals(except) && Access.canView(uploader, r)) {
                    throw new DuplicateResourceException(f.name(), r.getId(), r.getTitle());
                }
            }
        }
    }

    /** Removes the bytes this upload wrote that no file refers to; call under {@link #lock}. */
    void discard(List<Stored> stored) {
        for (Stored f : stored) {
            forget(f.blob().alreadyPresent() ? null : f.blob().sha256());
        }
    }

    /** Removes a blob that no file refers to any more (nothing for null); call under the lock of its bytes. */
    void forget(String sha256) {
        if (sha256 != null && files.findBySha256(sha256).isEmpty()) {
            try {
                blobs.delete(sha256);
            } catch (IOException | RuntimeException ignored) {
                // left for verify to report as an orphan
            }
        }
    }

    /** Holds the stripe locks of these blobs' bytes until closed. */
    StripedLocks.Held lockBytes(Collection<String> sha256s) {
        return sameBytes.lockAll(sha256s);
    }
}
