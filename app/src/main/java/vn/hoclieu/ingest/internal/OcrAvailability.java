package vn.hoclieu.ingest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import vn.hoclieu.catalog.Reason;

/**
 * Whether Tesseract can read what Hoclieu asks of it: the program on the PATH and every language
 * pack configured ({@code vie+eng}). A missing one is a reason shown to people, not a crash.
 *
 * @param problem null when available, else what is missing (for administrators, in health details)
 * @param reason  the same, as a {@link Reason} for the people who see a file without text
 */
record OcrAvailability(boolean available, String version, List<String> languages, String problem, String reason) {

    private static final Map<String, OcrAvailability> KNOWN = new ConcurrentHashMap<>();

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
                String packages = missing.stream().map(l -> "tesseract-ocr-" + l).collect(Collectors.joining(" "));
                return new OcrAvailability(false, version, installed,
                        "Tesseract language data missing: " + String.join(", ", missing)
                                + " (Debian: apt-get install " + packages + ")",
                        Reason.of("reason.noText.ocrLanguageMissing", String.join(", ", missing), packages));
            }
            return new OcrAvailability(true, version, installed, null, null);
        } catch (IOException e) {
            return new OcrAvailability(false, null, List.of(),
                    "tesseract is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-vie)",
                    Reason.of("reason.noText.ocrMissing"));
        }
    }

    private static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            // read in the background: a hung program must cost 20 s, not a worker forever
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed");
            }
            return new String(out.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(String.join(" ", command) + " gave no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            p.destroy();
        }
    }
}
