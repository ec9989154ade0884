package vn.hoclieu;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import vn.hoclieu.storage.StorageProperties;

/**
 * A real S3-compatible server for tests: S3Proxy (Maven Central, copied to {@code target/s3-test-server}
 * by the build) over a temp folder, in a JVM of its own on a free loopback port, with request
 * signing on (AWS signature v2/v4, one access key). Its Jetty never meets the application's classes.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "hoclieu-test";
    public static final String SECRET_KEY = "hoclieu-test-secret";

    private final Process process;
    private final Path dir;
    private final URI endpoint;

    private S3Server(Process process, Path dir, URI endpoint) {
        this.process = process;
        this.dir = dir;
        this.endpoint = endpoint;
    }

    /** Starts the server and waits until it accepts connections (about 2 s). */
    public static S3Server start() throws Exception {
        Path jar = Path.of("target", "s3-test-server", "s3proxy.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the build copies it (generate-test-resources)");
        }
        Path dir = Files.createTempDirectory("hoclieu-s3-");
        Path blobs = Files.createDirectories(dir.resolve("blobs"));
        int port = freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Path conf = dir.resolve("s3proxy.properties");
        Files.writeString(conf, String.join("\n",
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "s3proxy.endpoint=" + endpoint,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + blobs) + "\n");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toAbsolutePath().toString(), "--properties", conf.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        S3Server server = new S3Server(process, dir, endpoint);
        server.awaitUp(port);
        return server;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client of this server, for making buckets and looking inside them. */
    public S3Client client() {
        return S3Client.builder().httpClient(ApacheHttpClient.builder().build()).region(Region.US_EAST_1)
                .endpointOverride(endpoint).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    public void createBucket(String bucket) {
        try (S3Client client = client()) {
            client.createBucket(b -> b.bucket(bucket));
        }
    }

    /** The store's settings for a bucket of this server. */
    public StorageProperties.S3 settings(String bucket, String prefix, Path cacheDir) {
        return new StorageProperties.S3(endpoint, null, bucket, ACCESS_KEY, SECRET_KEY, true, prefix,
                DataSize.ofMegabytes(8), cacheDir, null);
    }

    /** The settings that point the application at a bucket of this server. */
    public String[] settings(String bucket, String prefix) {
        return new String[] {"--hoclieu.storage.type=s3", "--hoclieu.storage.s3.endpoint=" + endpoint,
                "--hoclieu.storage.s3.bucket=" + bucket, "--hoclieu.storage.s3.prefix=" + prefix,
                "--hoclieu.storage.s3.part-size=8MB",
                "--hoclieu.storage.s3.access-key=" + ACCESS_KEY, "--hoclieu.storage.s3.secret-key=" + SECRET_KEY,
                "--hoclieu.storage.s3.path-style-access=true"};
    }

    private void awaitUp(int port) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited: " + Files.readString(dir.resolve("s3proxy.log")));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("S3Proxy did not start: " + Files.readString(dir.resolve("s3proxy.log")));
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
