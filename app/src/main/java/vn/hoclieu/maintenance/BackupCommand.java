package vn.hoclieu.maintenance;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.hoclieu.maintenance.internal.DatabaseSnapshot;
import vn.hoclieu.maintenance.internal.ShellOptions;
import vn.hoclieu.storage.BlobStore;
import vn.hoclieu.storage.StoredBlob;

/**
 * {@code java -jar hoclieu.jar backup DIR}: a consistent snapshot of the database, then a copy of
 * every blob into {@code DIR/blobs} (content-addressed, so a second backup into the same folder
 * copies only the new ones) and {@code DIR/manifest.tsv} (SHA-256 and size of each).
 *
 * <p>While a server runs on the data folder its database is locked: the snapshot is then taken by
 * that server ({@code POST /api/v1/admin/backup}, an administrator's credentials) and downloaded;
 * otherwise the database is opened here. Blobs are read from the data folder directly in both
 * cases (they are written once and never changed), so the command runs on the server's machine.
 * The snapshot is taken before the blobs are listed: every blob it refers to was stored before
 * its row was committed, so it is among them. The manifest replaces the old one before the
 * database does, so an interrupted backup never leaves a database whose blobs are not listed.
 */
public final class BackupCommand {

    /** What follows {@code java -jar hoclieu.jar}: printed here on a bad usage, and by {@code help}. */
    public static final String USAGE =
            "backup DIR [--hoclieu.data-dir=DATA] [--url=http://127.0.0.1:8080] [--user=NAME]";

    static final String DATABASE = "database.zip";
    static final String MANIFEST = "manifest.tsv";
    static final String BLOBS = "blobs";

    private BackupCommand() {
    }

    /** @return the exit code: 0 done, 1 done but blobs of the data folder are damaged or the snapshot failed, 2 usage */
    public static int run(String[] args, PrintStream out) throws Exception {
        ShellOptions options = new ShellOptions(args);
        if (options.folders.size() != 1) {
            out.println("Usage: java -jar hoclieu.jar " + USAGE);
            return 2;
        }
        Path dir = Path.of(options.folders.get(0)).toAbsolutePath().normalize();
        if (dir.startsWith(options.dataDir)) {
            out.println("The backup folder must be outside the data folder " + options.dataDir);
            return 2;
        }
        Files.createDirectories(dir);
        Path database = dir.resolve(DATABASE + ".part");
        String source;
        try (Connection c = options.openDatabase()) {
            DatabaseSnapshot.backup(c, database);
            source = "opened directly (no server running on it)";
        } catch (SQLException e) {
            if (ShellOptions.notFound(e)) {
                out.println("No Hoclieu database in " + options.dataDir + " (give --hoclieu.data-dir=DATA)");
                return 2;
            }
            if (!ShellOptions.inUse(e)) {
                throw e;
            }
            String failure = fromServer(options, database);
            if (failure != null) {
                out.println("The data folder is in use by a running server, and its snapshot failed: " + failure);
                return 1;
            }
            source = "taken by the running server at " + options.serverUrl();
        }
        DatabaseSnapshot.databaseEntry(database); // a whole ZIP with the database in it, or an exception
        BlobStore from = BlobStore.onDisk(options.blobDir());
        BlobStore into = BlobStore.onDisk(dir.resolve(BLOBS));
        List<StoredBlob> blobs = from.inventory();
        StringBuilder manifest = new StringBuilder("# Hoclieu backup of " + options.dataDir + " at " + Instant.now()
                + "\n# sha256\tsize\n");
        List<String> damaged = new ArrayList<>();
        long copied = 0;
        long bytes = 0;
        for (StoredBlob b : blobs) {
            if (!into.exists(b.sha256())) {
                StoredBlob copy;
                try (InputStream in = from.open(b.sha256())) {
                    copy = into.store(in);
                }
                if (!copy.sha256().equals(b.sha256())) {
                    damaged.add(b.sha256()); // its bytes no longer hash to its address: not a copy of it
                    continue;
                }
                copied++;
                bytes += copy.size();
            }
            manifest.append(b.sha256()).append('\t').append(b.size()).append('\n');
        }
        Path manifestPart = dir.resolve(MANIFEST + ".part");
        Files.writeString(manifestPart, manifest, StandardCharsets.UTF_8);
        Files.move(manifestPart, dir.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Files.move(database, dir.resolve(DATABASE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        out.printf(Locale.ROOT, "Database snapshot (%d bytes) %s%n", Files.size(dir.resolve(DATABASE)), source);
        out.printf(Locale.ROOT, "Blobs: %d in the manifest, %d copied now (%d bytes), %d already in the backup%n",
                blobs.size() - damaged.size(), copied, bytes, blobs.size() - damaged.size() - copied);
        for (String sha : damaged) {
            out.println("  CORRUPT in the data folder, not backed up: " + sha + " (java -jar hoclieu.jar verify names its "
                    + "resource)");
        }
        out.println((damaged.isEmpty() ? "Backup complete: " : "Backup made, with damaged blobs left out: ") + dir);
        return damaged.isEmpty() ? 0 : 1;
    }

    /** Downloads the running server's snapshot into {@code into}; returns why it failed, or null. */
    private static String fromServer(ShellOptions options, Path into) throws Exception {
        HttpResponse<InputStream> r;
        try {
            r = options.postToServer("/api/v1/admin/backup", HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            return "no server answers at " + options.serverUrl() + " (give --url=http://host:port)";
        }
        try (InputStream body = r.body()) {
            if (r.statusCode() != 200) {
                return ShellOptions.refusal(r.statusCode());
            }
            Files.copy(body, into, StandardCopyOption.REPLACE_EXISTING);
        }
        return null;
    }
}
