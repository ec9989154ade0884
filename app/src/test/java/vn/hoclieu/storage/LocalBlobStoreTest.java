package vn.hoclieu.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoclieu.Messages;
import vn.hoclieu.storage.internal.LocalBlobStoreAccess;

/** The local store keeps its volume's minimum of free space (what both stores share is in {@link BlobStoreContract}). */
class LocalBlobStoreTest {

    @TempDir
    Path dir;

    @Test
    void aVolumeBelowTheMinimumFreeSpaceRefusesTheUploadBeforeReadingIt() throws Exception {
        // a minimum far larger than any disk: the check is the real file system's free space
        BlobStore store = LocalBlobStoreAccess.open(dir, 1L << 50);
        Zeros zeros = new Zeros(1 << 20);
        assertThatThrownBy(() -> store.store(zeros, 1 << 20))
                .isInstanceOfSatisfying(InsufficientStorageException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(507);
                    assertThat(e.minimumBytes()).isEqualTo(1L << 50);
                    assertThat(Messages.english(e.messageCode(), e.arguments()))
                            .contains("free").contains("1 PB");
                });
        assertThat(zeros.read).as("nothing was read").isZero();
        assertNoFiles();
    }

    @Test
    void anUploadThatWouldCrossTheMinimumStopsWhileStreamingAndItsPartFileIsRemoved() throws Exception {
        long free = Files.getFileStore(dir).getUsableSpace();
        // the line is 128 MB below the free space now: a stream of 4 GB crosses it part-way
        BlobStore store = LocalBlobStoreAccess.open(dir, free - (128L << 20));
        Zeros zeros = new Zeros(4L << 30);
        assertThatThrownBy(() -> store.store(zeros)).isInstanceOf(InsufficientStorageException.class);
        assertThat(zeros.read).as("refused part-way, not before and not at the end")
                .isGreaterThan(1L << 20).isLessThan(1L << 30);
        assertNoFiles();
    }

    private void assertNoFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).toList()).as("no blob, no partial file").isEmpty();
        }
    }

    /** {@code size} zero bytes, made as they are read (no memory), counting what was read. */
    private static final class Zeros extends InputStream {
        private final long size;
        long read;

        Zeros(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read >= size) {
                return -1;
            }
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            Arrays.fill(b, off, off + n, (byte) 0);
            read += n;
            return n;
        }
    }
}
