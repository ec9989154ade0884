package vn.hoclieu;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An operating-system program some tests need, and the Debian packages that bring it. A test that
 * needs one says so with {@link RequiresTool}: without the program it is skipped with one line that
 * names the packages, unless {@code HOCLIEU_REQUIRE_TOOLS=true} (what {@code .ci/run} sets), when the
 * skip becomes a failure.
 *
 * <p>Programs are looked up on {@code HOCLIEU_TEST_TOOLS_PATH} (or {@code -Dhoclieu.test.tools-path}),
 * else on {@code PATH}: pointing it at an empty folder shows what a machine with only Java sees.
 */
public enum Tool {

    CHROMIUM("chromium", "chromium"),
    CHROMEDRIVER("chromedriver", "chromium-driver"),
    /** Tesseract with the Vietnamese and English data the application reads scans with. */
    TESSERACT("tesseract", "tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng") {
        @Override
        Optional<String> problem(Path program) {
            String languages = run(program, "--list-langs");
            boolean vie = languages.lines().anyMatch(l -> l.strip().equals("vie"));
            boolean eng = languages.lines().anyMatch(l -> l.strip().equals("eng"));
            return vie && eng ? Optional.empty() : Optional.of("tesseract has no vie or eng language data");
        }
    },
    FFMPEG("ffmpeg", "ffmpeg");

    private final String program;
    private final String packages;
    private volatile Optional<String> missing;

    Tool(String program, String packages) {
        this.program = program;
        this.packages = packages;
    }

    /** The packages to install, as {@code apt-get install} takes them. */
    public String packages() {
        return packages;
    }

    /** Where the program is, if it is there and works. */
    public Optional<Path> path() {
        return missing().isEmpty() ? find() : Optional.empty();
    }

    /** Why the program cannot be used here (one line naming the packages), or empty when it can. */
    public Optional<String> missing() {
        Optional<String> m = missing;
        if (m == null) {
            Optional<Path> found = find();
            Optional<String> problem = found.isEmpty() ? Optional.of(program + " is not installed") : problem(found.get());
            m = problem.map(p -> p + ": apt-get install " + packages + " (Debian)");
            missing = m;
        }
        return m;
    }

    /** Whether a missing tool fails the test instead of skipping it. */
    public static boolean required() {
        return Boolean.parseBoolean(setting("hoclieu.require-tools", "false"));
    }

    Optional<String> problem(Path program) {
        return Optional.empty();
    }

    private Optional<Path> find() {
        String path = setting("hoclieu.test.tools-path", System.getenv().getOrDefault("PATH", ""));
        return Arrays.stream(path.split(File.pathSeparator)).filter(d -> !d.isBlank())
                .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }

    static String run(Path program, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = program.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor(30, TimeUnit.SECONDS) ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** A system property, else its environment variable (HOCLIEU_REQUIRE_TOOLS for hoclieu.require-tools). */
    static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
