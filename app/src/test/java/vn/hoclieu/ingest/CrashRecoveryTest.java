package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.Instance;
import vn.hoclieu.SmallFiles;
import vn.hoclieu.Uploads;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/**
 * The instance is killed with SIGKILL in the middle of a bulk upload of 120 small real files (text,
 * HTML, PDF, DOCX) — uploads still arriving, its worker busy — and then {@code hoclieu.jar verify}
 * runs on the data folder it left, and the instance is started again on it: every acknowledged
 * upload is there and serves back the very bytes that were sent, every job ends, and the index
 * matches the database — each resource found exactly once, no document more.
 */
@Tag(TestGroups.PROCESS)
class CrashRecoveryTest {

    private static final String PASSWORD = "crash-test-password";
    private static final int FILES = 120;
    /** Acknowledged uploads after which the process is killed: the rest are still on their way. */
    private static final int KILL_AFTER = 80;
    /** Pages of the long books among the uploads. */
    private static final int BOOK_PAGES = 60;

    @TempDir
    Path data;

    private record Uploaded(long id, String sha256, String word) {
    }

    @Test
    void killedMidImportAndRestartedFinishesEveryJobAndLosesNothing() throws Exception {
        String admin = Http.basic("admin", PASSWORD);
        List<Uploaded> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<String> wrongAnswers = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger cutOff = new AtomicInteger();

        long t0 = System.nanoTime();
        Instance first = Instance.start(data, "--hoclieu.admin-password=" + PASSWORD, "--hoclieu.ingest.workers=1");
        String base = first.url("");
        AtomicInteger unfinishedAtKill = new AtomicInteger();
        ExecutorService uploaders = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < FILES; n++) {
                int i = n;
                done.add(uploaders.submit(() -> {
                    String word = "crash" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
                    // every eighth a long book: the one worker falls behind the six uploaders, as it
                    // would in a librarian's bulk import, so jobs are queued and running at the kill
                    Map.Entry<String, byte[]> file = i % 8 == 2
                            ? Map.entry("sach-" + i + ".pdf", SmallFiles.book(word, BOOK_PAGES))
                            : SmallFiles.mixed(i, word);
                    Http.Response r;
                    try {
                        r = Uploads.resource("Tài liệu " + word).file(file.getKey(), file.getValue()).by(admin)
                                .send(base);
                    } catch (IllegalStateException killed) {
                        cutOff.incrementAndGet(); // no answer: not acknowledged, so nothing is owed
                        return null;
                    }
                    if (r.status() != 201) {
                        wrongAnswers.add(r.status() + " " + r.body());
                        return null;
                    }
                    JsonNode json = r.json();
                    String sha = sha256(file.getValue());
                    assertThat(json.get("files").get(0).get("sha256").asString()).isEqualTo(sha);
                    acknowledged.add(new Uploaded(json.get("id").asLong(), sha, word));
                    return null;
                }));
            }
            // killed two thirds of the way through, or after a minute on a machine too loaded to get that far
            Instant killAt = Instant.now().plus(Duration.ofSeconds(60));
            while (acknowledged.size() < KILL_AFTER && Instant.now().isBefore(killAt)) {
                assertThat(wrongAnswers).as("answers other than 201").isEmpty();
                Thread.sleep(20);
            }
            assertThat(acknowledged.size()).as("uploads acknowledged before the kill").isGreaterThan(20);
            // the kill waits, while uploads still arrive, for a moment when the worker has work in hand
            Instant noLaterThan = Instant.now().plus(Duration.ofSeconds(30));
            int unfinished = unfinishedJobs(base, admin);
            while (unfinished == 0 && Instant.now().isBefore(noLaterThan)
                    && done.stream().anyMatch(f -> !f.isDone())) {
                Thread.sleep(5);
                unfinished = unfinishedJobs(base, admin);
            }
            assertThat(unfinished).as("jobs still to do when the process is killed").isPositive();
            unfinishedAtKill.set(unfinished);
            first.kill(); // SIGKILL: no shutdown hooks, no final index commit, uploads cut off mid-request
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            uploaders.shutdownNow();
            first.kill();
        }
        assertThat(wrongAnswers).as("answers other than 201 before the kill").isEmpty();
        phase("started, uploaded and killed", t0, acknowledged.size() + " acknowledged, "
                + cutOff.get() + " cut off, " + unfinishedAtKill.get() + " jobs queued or running");
        assertThat(cutOff.get()).as("uploads cut off by the kill").isPositive();

        // the shell's verify on the folder as the crash left it: no blob may be missing or damaged,
        // and the index (whatever its last commit missed) is repaired
        Instance.Outcome verify = Instance.command(data.resolve("verify.log"), Map.of(), "verify",
                "--hoclieu.data-dir=" + data, "--hoclieu.ingest.workers=1", "--logging.level.root=WARN");
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("0 referenced blobs missing, 0 corrupt").contains("OK: database");
        phase("hoclieu.jar verify", t0, verify.output().lines().filter(l -> l.startsWith("Index")).toList().toString());

        try (Instance second = Instance.start(data, "--hoclieu.admin-password=" + PASSWORD,
                "--hoclieu.ingest.workers=2")) {
            String again = second.url("");
            Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
            while (Http.get(again + "/api/v1/ingest/jobs?status=QUEUED", "Authorization", admin).json().size()
                    + Http.get(again + "/api/v1/ingest/jobs?status=RUNNING", "Authorization", admin).json().size() > 0) {
                assertThat(Instant.now()).as("jobs finished after restart").isBefore(deadline);
                Thread.sleep(200);
            }
            phase("restarted, every job finished", t0, "");
            JsonNode report = Http.json("POST", again + "/api/v1/admin/verify", admin, null).json();
            assertThat(report.get("damaged").asBoolean()).as(report.toString()).isFalse();
            int resources = report.get("index").get("resources").asInt();
            assertThat(resources).as("every acknowledged upload, and perhaps some cut off after their commit")
                    .isBetween(acknowledged.size(), FILES);
            assertThat(report.get("indexAfter").get("documents").asInt()).isEqualTo(resources);

            JsonNode jobs = Http.get(again + "/api/v1/ingest/jobs?limit=1000", "Authorization", admin).json();
            assertThat(jobs.size()).as("one job per stored file").isEqualTo(resources);
            jobs.forEach(j -> assertThat(j.get("status").asString()).as(j.toString()).isEqualTo("DONE"));

            // every acknowledged upload checked through the API, four at a time (the checks only read)
            ExecutorService checkers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> checks = new ArrayList<>();
                for (Uploaded u : List.copyOf(acknowledged)) {
                    checks.add(checkers.submit(() -> {
                        checkServedAndFound(again, admin, u);
                        return null;
                    }));
                }
                for (Future<?> check : checks) {
                    try {
                        check.get(2, TimeUnit.MINUTES);
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof AssertionError a ? a : new AssertionError(e.getCause());
                    }
                }
            } finally {
                checkers.shutdownNow();
            }
            assertThat(Http.get(again + "/api/v1/search?q=", "Authorization", admin).json().get("total").asLong())
                    .as("no document more than the resources").isEqualTo(resources);
            phase("checked", t0, "");
        }
    }

    private static int unfinishedJobs(String base, String admin) {
        return Http.get(base + "/api/v1/ingest/jobs?status=QUEUED&limit=1000", "Authorization", admin).json().size()
                + Http.get(base + "/api/v1/ingest/jobs?status=RUNNING", "Authorization", admin).json().size();
    }

    /** The upload's bytes come back unchanged, its text was read, and a search for its word finds it alone. */
    private static void checkServedAndFound(String base, String admin, Uploaded u) throws Exception {
        JsonNode resource = Http.get(base + "/api/v1/resources/" + u.id(), "Authorization", admin).json();
        JsonNode file = resource.get("files").get(0);
        assertThat(file.get("sha256").asString()).isEqualTo(u.sha256());
        assertThat(file.get("extraction").get("status").asString()).isEqualTo("OK");
        byte[] served = Http.bytes(base + "/api/v1/resources/" + u.id() + "/files/"
                + file.get("id").asLong() + "/content", admin);
        assertThat(sha256(served)).as("the bytes served back for " + u.id()).isEqualTo(u.sha256());
        JsonNode found = Http.get(base + "/api/v1/search?q=" + u.word(), "Authorization", admin).json();
        assertThat(found.get("total").asLong()).as("hits for " + u.word()).isEqualTo(1);
        assertThat(found.get("hits").get(0).get("id").asLong()).isEqualTo(u.id());
    }

    /** Where the time goes, for whoever runs it on a loaded machine. */
    private static void phase(String what, long t0, String detail) {
        System.out.printf("CrashRecoveryTest: %-32s at %5.1f s %s%n", what, (System.nanoTime() - t0) / 1e9, detail);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
