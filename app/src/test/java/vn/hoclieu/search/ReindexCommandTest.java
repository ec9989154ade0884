package vn.hoclieu.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoclieu.Http;
import vn.hoclieu.Instance;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/**
 * A rebuilt index is the one used after a restart; what a crashed rebuild leaves behind is
 * cleared at start; and {@code hoclieu.jar reindex} rebuilds from the shell, with the server stopped.
 * Real instances in JVMs of their own, on one data folder.
 */
@Tag(TestGroups.PROCESS)
class ReindexCommandTest {

    private static final String PASSWORD = "reindex-test-password";
    private static final String[] SETTINGS = {"--hoclieu.admin-password=" + PASSWORD};

    @TempDir
    Path data;

    @Test
    void aSwappedIndexSurvivesARestartACrashedRebuildIsClearedAndTheShellRebuildsToo() throws Exception {
        String admin = Http.basic("admin", PASSWORD);
        String word = "khoidong" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

        try (Instance first = Instance.start(data, SETTINGS)) {
            assertThat(Http.upload(first.url("/api/v1/resources"), admin,
                    Map.of(word + ".txt", ("Bài đọc " + word).getBytes(StandardCharsets.UTF_8)), null).status())
                    .isEqualTo(201);
            awaitFound(first, word);
            assertThat(Http.postForm(first.url("/api/v1/admin/reindex"), admin).status()).isEqualTo(202);
            awaitRebuilt(first, admin);
        }
        String rebuilt = pointer();
        assertThat(rebuilt).startsWith("index-");
        assertThat(indexFolders()).containsExactly(rebuilt);

        // a rebuild that crashed: its folder half-written, its pointer never replaced
        Path crashed = data.resolve("index-20200101-000000-000");
        Files.createDirectories(crashed);
        Files.writeString(crashed.resolve("_0.cfs"), "half an index");
        Files.writeString(data.resolve("index.current.tmp"), "index-20200101-000000-000");

        try (Instance second = Instance.start(data, SETTINGS)) {
            awaitFound(second, word);
        }
        assertThat(pointer()).isEqualTo(rebuilt);
        assertThat(indexFolders()).as("the crashed rebuild's folder is gone").containsExactly(rebuilt);

        Path log = data.resolve("reindex.log");
        Process shell = Instance.java(log, "reindex", "--hoclieu.data-dir=" + data, "--logging.level.root=WARN");
        assertThat(shell.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(shell.exitValue()).as(output).isZero();
        assertThat(output).contains("1/1 resources indexed").contains("Reindexed 1 resources");
        String again = pointer();
        assertThat(again).isNotEqualTo(rebuilt);
        assertThat(indexFolders()).containsExactly(again);

        Process badUsage = Instance.java(data.resolve("reindex-usage.log"), "reindex", "now");
        assertThat(badUsage.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(badUsage.exitValue()).isEqualTo(2);

        try (Instance third = Instance.start(data, SETTINGS)) {
            awaitFound(third, word);
        }
    }

    private String pointer() throws Exception {
        return Files.readString(data.resolve("index.current")).strip();
    }

    private List<String> indexFolders() throws Exception {
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.equals("index") || n.startsWith("index-")).toList();
        }
    }

    private static void awaitFound(Instance instance, String word) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Http.get(instance.url("/api/v1/search?q=" + word)).json().get("total").asLong() != 1) {
            assertThat(Instant.now()).as(word + " found").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static void awaitRebuilt(Instance instance, String admin) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!Http.get(instance.url("/api/v1/admin/reindex"), "Authorization", admin).json().get("state").asString()
                .equals("DONE")) {
            assertThat(Instant.now()).as("rebuilt").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
