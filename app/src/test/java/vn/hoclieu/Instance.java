package vn.hoclieu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Hoclieu in a JVM of its own, started from the test class path on loopback, for tests that
 * kill it, restart it or run its shell commands: what a librarian's server does, not a mock of it.
 */
public final class Instance implements AutoCloseable {

    private final Process process;
    private final String base;

    private Instance(Process process, int port) {
        this.process = process;
        this.base = "http://127.0.0.1:" + port;
    }

    /** A server on a free loopback port over {@code data}, once it answers its health check. */
    public static Instance start(Path data, String... settings) throws Exception {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--server.address=127.0.0.1",
                "--hoclieu.data-dir=" + data, "--logging.level.root=WARN",
                "--hoclieu.samples.dir=" + TestFiles.sample().toAbsolutePath()));
        // no sample library unless the caller asks for it (a setting given twice would be read as "false,true")
        if (Arrays.stream(settings).noneMatch(s -> s.startsWith("--hoclieu.samples.import-on-start="))) {
            args.add("--hoclieu.samples.import-on-start=false");
        }
        args.addAll(List.of(settings));
        Instance instance = new Instance(java(data.resolve("app-" + System.nanoTime() + ".log"),
                args.toArray(String[]::new)), port);
        try {
            instance.awaitUp();
        } catch (Exception | AssertionError notUp) {
            instance.kill(); // never left running behind a failed test
            throw notUp;
        }
        return instance;
    }

    /** {@code java -cp <the test class path> vn.hoclieu.HoclieuApplication args…}, its output in {@code log}. */
    public static Process java(Path log, String... args) throws IOException {
        return java(log, Map.of(), args);
    }

    /** What a shell command printed, and its exit code. */
    public record Outcome(int exitCode, String output) {
    }

    /** Runs a shell command of the application ({@code verify}, {@code backup DIR}…) to its end, within 5 minutes. */
    public static Outcome command(Path log, Map<String, String> env, String... args) throws Exception {
        Process p = java(log, env, args);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the command ended: " + args[0]).isTrue();
        return new Outcome(p.exitValue(), Files.readString(log));
    }

    /** As {@link #java(Path, String...)}, with environment variables (credentials for a command). */
    public static Process java(Path log, Map<String, String> env, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // C1 only: an instance of a test lives a minute and serves a few requests, and the optimising
        // compiler's work on Spring's start-up costs more CPU than it could save in that minute (the test
        // JVMs run two at a time on the two cores of CI; the extractor processes keep their own settings)
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-cp",
                classpath, "vn.hoclieu.HoclieuApplication"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The server's process, to look at the processes it starts. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public String url(String path) {
        return base + path;
    }

    /** SIGKILL: no shutdown hooks, no final index commit. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private void awaitUp() throws Exception {
        // generous: a loaded 2-core machine has taken more than two minutes
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (true) {
            assertThat(process.isAlive()).as("the instance is running").isTrue();
            try {
                if (Http.get(base + "/actuator/health").body().contains("\"UP\"")) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // connection refused while starting
            }
            assertThat(Instant.now()).as("the instance became healthy").isBefore(deadline);
            Thread.sleep(250);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
