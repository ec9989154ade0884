package vn.hoclieu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Role;
import vn.hoclieu.ingest.IngestService;

/**
 * One real instance shared by the integration tests: an HTTP server on a random port, H2 in file
 * mode, the Lucene index and the blob store in a fresh folder, and the sample library imported
 * from {@code sample-resources/} exactly as on a first start. In the PostgreSQL run of the build
 * ({@link Postgres}) the database is instead a fresh schema of its own on the PostgreSQL server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    protected static final String PASSWORD = "test-password-1";
    private static final Path DATA = createDataDir();
    /** In the PostgreSQL run: this JVM's schema, made afresh once (and dropped by a later run). */
    protected static final String SCHEMA = "hoclieu_it_" + ProcessHandle.current().pid();
    private static String postgresUrl;

    @LocalServerPort
    protected int port;

    @Autowired
    protected IngestService ingest;

    @Autowired
    protected AccountService accounts;

    @BeforeAll
    static void databaseReachable() {
        if (Postgres.active()) {
            Postgres.assumeReachable();
        }
    }

    /** The JDBC URL of this JVM's PostgreSQL schema (PostgreSQL run only), made on first use. */
    protected static synchronized String postgresUrl() {
        if (postgresUrl == null) {
            postgresUrl = Postgres.freshSchema(SCHEMA);
        }
        return postgresUrl;
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        if (Postgres.active()) {
            registry.add("spring.datasource.url", IntegrationTest::postgresUrl);
        }
        registry.add("hoclieu.data-dir", DATA::toString);
        registry.add("hoclieu.admin-password", () -> PASSWORD);
        registry.add("hoclieu.ingest.timeout", () -> "60s");
        // files are read on a thread of this JVM, not in extractor processes: the tests on this base class
        // need no child process (ExtractorPoolTest and the tests that start whole instances cover isolation)
        registry.add("hoclieu.ingest.isolation", () -> "false");
        // small OAI-PMH pages, so that the sample library alone takes several resumption tokens
        // (set here, not in the OAI test, so that every test class shares one application context)
        registry.add("hoclieu.oai.page-size", () -> "4");
        // a partner that is down is found out in well under a second, not after the default backoff
        registry.add("hoclieu.harvest.backoff", () -> "100ms");
        registry.add("hoclieu.harvest.timeout", () -> "10s");
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("hoclieu-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Creates the account once per context; returns its user name. */
    protected String account(String username, Role role, String libraryCode) {
        synchronized (IntegrationTest.class) {
            if (accounts.byUsername(username).isEmpty()) {
                accounts.create(username, PASSWORD, username, role, libraryCode);
            }
        }
        return username;
    }

    protected void awaitIngestIdle() {
        await(() -> ingest.unfinished() == 0, Duration.ofMinutes(3), "ingestion queue never emptied");
    }

    protected static void await(BooleanSupplier condition, Duration timeout, String failure) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(failure + " within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
