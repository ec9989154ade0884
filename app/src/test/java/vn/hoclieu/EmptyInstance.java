package vn.hoclieu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hoclieu.account.AccountService;

/**
 * A real instance of its own that nothing gets into: no sample library, 64 KB per file, 160 KB per
 * request, and a minimum free space (1 PB) larger than any disk, so that every upload within the size
 * limits meets a full disk. For the tests of the upload limits and of a catalogue with nothing in it;
 * the classes on this base share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EmptyInstance {

    protected static final String PASSWORD = "limits-password-1";
    /** The instance's data folder. */
    protected static final Path DATA = tempDir();

    @LocalServerPort
    protected int port;

    @Autowired
    protected AccountService accounts;

    @DynamicPropertySource
    static void nothingGetsIn(DynamicPropertyRegistry registry) {
        registry.add("hoclieu.data-dir", DATA::toString);
        registry.add("hoclieu.admin-password", () -> PASSWORD);
        registry.add("hoclieu.samples.import-on-start", () -> "false");
        registry.add("hoclieu.harvest.enabled", () -> "false");
        registry.add("hoclieu.ingest.isolation", () -> "false");
        registry.add("hoclieu.ingest.workers", () -> "1");
        registry.add("hoclieu.upload.max-file-size", () -> "64KB");
        registry.add("hoclieu.upload.max-request-size", () -> "160KB");
        registry.add("hoclieu.storage.min-free-space", () -> "1024TB"); // 1 PB
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("hoclieu-empty-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
