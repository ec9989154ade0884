package vn.hoclieu.maintenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import vn.hoclieu.maintenance.internal.DatabaseSnapshot;
import vn.hoclieu.maintenance.internal.ShellOptions;
import vn.hoclieu.storage.BlobStore;
import vn.hoclieu.storage.StoredBlob;

/**
 * {@code java -jar hoclieu.jar restore DIR}: puts a backup made by {@link BackupCommand} into an
 * empty data folder — every blob of the manifest, each hashed again on the way, and the database
 * snapshot. The caller then rebuilds the search index from them and verifies the result.
 */
public final class RestoreCommand {

    /** What follows {@code java -jar hoclieu.jar}: printed here on a bad usage, and by {@code help}. */
    public static final String USAGE = "restore DIR [--hoclieu.data-dir=DATA]";

    private RestoreCommand() {
    }

    /**
     * @return 0 when the data folder holds the backup now, 1 when it does but blobs of the backup were damaged,
     * 2 for bad usage, 3 when the database snapshot is damaged (nothing was restored)
     */
    public static int place(String[] args, PrintStream out) throws IOException {
        ShellOptions options = new ShellOptions(args);
        if (options.folders.size() != 1) {
            out.println("Usage: java -jar hoclieu.jar " + USAGE);
            return 2;
        }
        Path dir = Path.of(options.folders.get(0)).toAbsolutePath().normalize();
        Path database = dir.resolve(BackupCommand.DATABASE);
        Path manifest = dir.resolve(BackupCommand.MANIFEST);
        if (!Files.isRegularFile(database) || !Files.isRegularFile(manifest)) {
            out.println("Not a Hoclieu backup (no " + BackupCommand.DATABASE + " and " + BackupCommand.MANIFEST
                    + "): " + dir);
            return 2;
        }
        if (Files.exists(options.dataDir)) {
            try (Stream<Path> inside = Files.list(options.dataDir)) {
                if (inside.findAny().isPresent()) {
                    out.println("The data folder is not empty: " + options.dataDir + ". Restore into an empty or new "
                            + "folder (--hoclieu.data-dir=DATA), then start the server on it.");
                    return 2;
                }
            }
        }
        String entry;
        try {
            entry = DatabaseSnapshot.databaseEntry(database);
        } catch (IOException e) {
            out.println("The database snapshot is damaged: " + e.getMessage());
            return 3;
        }
        BlobStore from = BlobStore.onDisk(dir.resolve(BackupCommand.BLOBS));
        BlobStore into = BlobStore.onDisk(options.blobDir());
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        int restored = 0;
        int damaged = 0;
        long bytes = 0;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String sha = line.split("\t")[0];
            if (!from.exists(sha)) {
                out.println("  MISSING from the backup: " + sha);
                damaged++;
                continue;
            }
            StoredBlob copy;
            try (InputStream in = from.open(sha)) {
                copy = into.store(in);
            }
            if (!copy.sha256().equals(sha)) {
                out.println("  CORRUPT in the backup: " + sha);
                damaged++;
                continue;
            }
            restored++;
            bytes += copy.size();
        }
        Path db = options.dataDir.resolve("db");
        Files.createDirectories(db);
        try (ZipFile zip = new ZipFile(database.toFile())) {
            ZipEntry e = zip.getEntry(entry);
            // the file name alone: nothing in the ZIP decides where it is written
            Path target = db.resolve("hoclieu.mv.db");
            Path part = db.resolve("hoclieu.mv.db.part");
            try (InputStream in = zip.getInputStream(e)) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        }
        out.printf("Restored the database and %d blobs (%d bytes) into %s%n", restored, bytes, options.dataDir);
        if (damaged > 0) {
            out.println(damaged + " blobs of the manifest could not be restored; verify below names the resources "
                    + "that lack them.");
        }
        return damaged > 0 ? 1 : 0;
    }
}
