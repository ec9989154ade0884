package vn.hoclieu.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.Instance;
import vn.hoclieu.SmallFiles;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Uploads;

/**
 * A round trip through {@code hoclieu.jar backup} and {@code restore}: a running instance with
 * materials, a library, an account and a collection is backed up while it serves and while an
 * upload is half-way through its request; the backup is restored into a fresh data folder and an
 * instance started on it has everything back — the same files byte for byte, searchable, the
 * account, the collection. The snapshot taken during the upload holds the state before it, whole.
 */
@Tag(TestGroups.PROCESS)
class BackupRestoreTest {

    private static final String PASSWORD = "backup-test-password";

    @TempDir
    Path work;

    private record Uploaded(long id, String title, long fileId, String sha256, String word) {
    }

    @Test
    void backupWhileServingThenRestoreIntoAFreshFolderBringsEverythingBack() throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        Path backup = work.resolve("backup");
        Path restored = work.resolve("restored");
        String admin = Http.basic("admin", PASSWORD);
        List<Uploaded> uploaded = new ArrayList<>();
        long collection;
        String temporaryPassword;

        try (Instance live = Instance.start(data, "--hoclieu.admin-password=" + PASSWORD)) {
            String base = live.url("");
            assertThat(Http.json("POST", base + "/api/v1/admin/libraries", admin, "{\"code\":\"HN-SAOLUU\","
                    + "\"name\":\"Thư viện Sao Lưu\",\"type\":\"SCHOOL\",\"district\":\"Ba Đình\"}").status()).isEqualTo(201);
            Http.Response account = Http.json("POST", base + "/api/v1/admin/accounts", admin, "{\"username\":\"co-hoa\","
                    + "\"displayName\":\"Cô Hoa\",\"role\":\"TEACHER\",\"library\":\"HN-SAOLUU\"}");
            assertThat(account.status()).as(account.body()).isEqualTo(201);
            temporaryPassword = account.json().get("temporaryPassword").asString();
            for (int i = 0; i < 8; i++) {
                String word = "saoluu" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
                Map.Entry<String, byte[]> file = SmallFiles.mixed(i, word);
                JsonNode json = Uploads.resource("Sao lưu " + word).library("HN-SAOLUU")
                        .file(file.getKey(), file.getValue()).by(admin).to(base).json();
                uploaded.add(new Uploaded(json.get("id").asLong(), json.get("title").asString(),
                        json.get("files").get(0).get("id").asLong(), sha256(file.getValue()), word));
            }
            Http.Response made = Http.json("POST", base + "/api/v1/collections", admin,
                    "{\"title\":\"Bộ sưu tập được sao lưu\",\"visibility\":\"PUBLIC\"}");
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            collection = made.json().get("id").asLong();
            for (Uploaded u : uploaded.subList(0, 3)) {
                assertThat(Http.json("POST", base + "/api/v1/collections/" + collection + "/items", admin,
                        "{\"resourceId\":" + u.id() + "}").status()).isEqualTo(201);
            }

            // an upload whose request is half sent while the backup runs
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<HttpResponse<String>> inFlight = slowUpload(base, admin, release);
            Thread.sleep(500);
            Instance.Outcome first = Instance.command(work.resolve("backup-1.log"),
                    Map.of("HOCLIEU_ADMIN_PASSWORD", PASSWORD), "backup", backup.toString(),
                    "--hoclieu.data-dir=" + data, "--url=" + base);
            assertThat(first.exitCode()).as(first.output()).isZero();
            assertThat(first.output()).contains("taken by the running server").contains("Backup complete");
            // the first snapshot holds the eight uploads and not the one still in flight, and the manifest lists
            // every blob it refers to (H2 opens a database inside a ZIP read-only)
            Path firstSnapshot = Files.copy(backup.resolve("database.zip"), work.resolve("first-database.zip"));
            String manifest = Files.readString(backup.resolve("manifest.tsv"));
            try (Connection c = DriverManager.getConnection("jdbc:h2:zip:" + firstSnapshot
                    + "!/hoclieu", "sa", "");
                 ResultSet rows = c.createStatement().executeQuery(
                         "select (select count(*) from resource), sha256 from resource_file")) {
                int files = 0;
                while (rows.next()) {
                    assertThat(rows.getLong(1)).as("resources in the first snapshot").isEqualTo(uploaded.size());
                    assertThat(manifest).as("the manifest lists each file's blob").contains(rows.getString(2) + "\t");
                    files++;
                }
                assertThat(files).isEqualTo(uploaded.size());
            }
            release.countDown();
            HttpResponse<String> lateAnswer = inFlight.get(2, TimeUnit.MINUTES);
            assertThat(lateAnswer.statusCode()).as(lateAnswer.body()).isEqualTo(201);
            // its word is in its text: searchable once the file has been read
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (Http.get(base + "/api/v1/search?q=muonmang", "Authorization", admin).json().get("total")
                    .asLong() == 0) {
                assertThat(Instant.now()).as("the late upload searchable on the live instance")
                        .isBefore(deadline);
                Thread.sleep(250);
            }

            // a second backup into the same folder copies only what is new
            Instance.Outcome second = Instance.command(work.resolve("backup-2.log"),
                    Map.of("HOCLIEU_ADMIN_PASSWORD", PASSWORD), "backup", backup.toString(),
                    "--hoclieu.data-dir=" + data, "--url=" + base);
            assertThat(second.exitCode()).as(second.output()).isZero();
            // incremental: what the first backup holds is not copied again, what came since is (the late upload,
        // and the texts and previews of files that were still being read at the first backup)
        assertThat(second.output()).containsPattern("Blobs: \\d+ in the manifest, [1-9]\\d* copied now \\(\\d+ bytes\\), [1-9]\\d* already in the backup");
        }

        Instance.Outcome restore = Instance.command(work.resolve("restore.log"), Map.of(), "restore",
                backup.toString(), "--hoclieu.data-dir=" + restored, "--logging.level.root=WARN");
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("Reindexed").contains("OK: database, blobs and index agree");
        Instance.Outcome again = Instance.command(work.resolve("restore-again.log"), Map.of(), "restore",
                backup.toString(), "--hoclieu.data-dir=" + restored);
        assertThat(again.exitCode()).as("a restore never writes over a data folder in use").isEqualTo(2);

        try (Instance back = Instance.start(restored, "--hoclieu.admin-password=not-this-one")) {
            String base = back.url("");
            // the administrator's password is the one in the backup, not the setting for a first start
            for (Uploaded u : uploaded) {
                JsonNode resource = Http.get(base + "/api/v1/resources/" + u.id(), "Authorization", admin).json();
                assertThat(resource.get("title").asString()).isEqualTo(u.title());
                assertThat(resource.get("library").asString()).isEqualTo("HN-SAOLUU");
                assertThat(resource.get("files").get(0).get("sha256").asString()).isEqualTo(u.sha256());
                byte[] served = Http.bytes(base + "/api/v1/resources/" + u.id() + "/files/" + u.fileId() + "/content",
                        admin);
                assertThat(sha256(served)).as("bytes of " + u.id()).isEqualTo(u.sha256());
                JsonNode found = Http.get(base + "/api/v1/search?q=" + u.word(), "Authorization", admin).json();
                assertThat(found.get("total").asLong()).as("hits for " + u.word()).isEqualTo(1);
                assertThat(found.get("hits").get(0).get("id").asLong()).isEqualTo(u.id());
            }
            assertThat(Http.get(base + "/api/v1/search?q=muonmang", "Authorization", admin).json().get("total")
                    .asLong()).as("the late upload, in the second backup, restored and searchable").isEqualTo(1);
            JsonNode items = Http.get(base + "/api/v1/collections/" + collection).json().get("items");
            assertThat(items.findValues("resourceId").stream().map(JsonNode::asLong).toList())
                    .containsExactly(uploaded.get(0).id(), uploaded.get(1).id(), uploaded.get(2).id());
            assertThat(Http.get(base + "/api/v1/libraries/HN-SAOLUU").status()).isEqualTo(200);
            assertThat(Http.get(base + "/api/v1/admin/accounts?size=100", "Authorization", admin).body())
                    .contains("\"co-hoa\"");
            assertThat(Http.get(base + "/api/v1/account", "Authorization", Http.basic("co-hoa", temporaryPassword))
                    .status()).as("the account's password is restored (403: it must still be changed)").isEqualTo(403);
            JsonNode report = Http.json("POST", base + "/api/v1/admin/verify", admin, null).json();
            assertThat(report.get("damaged").asBoolean()).as(report.toString()).isFalse();
            assertThat(report.get("index").get("documents").asInt()).isEqualTo(uploaded.size() + 1);
        }
    }

    /** An upload whose body stops after its first bytes until {@code release}. */
    private static CompletableFuture<HttpResponse<String>> slowUpload(String base, String admin, CountDownLatch release) {
        String boundary = "----hoclieu" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"muon.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nBài nộp muộn muonmang ").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("đã tới.\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        InputStream held = new InputStream() {
            private final InputStream rest = new ByteArrayInputStream(tail);

            @Override
            public int read() throws IOException {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                return rest.read();
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/resources"))
                .header("Authorization", admin)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new SequenceInputStream(new ByteArrayInputStream(head), held)))
                .build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
