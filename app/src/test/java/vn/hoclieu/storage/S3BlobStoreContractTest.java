package vn.hoclieu.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.s3.S3Client;
import vn.hoclieu.S3Server;
import vn.hoclieu.storage.internal.S3BlobStoreAccess;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/**
 * The blob store contract against a real S3-compatible server (S3Proxy in a JVM of its own); each
 * test has a prefix of its own in one bucket, as instances sharing a bucket would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag(TestGroups.SERVER)
class S3BlobStoreContractTest extends BlobStoreContract {

    private static final String BUCKET = "contract";
    private final AtomicInteger tests = new AtomicInteger();
    private S3Server server;
    private String prefix;

    @BeforeAll
    void startServer() throws Exception {
        server = S3Server.start();
        server.createBucket(BUCKET);
    }

    @AfterAll
    void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected BlobStore newStore(Path dir) throws Exception {
        prefix = "test-" + tests.incrementAndGet() + "/blobs";
        return open(dir);
    }

    @Override
    protected BlobStore sameBlobsElsewhere(Path dir) throws Exception {
        return open(dir);
    }

    private BlobStore open(Path dir) throws Exception {
        return S3BlobStoreAccess.open(new StorageProperties(dir, "s3", server.settings(BUCKET, prefix, dir.resolve("cache"))));
    }

    @Override
    protected List<String> streamingCheckArguments(Path dir) {
        prefix = "streaming-" + tests.incrementAndGet();
        return List.of("s3", dir.toString(), server.endpoint().toString(), BUCKET, prefix, S3Server.ACCESS_KEY,
                S3Server.SECRET_KEY);
    }

    @Test
    void blobsAreObjectsNamedByTheirAddressUnderThePrefixAndNothingElseIsLeftInTheBucket() throws Exception {
        BlobStore store = store();
        String sha = store.store(new ByteArrayInputStream(pattern(1000))).sha256();
        store.store(new ByteArrayInputStream(pattern(1000)));

        try (S3Client client = server.client()) {
            List<String> keys = client.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                    .map(o -> o.key())
                    .filter(key -> !key.endsWith("/")) // S3Proxy's file system shows its folders as markers
                    .toList();
            assertThat(keys).containsExactly(prefix + "/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha);
            assertThat(client.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).as("no unfinished upload").isEmpty();
        }
        assertThat(Files.readAllBytes(store.localPath(sha))).isEqualTo(pattern(1000));
    }
}
