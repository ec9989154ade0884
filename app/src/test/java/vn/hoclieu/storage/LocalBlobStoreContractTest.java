package vn.hoclieu.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.hoclieu.storage.internal.LocalBlobStoreAccess;

/** The blob store contract on local disk, and where the local store puts its files. */
class LocalBlobStoreContractTest extends BlobStoreContract {

    private Path last;

    @Override
    protected BlobStore newStore(Path dir) throws Exception {
        last = dir;
        return LocalBlobStoreAccess.open(dir);
    }

    @Override
    protected BlobStore sameBlobsElsewhere(Path dir) throws Exception {
        return LocalBlobStoreAccess.open(last);
    }

    @Override
    protected List<String> streamingCheckArguments(Path dir) {
        return List.of("local", dir.toString());
    }

    @Test
    void aBlobIsOneFileNamedByItsAddressUnderTheFolder() throws Exception {
        BlobStore store = store();
        String sha = store.store(new ByteArrayInputStream(pattern(10))).sha256();
        store.store(new ByteArrayInputStream(pattern(10)));

        Path root = dir.resolve("store");
        assertThat(store.localPath(sha)).isEqualTo(root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4))
                .resolve(sha));
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).count()).as("one blob, no temp files left").isEqualTo(1);
        }
    }
}
