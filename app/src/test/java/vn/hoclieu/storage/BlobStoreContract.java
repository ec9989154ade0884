package vn.hoclieu.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.Resource;
import org.springframework.util.StreamUtils;
import vn.hoclieu.TestGroups;

/**
 * What every {@link BlobStore} promises, run against each implementation with the same assertions:
 * the local folder ({@code LocalBlobStoreContractTest}) and an S3-compatible server
 * ({@code S3BlobStoreContractTest}).
 */
abstract class BlobStoreContract {

    @TempDir
    Path dir;

    private final List<BlobStore> opened = new ArrayList<>();

    /** A new, empty store whose local files (if any) live under {@code dir}. */
    protected abstract BlobStore newStore(Path dir) throws Exception;

    /** The same blobs as the last {@link #newStore}, seen by another instance (another node of a cluster). */
    protected abstract BlobStore sameBlobsElsewhere(Path dir) throws Exception;

    /** The arguments of {@link StreamingCheck} after the size, for a store of this kind under {@code dir}. */
    protected abstract List<String> streamingCheckArguments(Path dir) throws Exception;

    BlobStore store() throws Exception {
        return track(newStore(dir.resolve("store")));
    }

    private BlobStore track(BlobStore store) {
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() throws Exception {
        for (BlobStore store : opened) {
            if (store instanceof DisposableBean bean) {
                bean.destroy();
            }
        }
    }

    @Test
    void storesBytesUnderTheirSha256AndReadsThemBack() throws Exception {
        BlobStore store = store();
        byte[] bytes = "Học tập suốt đời".getBytes(StandardCharsets.UTF_8);

        StoredBlob blob = store.store(new ByteArrayInputStream(bytes));

        assertThat(blob.sha256()).isEqualTo(sha256(bytes));
        assertThat(blob.size()).isEqualTo(bytes.length);
        assertThat(blob.alreadyPresent()).isFalse();
        assertThat(store.exists(blob.sha256())).isTrue();
        try (InputStream in = store.open(blob.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        Resource resource = store.resource(blob.sha256());
        assertThat(resource.exists()).isTrue();
        assertThat(resource.contentLength()).isEqualTo(bytes.length);
        assertThat(resource.getFilename()).isEqualTo(blob.sha256());
        assertThat(Files.readAllBytes(store.localPath(blob.sha256()))).isEqualTo(bytes);
    }

    @Test
    void identicalBytesAreKeptOnce() throws Exception {
        BlobStore store = store();
        byte[] bytes = "same".getBytes(StandardCharsets.UTF_8);
        StoredBlob first = store.store(new ByteArrayInputStream(bytes));
        StoredBlob second = store.store(new ByteArrayInputStream(bytes));

        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(first.alreadyPresent()).isFalse();
        assertThat(second.alreadyPresent()).isTrue();
        assertThat(list(store)).containsExactly(first.sha256());
    }

    @Test
    void aRangeReadsExactlyThoseBytesAsSpringMvcAsksForThem() throws Exception {
        BlobStore store = store();
        byte[] bytes = pattern(300_000);
        String sha = store.store(new ByteArrayInputStream(bytes)).sha256();

        // what ResourceRegionHttpMessageConverter does for "Range: bytes=250000-250999"
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = store.resource(sha).getInputStream()) {
            StreamUtils.copyRange(in, out, 250_000, 250_999);
        }
        assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(bytes, 250_000, 251_000));

        out.reset();
        try (InputStream in = store.resource(sha).getInputStream()) {
            StreamUtils.copyRange(in, out, 299_990, 400_000);
        }
        assertThat(out.toByteArray()).as("a range running past the end stops at the end")
                .isEqualTo(Arrays.copyOfRange(bytes, 299_990, 300_000));
    }

    @Test
    void listsEveryBlobOnceAndDeletesThem() throws Exception {
        BlobStore store = store();
        Map<String, byte[]> stored = new HashMap<>();
        for (String text : List.of("một", "hai", "ba")) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            stored.put(store.store(new ByteArrayInputStream(bytes)).sha256(), bytes);
        }
        assertThat(list(store)).containsExactlyInAnyOrderElementsOf(stored.keySet());

        String gone = stored.keySet().iterator().next();
        store.delete(gone);
        store.delete(gone); // twice is fine

        assertThat(store.exists(gone)).isFalse();
        assertThat(store.resource(gone).exists()).isFalse();
        assertThatThrownBy(() -> store.open(gone).read()).isInstanceOf(FileNotFoundException.class);
        assertThat(list(store)).hasSize(2).doesNotContain(gone);
        assertThat(store.store(new ByteArrayInputStream(stored.get(gone))).alreadyPresent())
                .as("deleted bytes can be stored again").isFalse();
    }

    @Test
    void bytesWithAnotherHashThanExpectedAreRefusedAndNothingIsStored() throws Exception {
        BlobStore store = store();
        byte[] bytes = "nội dung".getBytes(StandardCharsets.UTF_8);
        String wrong = sha256("khác".getBytes(StandardCharsets.UTF_8));
        String actual = sha256(bytes);

        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(bytes), wrong))
                .isInstanceOfSatisfying(BlobMismatchException.class, e -> {
                    assertThat(e.expected()).isEqualTo(wrong);
                    assertThat(e.actual()).isEqualTo(actual);
                });
        assertThat(store.exists(sha256(bytes))).isFalse();
        assertThat(list(store)).isEmpty();
        assertThat(store.store(new ByteArrayInputStream(bytes), sha256(bytes)).sha256()).isEqualTo(sha256(bytes));
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws Exception {
        BlobStore store = store();
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
        assertThat(list(store)).isEmpty();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".part")))
                    .as("no staging file left").isEmpty();
        }
    }

    @Test
    void concurrentPutsOfTheSameBytesStoreThemOnce() throws Exception {
        BlobStore store = store();
        byte[] bytes = pattern(2_000_000);
        int threads = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<StoredBlob>> puts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<StoredBlob> put = () -> {
                    start.await();
                    return store.store(new ByteArrayInputStream(bytes));
                };
                puts.add(pool.submit(put));
            }
            start.countDown();
            List<StoredBlob> results = new ArrayList<>();
            for (Future<StoredBlob> put : puts) {
                results.add(put.get(60, TimeUnit.SECONDS));
            }
            assertThat(results).extracting(StoredBlob::sha256).containsOnly(sha256(bytes));
            assertThat(results).filteredOn(b -> !b.alreadyPresent()).as("exactly one put wrote the bytes").hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(list(store)).containsExactly(sha256(bytes));
        try (InputStream in = store.open(sha256(bytes))) {
            assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(bytes));
        }
    }

    @Test
    void twoInstancesStoringTheSameBytesAtOnceBothSucceedWithOneBlob() throws Exception {
        BlobStore first = store();
        BlobStore second = track(sameBlobsElsewhere(dir.resolve("other")));
        byte[] bytes = pattern(3_000_000);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<StoredBlob>> puts = new ArrayList<>();
            for (BlobStore node : List.of(first, second)) {
                puts.add(pool.submit(() -> {
                    start.await();
                    return node.store(new ByteArrayInputStream(bytes));
                }));
            }
            start.countDown();
            for (Future<StoredBlob> put : puts) {
                assertThat(put.get(60, TimeUnit.SECONDS).sha256()).isEqualTo(sha256(bytes));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(list(first)).containsExactly(sha256(bytes));
        for (BlobStore node : List.of(first, second)) {
            try (InputStream in = node.open(sha256(bytes))) {
                assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(bytes));
            }
        }
    }

    @Test
    void anotherInstanceSeesTheBlobsAndGetsALocalFileOfThem() throws Exception {
        BlobStore store = store();
        byte[] bytes = pattern(100_000);
        String sha = store.store(new ByteArrayInputStream(bytes)).sha256();

        BlobStore other = track(sameBlobsElsewhere(dir.resolve("other")));
        assertThat(other.exists(sha)).isTrue();
        Path file = other.localPath(sha);
        assertThat(file).hasFileName(sha);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(other.localPath(sha)).as("the same file the second time").isEqualTo(file);
    }

    @Test
    void refusesAddressesThatAreNotSha256() throws Exception {
        BlobStore store = store();
        for (String bad : new String[] {"../../etc/passwd", "ABCDEF", "", sha256(new byte[0]).toUpperCase()}) {
            assertThatThrownBy(() -> store.localPath(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.exists(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.resource(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /**
     * A file of 64 MB goes in and comes back out through a JVM with a 32 MB heap: neither way may
     * hold the file in memory (a multipart upload for the object store).
     */
    @Test
    @Tag(TestGroups.PROCESS)
    void aFileLargerThanTheHeapStreamsInAndOut() throws Exception {
        long size = 64L * 1024 * 1024;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                StreamingCheck.class.getName(), String.valueOf(size)));
        command.addAll(streamingCheckArguments(dir.resolve("streaming")));
        Path log = Files.createDirectories(dir.resolve("logs")).resolve("streaming.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the check finished").isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isZero();
        String expected = StreamingCheck.sha256Of(size);
        assertThat(output).contains("stored " + expected + " " + size).contains("read " + expected)
                .contains("tail ok");
    }

    private static List<String> list(BlobStore store) throws IOException {
        try (Stream<String> all = store.list()) {
            return all.collect(Collectors.toList());
        }
    }

    static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(size).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
