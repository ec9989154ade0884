package vn.hoclieu.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
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
class LocalBlobStore implements BlobStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path tmp;
    private final DiskSpace space;

    LocalBlobStore(StorageProperties properties) throws IOException {
        this(properties, new VolumeSpace(properties));
    }

    @org.springframework.beans.factory.annotation.Autowired
    LocalBlobStore(StorageProperties properties, DiskSpace space) throws IOException {
        this.root = properties.dir().toAbsolutePath().normalize();
        this.tmp = root.resolve("tmp");
        this.space = space;
        Files.createDirectories(tmp);
    }

    @Override
    public StoredBlob store(InputStream in) throws IOException {
        return store(in, -1);
    }

    @Override
    public StoredBlob store(InputStream in, long expectedSize) throws IOException {
        space.requireRoom(expectedSize);
        Path temp = Files.createTempFile(tmp, "upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long size;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel);
                 DigestInputStream digesting = new DigestInputStream(in, digest)) {
                // checked as it streams: a large upload that would cross the line stops, and its part file goes
                size = space.copy(digesting, out);
                out.flush();
                channel.force(true);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = localPath(sha);
            if (Files.exists(target)) {
                return new StoredBlob(sha, size, true);
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                return new StoredBlob(sha, size, true);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the blob folder must be on one file system: " + root, e);
            }
            fsyncDirectory(target.getParent());
            return new StoredBlob(sha, size, false);
        } finally {
            Files.deleteIfExists(temp);
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
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 address: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static void fsyncDirectory(Path dir) {
        // Makes the rename itself durable; not every platform can open a directory, which is fine.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
