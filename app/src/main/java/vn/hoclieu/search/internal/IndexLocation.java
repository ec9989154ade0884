package vn.hoclieu.search.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the index lives. {@code hoclieu.search.index-dir} ({@code data/index}) is the first index;
 * a rebuild writes {@code data/index-20250101-120000-000} beside it, and once that is complete a
 * small pointer file, {@code data/index.current}, names it — replaced atomically (written to a
 * temporary file, fsynced, renamed), so after a crash at any moment the pointer names a complete
 * index: the old one until the rename, the new one after. Folders the pointer does not name are
 * leftovers (a rebuild that crashed, an index swapped out) and are deleted at start.
 */
final class IndexLocation {

    private static final Logger log = LoggerFactory.getLogger(IndexLocation.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path base;
    private final Path pointer;
    private final Pattern generations;

    IndexLocation(Path base) {
        this.base = base.toAbsolutePath().normalize();
        this.pointer = this.base.resolveSibling(this.base.getFileName() + ".current");
        this.generations = Pattern.compile(Pattern.quote(this.base.getFileName().toString()) + "(-[0-9-]+)?");
    }

    /** The index to open: the one the pointer names, else the configured folder. */
    Path current() throws IOException {
        if (Files.isRegularFile(pointer)) {
            String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
            Path named = base.resolveSibling(name);
            if (generations.matcher(name).matches() && Files.isDirectory(named)) {
                return named;
            }
            log.warn("{} names {}, which is not an index folder; using {} (reconciliation at start repairs it)",
                    pointer, name, base);
        }
        return base;
    }

    /** A fresh folder beside the current index, for a rebuild. */
    Path next() throws IOException {
        Path candidate;
        do {
            candidate = base.resolveSibling(base.getFileName() + "-" + LocalDateTime.now().format(STAMP));
        } while (Files.exists(candidate));
        Files.createDirectories(candidate);
        return candidate;
    }

    /** Makes {@code index} the one opened from now on, after restarts too. */
    void point(Path index) throws IOException {
        Path temp = pointer.resolveSibling(pointer.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap((index.getFileName() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(temp, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsync(pointer.getParent());
    }

    /** Index folders other than {@code current}: rebuilds that never finished, indexes swapped out. */
    List<Path> leftovers(Path current) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(base.getParent())) {
            siblings.filter(Files::isDirectory)
                    .filter(p -> generations.matcher(p.getFileName().toString()).matches())
                    .filter(p -> !p.toAbsolutePath().normalize().equals(current.toAbsolutePath().normalize()))
                    .forEach(out::add);
        }
        return out;
    }

    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("could not delete the old index folder {}: {}", dir, e.toString());
        }
    }

    private static void fsync(Path dir) {
        // makes the rename durable; not every platform can open a directory, which is fine
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
