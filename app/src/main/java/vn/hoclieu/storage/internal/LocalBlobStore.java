package vn.hoclieu.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import vn.hoclieu.storage.BlobStore;
import vn.hoclieu.storage.DiskSpace;
import vn.hoclieu.storage.StorageProperties;
import vn.hoclieu.storage.StoredBlob;

/**
 * Blobs on local disk at {@code dir/ab/cd/abcd…}. Bytes go to a temp file in the same file system,
 * are fsynced, then moved atomically into place, so a crash never leaves a half-written blob under
 * its final name.
 */
@Component
@ConditionalOnProperty(name = "hoclieu.storage.type", havingValue = "local", matchIfMissing = true)
public class LocalBlobStore implements BlobStore {

    private final Path root;
    private final Path tmp;
    private final DiskSpace space;

    LocalBlobStore(StorageProperties properties) throws IOException {
        this(properties, new VolumeSpace(properties));
    }

    @Autowired
    LocalBlobStore(StorageProperties properties, DiskSpace space) throws IOException {
        this.root = properties.dir().toAbsolutePath().normalize();
        this.tmp = root.resolve("tmp");
        this.space = space;
        Files.createDirectories(tmp);
    }

    /** A store over {@code dir} outside the application (the shell's backup and restore). */
    public static BlobStore open(Path dir) throws IOException {
        return new LocalBlobStore(StorageProperties.local(dir));
    }

    @Override
    public StoredBlob store(InputStream in, String expectedSha256) throws IOException {
        return store(in, expectedSha256, -1);
    }

    @Override
    public StoredBlob store(InputStream in, long expectedSize) throws IOException {
        return store(in, null, expectedSize);
    }

    private StoredBlob store(InputStream in, String expectedSha256, long expectedSize) throws IOException {
        space.requireRoom(expectedSize);
        // checked as it streams: a large upload that would cross the line stops, and its part file goes
        Spool spool = Spool.of(in, tmp, true, expectedSha256, space);
        try {
            String sha = spool.sha256();
            Path target = localPath(sha);
            if (Files.exists(target)) {
                return new StoredBlob(sha, spool.size(), true);
            }
            Files.createDirectories(target.getParent());
            try {
                // a hard link never replaces an existing name, so of two writers of the same bytes
                // (threads or processes) exactly one sees the blob as new; a rename would overwrite
                Files.createLink(target, spool.file());
            } catch (FileAlreadyExistsException raced) {
                return new StoredBlob(sha, spool.size(), true);
            } catch (UnsupportedOperationException | IOException noHardLinks) {
                moveInto(spool.file(), target);
            }
            fsyncDirectory(target.getParent());
            return new StoredBlob(sha, spool.size(), false);
        } finally {
            Files.deleteIfExists(spool.file());
        }
    }

    /** For file systems without hard links: an atomic rename (which may replace an identical blob). */
    private void moveInto(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the blob folder must be on one file system: " + root, e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(localPath(sha256));
    }

    @Override
    public Resource resource(String sha256) {
        return new FileSystemResource(localPath(sha256));
    }

    @Override
    public Path localPath(String sha256) {
        Spool.checked(sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    @Override
    public void delete(String sha256) throws IOException {
        Path file = localPath(sha256);
        if (Files.deleteIfExists(file)) {
            fsyncDirectory(file.getParent());
        }
    }

    @Override
    public Stream<String> list() throws IOException {
        // blobs sit exactly three levels down (ab/cd/abcd…); the temp folder holds no addresses
        return Files.find(root, 3, (path, attributes) -> attributes.isRegularFile() && !path.startsWith(tmp)
                        && Spool.isAddress(path.getFileName().toString()))
                .map(path -> path.getFileName().toString());
    }

    static void fsyncDirectory(Path dir) {
        // Makes the rename itself durable; not every platform can open a directory, which is fine.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
