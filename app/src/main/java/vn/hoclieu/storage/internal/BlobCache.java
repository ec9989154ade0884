package vn.hoclieu.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local copies of remote blobs ({@code dir/ab/cd/abcd…}) for the tools that need a file, and the
 * staging folder of uploads. A copy never goes stale (its name is its content), so the only policy
 * is size: beyond {@code maxBytes} the least recently used copies are removed (a copy's modification
 * time is its last use). A removed copy is fetched again when next needed.
 *
 * <p>The accounting is exact: each copy is counted once by its address (the same blob adopted again —
 * a duplicate upload, two fetches racing — replaces the file and its count, never adds to it), the
 * count is taken from the disk at start and again at each pruning, and every change of a copy and
 * of its count happens under one lock, so the count is what the disk holds.
 */
final class BlobCache {

    private static final Logger log = LoggerFactory.getLogger(BlobCache.class);

    private final Path root;
    private final Path tmp;
    private final long maxBytes;
    /** Bytes of each copy counted, by address; {@link #bytes} is their sum. Guarded by {@code this}. */
    private final Map<String, Long> counted = new HashMap<>();
    private long bytes;

    BlobCache(Path root, long maxBytes) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
        this.maxBytes = maxBytes;
        Files.createDirectories(tmp);
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path leftover : files.toList()) {
                Files.deleteIfExists(leftover); // staging files of a process that stopped mid-upload
            }
        }
        recount();
    }

    /** The bytes the cache counts as held (what pruning compares with its limit). */
    synchronized long bytes() {
        return bytes;
    }

    /** Counts again what the disk holds: a copy removed or changed behind the cache's back is not counted. */
    private synchronized void recount() {
        counted.clear();
        bytes = 0;
        for (Path copy : copies()) {
            long size = sizeOf(copy);
            counted.put(copy.getFileName().toString(), size);
            bytes += size;
        }
    }

    Path tmp() {
        return tmp;
    }

    Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /** The copy, marked as just used, or null when there is none. */
    Path hit(String sha256) {
        Path copy = path(sha256);
        try {
            Files.setLastModifiedTime(copy, FileTime.fromMillis(System.currentTimeMillis()));
            return copy;
        } catch (NoSuchFileException none) {
            return null;
        } catch (IOException e) {
            return Files.isRegularFile(copy) ? copy : null;
        }
    }

    /** Moves a verified file (its SHA-256 is {@code sha256}) in as the copy of that blob. */
    Path adopt(Path file, String sha256) throws IOException {
        Path copy = path(sha256);
        Files.createDirectories(copy.getParent());
        long size = Files.size(file);
        boolean over;
        synchronized (this) {
            try {
                // on POSIX a rename replaces a copy already there (the same bytes): it is counted once
                Files.move(file, copy, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(file);
                size = sizeOf(copy);
            }
            Long before = counted.put(sha256, size);
            bytes += size - (before == null ? 0 : before);
            over = bytes > maxBytes;
        }
        if (over) {
            prune(copy);
        }
        return copy;
    }

    synchronized void remove(String sha256) throws IOException {
        Files.deleteIfExists(path(sha256));
        Long size = counted.remove(sha256);
        if (size != null) {
            bytes -= size;
        }
    }

    /** Removes the least recently used copies until the cache is at 90% of its limit, keeping {@code keep}. */
    private synchronized void prune(Path keep) {
        recount(); // the disk is the truth: what was removed behind the cache's back no longer counts
        if (bytes <= maxBytes) {
            return;
        }
        List<Path> copies = new ArrayList<>(copies());
        copies.sort(Comparator.comparingLong(BlobCache::lastUse));
        long target = maxBytes / 10 * 9;
        for (Path copy : copies) {
            if (bytes <= target) {
                break;
            }
            if (!copy.equals(keep)) {
                try {
                    Files.deleteIfExists(copy);
                    Long size = counted.remove(copy.getFileName().toString());
                    if (size != null) {
                        bytes -= size;
                    }
                } catch (IOException e) {
                    log.warn("could not remove the cached copy {}: {}", copy, e.toString());
                }
            }
        }
    }

    private List<Path> copies() {
        try (Stream<Path> files = Files.find(root, 3, (path, attributes) -> attributes.isRegularFile()
                && !path.startsWith(tmp) && Spool.isAddress(path.getFileName().toString()))) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long lastUse(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
