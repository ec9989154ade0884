package vn.hoclieu;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL side of the test run. The build runs the persistence and integration tests a
 * second time with {@code -Dspring.profiles.active=postgres} (pom.xml, execution {@code postgres});
 * then each test JVM works in a schema of its own, dropped and created afresh when it starts, on
 * the server named by {@code HOCLIEU_DB_URL} (default: a local server, role and database
 * {@code hoclieu}). With no server there the run is skipped with a message, unless
 * {@code HOCLIEU_REQUIRE_TOOLS=true} ({@code .ci/run} sets it): then it fails.
 */
public final class Postgres {

    private static final String URL = setting("hoclieu.db.url", "jdbc:postgresql://127.0.0.1:5432/hoclieu");
    private static final String USER = setting("hoclieu.db.user", "hoclieu");
    private static final String PASSWORD = setting("hoclieu.db.password", "hoclieu");
    private static String unreachable;
    private static boolean checked;

    private Postgres() {
    }

    /** Whether this test JVM runs against PostgreSQL (the {@code postgres} profile is active). */
    public static boolean active() {
        return Arrays.asList(System.getProperty("spring.profiles.active", "").split(",")).contains("postgres");
    }

    /**
     * Skips the calling test class when no server answers (a developer without PostgreSQL), or
     * fails it when one is required (CI).
     */
    public static synchronized void assumeReachable() {
        if (!checked) {
            checked = true;
            try (Connection c = connect()) {
                unreachable = null;
            } catch (SQLException e) {
                unreachable = "PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                        + "): the PostgreSQL run of the tests is skipped. Start a server with a role and database"
                        + " 'hoclieu' (apt-get install postgresql, then see .ci/run) or set HOCLIEU_DB_URL,"
                        + " HOCLIEU_DB_USER, HOCLIEU_DB_PASSWORD.";
                System.err.println("*** " + unreachable);
            }
        }
        if (unreachable != null) {
            if (Tool.required()) {
                throw new AssertionError(unreachable.replace("is skipped", "is required (HOCLIEU_REQUIRE_TOOLS)"));
            }
            Assumptions.abort(unreachable);
        }
    }

    /** Drops {@code schema} if it is there, creates it empty, and returns the JDBC URL that works in it. */
    public static String freshSchema(String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException(schema);
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            dropLeftOver(s, "hoclieu_it_");
            s.execute("drop schema if exists " + schema + " cascade");
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not make schema " + schema + ": " + e.getMessage(), e);
        }
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /**
     * Drops the schemas earlier test JVMs of this machine left ({@code <prefix><pid>} whose process
     * has ended): a schema is not dropped at the end of its own run, while the application may
     * still be writing to it.
     */
    private static void dropLeftOver(Statement s, String prefix) throws SQLException {
        List<String> left = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select nspname from pg_namespace where nspname like '" + prefix + "%'")) {
            while (rs.next()) {
                left.add(rs.getString(1));
            }
        }
        for (String schema : left) {
            String pid = schema.substring(prefix.length()).replaceAll("_.*", "");
            if (pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    /** A plain connection to the server, for checks a test makes beside the application. */
    public static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, USER, PASSWORD);
    }

    /** Arguments that put a child {@link Instance} on this server, in the schema of {@code jdbcUrl}. */
    public static String[] instanceSettings(String jdbcUrl) {
        return new String[] {"--spring.profiles.active=postgres", "--hoclieu.db.url=" + jdbcUrl,
                "--hoclieu.db.user=" + USER, "--hoclieu.db.password=" + PASSWORD};
    }

    private static Connection connect() throws SQLException {
        return connect(URL);
    }

    /** A system property, else its environment variable (HOCLIEU_DB_URL for hoclieu.db.url), else the default. */
    private static String setting(String name, String fallback) {
        return Tool.setting(name, fallback);
    }
}
