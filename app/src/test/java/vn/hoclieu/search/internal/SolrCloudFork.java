package vn.hoclieu.search.internal;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;

/**
 * A SolrCloud of two nodes with a two-shard collection for each of {@link #COLLECTIONS}, started once
 * per test JVM in a JVM of its own: the {@code solr/} project's {@code TestCluster} on that project's
 * test class path ({@code solr-plugin/target/test-classpath.txt}, written by the build before the
 * integration tests). It stops when this JVM ends (its standard input closes).
 */
public final class SolrCloudFork {

    public static final List<String> COLLECTIONS = List.of("hoclieu", "parity", "relevance", "features");
    private static String url;

    private SolrCloudFork() {
    }

    /** The base URL of a node ({@code http://127.0.0.1:port/solr}), starting the cluster the first time. */
    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    /**
     * Starts the cluster and sets {@code hoclieu.search.solr.url} as a system property, which the
     * application's environment reads: test classes that only name the backend and the collection
     * ({@code @TestPropertySource}) then share one application context.
     */
    public static void publishUrl() {
        System.setProperty("hoclieu.search.solr.url", url());
    }

    public static SolrClient client() {
        // HTTP/1.1, as the application's client: on the JDK client's HTTP/2, a request sent on a connection
        // the node had just closed failed with "EOF reached while reading" (TwoNodesSolrS3IT, once)
        return new HttpJdkSolrClient.Builder(url()).useHttp1_1(true).withConnectionTimeout(10, TimeUnit.SECONDS)
                .withRequestTimeout(60, TimeUnit.SECONDS).build();
    }

    private static String start() {
        return launch(List.of("-Xmx512m"), COLLECTIONS).url();
    }

    /** A test cluster's JVM, the URL of a node, and its standard input (closing it stops the cluster). */
    public record Launched(Process process, String url, Writer stdin) {

        /** Stops the cluster and waits for its JVM to end. */
        public void stop() throws IOException, InterruptedException {
            stdin.close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * Starts {@code TestCluster} in a JVM of its own with these JVM options (e.g. its heap, or
     * {@code -Dhoclieu.cluster.nodes=1}) and collections; it also stops when this JVM ends.
     */
    public static Launched launch(List<String> jvmOptions, List<String> collections) {
        Path project = Path.of(System.getProperty("hoclieu.solr.project", "../solr-plugin")).toAbsolutePath();
        Path classpath = project.resolve("target/test-classpath.txt");
        if (!Files.isRegularFile(classpath)) {
            throw new IllegalStateException(classpath + " is missing: run `./mvnw verify` (the reactor packages "
                    + project + " before the application's integration tests), or `./mvnw -B package -DskipTests -pl"
                    + " search-core,solr-plugin`");
        }
        try {
            String cp = project.resolve("target/test-classes") + File.pathSeparator
                    + project.resolve("target/classes") + File.pathSeparator
                    + Files.readString(classpath).strip();
            Path log = project.resolve("target/test-cluster.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-Dfile.encoding=UTF-8", "-cp", cp, "vn.hoclieu.search.solr.TestCluster",
                    project.resolve("src/main/configset").toString()));
            command.addAll(collections);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Writer stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stdin.close();
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (IOException | InterruptedException e) {
                    process.destroyForcibly();
                }
            }));
            CompletableFuture<String> found = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8)); Writer file = Files.newBufferedWriter(log)) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        file.write(line);
                        file.write('\n');
                        file.flush();
                        if (line.startsWith("SOLR_URL=")) {
                            found.complete(line.substring("SOLR_URL=".length()).strip());
                        }
                    }
                } catch (IOException e) {
                    found.completeExceptionally(e);
                }
                found.completeExceptionally(new IllegalStateException("the test cluster stopped; see " + log));
            }, "solr-test-cluster-output");
            reader.setDaemon(true);
            reader.start();
            return new Launched(process, found.get(180, TimeUnit.SECONDS), stdin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the test SolrCloud did not start: " + e, e);
        }
    }
}
