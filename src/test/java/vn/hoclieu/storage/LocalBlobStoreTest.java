package vn.hoclieu.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoclieu.storage.internal.LocalBlobStoreAccess;

class LocalBlobStoreTest {

    @TempDir
    Path dir;

    @Test
    void storesBytesUnderTheirSha256() throws Exception {
        BlobStore store = LocalBlobStoreAccess.open(dir);
        byte[] bytes = "Học tập suốt đời".getBytes(StandardCharsets.UTF_8);

        StoredBlob blob = store.store(new ByteArrayInputStream(bytes));

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(blob.sha256()).isEqualTo(expected);
        assertThat(blob.size()).isEqualTo(bytes.length);
        assertThat(blob.alreadyPresent()).isFalse();
        assertThat(store.exists(expected)).isTrue();
        try (InputStream in = store.open(expected)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(store.localPath(expected)).startsWith(dir).hasFileName(expected);
    }

    @Test
    void identicalBytesAreKeptOnce() throws Exception {
        BlobStore store = LocalBlobStoreAccess.open(dir);
        byte[] bytes = "same".getBytes(StandardCharsets.UTF_8);
        StoredBlob first = store.store(new ByteArrayInputStream(bytes));
        StoredBlob second = store.store(new ByteArrayInputStream(bytes));

        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.alreadyPresent()).isTrue();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).count()).as("one blob, no temp files left").isEqualTo(1);
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws Exception {
        BlobStore store = LocalBlobStoreAccess.open(dir);
        InputStream failing = new InputStream() {
            int n;

            @Override
            public int read() throws IOException {
                if (n++ > 1000) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> store.store(failing)).isInstanceOf(IOException.class);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).count()).isZero();
        }
    }

    @Test
    void refusesAddressesThatAreNotSha256() throws Exception {
        BlobStore store = LocalBlobStoreAccess.open(dir);
        assertThatThrownBy(() -> store.localPath("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
