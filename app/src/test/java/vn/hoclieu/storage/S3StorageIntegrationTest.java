package vn.hoclieu.storage;

import vn.hoclieu.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.Uploads;
import vn.hoclieu.S3Server;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/**
 * The application with {@code hoclieu.storage.type=s3} against S3Proxy (in a JVM of its own): a PDF
 * uploaded through the API lands in the bucket (not in {@code data/blobs}), is read and indexed, is
 * found by a search, is downloaded by ranges, and its preview is drawn and served from the bucket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its own application, closed after this class
@Tag(TestGroups.SERVER)
class S3StorageIntegrationTest {

    private static final String PASSWORD = "s3-test-password";
    private static final String BUCKET = "hoclieu";
    private static final String PREFIX = "network/blobs";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static S3Server s3;
    private static Path data;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void objectStore(DynamicPropertyRegistry registry) throws Exception {
        s3 = S3Server.start();
        s3.createBucket(BUCKET);
        data = Files.createTempDirectory("hoclieu-s3-it-");
        for (String setting : s3.settings(BUCKET, PREFIX)) {
            String[] pair = setting.substring(2).split("=", 2);
            registry.add(pair[0], () -> pair[1]);
        }
        registry.add("hoclieu.data-dir", data::toString);
        registry.add("hoclieu.admin-password", () -> PASSWORD);
        registry.add("hoclieu.samples.import-on-start", () -> "false");
        registry.add("hoclieu.ingest.isolation", () -> "false");
        registry.add("hoclieu.ingest.workers", () -> "1");
    }

    @AfterAll
    static void stopObjectStore() throws Exception {
        s3.close();
    }

    @Test
    void uploadExtractSearchRangeDownloadAndThumbnailWithBlobsInAnObjectStore() throws Exception {
        byte[] pdf = Files.readAllBytes(TestFiles.sample("hoc-tap-suot-doi.pdf")); // the sample library is not imported
        String admin = Http.basic("admin", PASSWORD);
        App app = new App("http://127.0.0.1:" + port);
        Uploads.Created created = Uploads.resource().visibility("PUBLIC").file("hoc-tap-suot-doi.pdf", pdf).by(admin)
                .to(app.url(""));
        long id = created.id();
        JsonNode file = created.json().get("files").get(0);
        String sha = file.get("sha256").asString();
        long fileId = file.get("id").asLong();

        JsonNode resource = awaitExtracted(app, id);
        assertThat(resource.get("files").get(0).get("extraction").get("status").asString()).isEqualTo("OK");

        JsonNode hits = awaitFound(app, Http.q("chia khoa mo cua tuong lai"));
        assertThat(hits.get(0).get("id").asLong()).isEqualTo(id);

        HttpResponse<byte[]> range = get(app.url("/api/v1/resources/" + id + "/files/" + fileId + "/content"),
                "Range", "bytes=100-1099");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 100-1099/" + pdf.length);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(pdf, 100, 1100));
        HttpResponse<byte[]> tail = get(app.url("/api/v1/resources/" + id + "/files/" + fileId + "/content"),
                "Range", "bytes=-10");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(pdf, pdf.length - 10, pdf.length));
        HttpResponse<byte[]> whole = get(app.url("/api/v1/resources/" + id + "/files/" + fileId + "/content"));
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(pdf);

        HttpResponse<byte[]> thumbnail = get(app.url("/api/v1/resources/" + id + "/thumbnail"));
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(thumbnail.body()).startsWith((byte) 0xFF, (byte) 0xD8);
        String thumbnailSha = BlobStoreContract.sha256(thumbnail.body());
        assertThat(thumbnail.headers().firstValue("ETag")).hasValue("\"" + thumbnailSha + "\"");

        try (S3Client client = s3.client()) {
            List<String> keys = client.listObjectsV2(b -> b.bucket(BUCKET).prefix(PREFIX)).contents().stream()
                    .map(o -> o.key()).filter(key -> !key.endsWith("/")).toList();
            assertThat(keys).as("the file, its extracted text and its preview are objects")
                    .contains(key(sha), key(thumbnailSha)).hasSize(3);
        }
        try (Stream<Path> files = Files.walk(data)) {
            assertThat(files.filter(p -> p.startsWith(data.resolve("blobs"))).filter(Files::isRegularFile))
                    .as("nothing in the local blob folder").isEmpty();
        }
    }

    /** Where the application under test answers. */
    private record App(String base) {
        String url(String path) {
            return base + path;
        }
    }

    private static String key(String sha) {
        return PREFIX + "/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha;
    }

    private static JsonNode awaitExtracted(App app, long id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            JsonNode resource = Http.get(app.url("/api/v1/resources/" + id)).json();
            if (!"PENDING".equals(resource.get("files").get(0).get("extraction").get("status").asString())) {
                return resource;
            }
            assertThat(Instant.now()).as("the file was read").isBefore(deadline);
            Thread.sleep(250);
        }
    }

    private static JsonNode awaitFound(App app, String word) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            JsonNode hits = Http.get(app.url("/api/v1/search?q=" + word)).json().get("hits");
            if (!hits.isEmpty()) {
                return hits;
            }
            assertThat(Instant.now()).as("the file was found").isBefore(deadline);
            Thread.sleep(250);
        }
    }

    private static HttpResponse<byte[]> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
