package vn.hoclieu.maintenance.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A consistent copy of the H2 database while it is in use: H2's {@code BACKUP TO} copies the
 * database file into a ZIP without locking anything; its copy-on-write store makes the copy one
 * committed state (a transaction still open is not in it).
 */
@Component
public class DatabaseSnapshot {

    private final DataSource dataSource;
    private final Path tmp;

    DatabaseSnapshot(DataSource dataSource, @Value("${hoclieu.data-dir}") Path dataDir) {
        this.dataSource = dataSource;
        this.tmp = dataDir.resolve("tmp");
    }

    /** A snapshot of the database the server runs on, in a temporary file the caller deletes. */
    public Path take() throws IOException, SQLException {
        Files.createDirectories(tmp);
        Path zip = tmp.resolve("database-" + UUID.randomUUID() + ".zip");
        try (Connection c = dataSource.getConnection()) {
            backup(c, zip);
        }
        return zip;
    }

    /** The name of the database file inside a snapshot; throws if the ZIP is damaged or holds none. */
    public static String databaseEntry(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".mv.db")).findFirst()
                    .orElseThrow(() -> new IOException("no database file in " + zip));
        }
    }

    /** {@code BACKUP TO zip} on the connection's database. */
    public static void backup(Connection c, Path zip) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
        }
    }
}
