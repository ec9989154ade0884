package vn.hoclieu.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The object store's local copies stay within their limit, losing the least recently used first. */
class BlobCacheTest {

    @TempDir
    Path dir;

    @Test
    void beyondItsLimitTheLeastRecentlyUsedCopiesGoAndTheOthersStay() throws Exception {
        BlobCache cache = new BlobCache(dir, 3_500);
        List<String> shas = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            shas.add(add(cache, i));
            // a copy's last use is its modification time: make the order unmistakable
            Files.setLastModifiedTime(cache.path(shas.get(i)), FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        assertThat(cache.hit(shas.get(0))).as("using the oldest copy makes it the newest").isNotNull();

        String fourth = add(cache, 3); // 4,000 bytes > 3,500: prune to 90% (3,150), i.e. one copy goes

        assertThat(cache.hit(shas.get(1))).as("the least recently used copy is gone").isNull();
        assertThat(cache.hit(shas.get(0))).isNotNull();
        assertThat(cache.hit(shas.get(2))).isNotNull();
        assertThat(cache.hit(fourth)).as("the copy just added is kept").isNotNull();

        BlobCache reopened = new BlobCache(dir, 3_500);
        String fifth = add(reopened, 4);
        assertThat(reopened.hit(fifth)).as("a reopened cache counts the copies it finds").isNotNull();
        long left = shas.stream().filter(sha -> reopened.hit(sha) != null).count() + (reopened.hit(fourth) != null ? 1 : 0);
        assertThat(left).isEqualTo(2);
    }

    @Test
    void theSameBlobAdoptedAgainIsCountedOnceAndPrunesNothing() throws Exception {
        BlobCache cache = new BlobCache(dir, 3_500);
        String first = add(cache, 10);
        String second = add(cache, 11);
        for (int again = 0; again < 5; again++) {
            add(cache, 10); // a duplicate upload, or a fetch racing another: the same bytes, the same copy
        }
        assertThat(cache.bytes()).as("two copies of 1,000 bytes, whatever the number of adoptions").isEqualTo(2_000);
        assertThat(cache.hit(second)).as("nothing was pruned: the cache holds 2,000 of 3,500 bytes").isNotNull();
        assertThat(cache.hit(first)).isNotNull();

        cache.remove(first);
        cache.remove(first);
        assertThat(cache.bytes()).isEqualTo(1_000);
        assertThat(new BlobCache(dir, 3_500).bytes()).as("counted again from the disk at start").isEqualTo(1_000);
    }

    @Test
    void aCopyRemovedBehindTheCachesBackIsNotCountedAtTheNextPruning() throws Exception {
        BlobCache cache = new BlobCache(dir, 3_500);
        String gone = add(cache, 20);
        String kept = add(cache, 21);
        add(cache, 22);
        Files.delete(cache.path(gone)); // an operator cleaning the folder by hand
        Files.setLastModifiedTime(cache.path(kept), FileTime.fromMillis(1_000_000L));
        add(cache, 23); // 4,000 counted: the pruning counts the disk again and finds 3,000
        assertThat(cache.hit(kept)).as("the least recently used copy stays: the disk is within the limit").isNotNull();
        assertThat(cache.bytes()).isEqualTo(3_000);
    }

    @Test
    void leftoverStagingFilesAreClearedAtStart() throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        Files.write(dir.resolve("tmp").resolve("upload-1.part"), new byte[10]);
        BlobCache cache = new BlobCache(dir, 1_000);
        try (var files = Files.list(cache.tmp())) {
            assertThat(files).isEmpty();
        }
    }

    /** Adopts a 1,000-byte file named by its hash. */
    private String add(BlobCache cache, int seed) throws Exception {
        byte[] bytes = new byte[1_000];
        new SplittableRandom(seed).nextBytes(bytes);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Path staged = Files.write(cache.tmp().resolve("staged-" + seed), bytes);
        cache.adopt(staged, sha);
        return sha;
    }
}
