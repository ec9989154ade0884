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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import vn.hoclieu.storage.BlobStore;
import vn.hoclieu.storage.StorageProperties;
import vn.hoclieu.storage.StoredBlob;

/**
 * Blobs on local disk at {@code dir/ab/cd/abcd…}. Bytes go to a temp file in the same file system,
 * are fsynced, then moved atomically into place, so a crash never leaves a half-written blob under
 * its final name.
 */
@Component
public class LocalBlobStore implements BlobStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path tmp;

    LocalBlobStore(StorageProperties properties) throws IOException {
        this.root = properties.dir().toAbsolutePath().normalize();
        this.tmp = root.resolve("tmp");
        Files.createDirectories(tmp);
    }

    /** A store over {@code dir} outside the application (the shell's backup and restore). */
    public static BlobStore open(Path dir) throws IOException {
        return new LocalBlobStore(new StorageProperties(dir));
    }

    @Override
    public StoredBlob store(InputStream in) throws IOException {
        Path temp = Files.createTempFile(tmp, "upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long size;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel);
                 DigestInputStream digesting = new DigestInputStream(in, digest)) {
                size = digesting.transferTo(out);
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

    @Override
    public List<StoredBlob> list() throws IOException {
        List<StoredBlob> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                // only files at their address (ab/cd/abcd…): the temp folder and strays are not blobs
                if (SHA256.matcher(name).matches() && p.equals(localPath(name)) && Files.isRegularFile(p)) {
                    all.add(new StoredBlob(name, Files.size(p), true));
                }
            }
        }
        return all;
    }

    @Override
    public BlobCondition check(String sha256) throws IOException {
        Path p = localPath(sha256);
        if (!Files.isRegularFile(p)) {
            return BlobCondition.MISSING;
        }
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest()).equals(sha256) ? BlobCondition.INTACT : BlobCondition.CORRUPT;
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
