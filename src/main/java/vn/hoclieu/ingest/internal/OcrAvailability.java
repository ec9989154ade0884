package vn.hoclieu.ingest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether Tesseract can read what Hoclieu asks of it: the program on the PATH and every language
 * pack configured ({@code vie+eng}). A missing one is a reason shown to people, not a crash.
 *
 * @param problem null when available, else what is missing
 */
record OcrAvailability(boolean available, String version, List<String> languages, String problem) {

    private static final java.util.Map<String, OcrAvailability> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    /** Checked once per set of languages (it runs {@code tesseract}); install Tesseract, then restart. */
    static OcrAvailability of(String wanted) {
        return KNOWN.computeIfAbsent(wanted, OcrAvailability::check);
    }

    static OcrAvailability check(String wanted) {
        List<String> needed = Arrays.stream(wanted.split("\\+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        try {
            String version = run("tesseract", "--version").lines().findFirst().orElse("tesseract").strip();
            List<String> installed = run("tesseract", "--list-langs").lines().skip(1).map(String::strip).toList();
            List<String> missing = needed.stream().filter(l -> !installed.contains(l)).toList();
            if (!missing.isEmpty()) {
                return new OcrAvailability(false, version, installed,
                        "Tesseract language data missing: " + String.join(", ", missing)
                                + " (Debian: apt-get install tesseract-ocr-" + missing.get(0) + ")");
            }
            return new OcrAvailability(true, version, installed, null);
        } catch (IOException e) {
            return new OcrAvailability(false, null, List.of(),
                    "tesseract is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-vie)");
        }
    }

    private static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            p.destroy();
        }
    }
}
