package vn.hoclieu.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import vn.hoclieu.storage.BlobMismatchException;
import vn.hoclieu.storage.DiskSpace;

/**
 * Bytes streamed into a temp file while their SHA-256 is computed: the address is known only once the
 * last byte has arrived, so every store writes aside first. The caller deletes {@link #file}.
 */
record Spool(Path file, String sha256, long size) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * @param fsync whether the temp file is forced to disk (it is the blob itself for the local store;
     *              only a staging copy for the object store)
     */
    static Spool of(InputStream in, Path tmpDir, boolean fsync, String expectedSha256) throws IOException {
        return of(in, tmpDir, fsync, expectedSha256, null);
    }

    /**
     * @param space when not null, the copy goes through it, so that it can stop an upload that would
     *              leave the volume with less than its minimum free space
     */
    static Spool of(InputStream in, Path tmpDir, boolean fsync, String expectedSha256, DiskSpace space)
            throws IOException {
        Path temp = Files.createTempFile(tmpDir, "upload-", ".part");
        try {
            MessageDigest digest = newDigest();
            long size;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel);
                 DigestInputStream digesting = new DigestInputStream(in, digest)) {
                size = space == null ? digesting.transferTo(out) : space.copy(digesting, out);
                out.flush();
                if (fsync) {
                    channel.force(true);
                }
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            if (expectedSha256 != null && !expectedSha256.equals(sha)) {
                throw new BlobMismatchException(expectedSha256, sha);
            }
            return new Spool(temp, sha, size);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Refuses anything that is not a lower-case hex SHA-256, so that no address can name another path. */
    static String checked(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 address: " + sha256);
        }
        return sha256;
    }

    static boolean isAddress(String name) {
        return SHA256.matcher(name).matches();
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
