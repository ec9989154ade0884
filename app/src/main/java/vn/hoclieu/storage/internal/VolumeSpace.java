package vn.hoclieu.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;
import vn.hoclieu.storage.DiskSpace;
import vn.hoclieu.storage.InsufficientStorageException;
import vn.hoclieu.storage.StorageProperties;

/**
 * Free space of the volume holding the blob store, asked of the file system (statvfs) before an
 * upload is written and after every mebibyte of it.
 */
@Component
class VolumeSpace implements DiskSpace {

    private static final int CHECK_EVERY = 1 << 20;

    private final FileStore volume;
    private final long minimum;

    VolumeSpace(StorageProperties properties) {
        try {
            Path dir = properties.dir().toAbsolutePath().normalize();
            Files.createDirectories(dir);
            this.volume = Files.getFileStore(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the storage folder " + properties.dir(), e);
        }
        this.minimum = properties.minFreeSpace().toBytes();
    }

    @Override
    public void requireRoom(long expectedBytes) {
        long free = free();
        if (free - Math.max(0, expectedBytes) < minimum) {
            throw new InsufficientStorageException(free, minimum);
        }
    }

    @Override
    public long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        long sinceCheck = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            total += n;
            sinceCheck += n;
            if (sinceCheck >= CHECK_EVERY) {
                sinceCheck = 0;
                requireRoom(0);
            }
        }
        return total;
    }

    private long free() {
        try {
            return volume.getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
