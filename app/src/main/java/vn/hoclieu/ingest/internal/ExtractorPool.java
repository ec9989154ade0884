package vn.hoclieu.ingest.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.ingest.IngestProperties;

/**
 * A pool of extractor processes ({@link ExtractorProcess}), one per worker, each with its own
 * heap limit and killed when a file takes longer than the time limit. A process that hangs, runs
 * out of memory or crashes is replaced; its file ends TIMED_OUT or FAILED with the reason, and the
 * application never notices anything else.
 */
final class ExtractorPool implements AutoCloseable {

    static final int READY = 0x484C4531; // "HLE1"
    private static final Logger log = LoggerFactory.getLogger(ExtractorPool.class);
    private static final long START_TIMEOUT_SECONDS = 120;
    private static final String TOO_LONG = "too long";
    private static final String STUCK = "no progress";

    private final IngestProperties properties;
    private final LinkedBlockingDeque<Child> idle = new LinkedBlockingDeque<>();
    private final List<String> command;
    private volatile boolean closed;

    ExtractorPool(IngestProperties properties) {
        this.properties = properties;
        this.command = command(properties);
    }

    Extraction extract(Path file, String name, String declaredType) {
        return run(new ExtractionCodec.Request(file.toString(), name, declaredType));
    }

    /** One page of a scanned PDF read by OCR (0-based), in whichever extractor process is free. */
    Extraction ocrPage(Path pdf, int page) {
        return run(new ExtractionCodec.Request(pdf.toString(), "", TikaParsing.PDF_TYPE, page));
    }

    private Extraction run(ExtractionCodec.Request request) {
        String declaredType = request.declaredType();
        Child child = idle.pollFirst();
        try {
            if (child == null || !child.process.isAlive()) {
                child = start();
            }
        } catch (IOException e) {
            log.warn("could not start an extractor process: {}", e.getMessage());
            throw new IllegalStateException("the extractor process could not start: " + e.getMessage(), e);
        }
        Child running = child;
        try {
            Extraction result = running.run(request, properties.timeout().toMillis(), properties.maxTime().toMillis());
            if (!closed) {
                idle.offerFirst(running);
            } else {
                running.stop();
            }
            return result;
        } catch (TimeoutException e) {
            running.kill();
            return Extraction.failed(ExtractionStatus.TIMED_OUT, TOO_LONG.equals(e.getMessage())
                    ? Reason.of("reason.timedOut.total", properties.maxTime().toMinutes())
                    : Reason.of("reason.timedOut", properties.timeout().toSeconds()), declaredType);
        } catch (IOException | ExecutionException e) {
            // its output ended: it is dying (out of memory, a crash); let it finish saying why
            int exit = running.ended();
            String why = exit == 3 ? Reason.of("reason.outOfMemory", properties.extractorHeap())
                    : Reason.of("reason.extractorStopped", exit);
            return Extraction.failed(ExtractionStatus.FAILED, why, declaredType);
        } catch (InterruptedException e) {
            running.kill();
            Thread.currentThread().interrupt();
            return Extraction.failed(ExtractionStatus.FAILED, Reason.of("reason.interrupted"), declaredType);
        }
    }

    private Child start() throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Child child = new Child(process);
        try {
            Future<Integer> ready = child.reader.submit(() -> child.in.readInt());
            if (ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS) != READY) {
                child.kill();
                throw new IOException("unexpected greeting from the extractor process");
            }
        } catch (TimeoutException | ExecutionException e) {
            child.kill();
            throw new IOException("the extractor process did not start: " + e, e);
        } catch (InterruptedException e) {
            child.kill();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return child;
    }

    @Override
    public void close() {
        closed = true;
        Child c;
        while ((c = idle.pollFirst()) != null) {
            c.stop();
        }
    }

    /** The same Java, the same classes (from the fat jar or the class path), the extractor's main class. */
    static List<String> command(IngestProperties properties) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + properties.extractorHeap());
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:+UseSerialGC");
        for (String option : properties.extractorJvmOptions().split("\\s+")) {
            if (!option.isEmpty()) {
                cmd.add(option);
            }
        }
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dfile.encoding=UTF-8");
        String classpath = classpath();
        cmd.add("-cp");
        cmd.add(classpath);
        if (isBootJar(classpath)) {
            cmd.add("-Dloader.main=" + ExtractorProcess.class.getName());
            cmd.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        } else {
            cmd.add(ExtractorProcess.class.getName());
        }
        cmd.add(String.valueOf(properties.writeLimit()));
        cmd.add(String.valueOf(properties.ocr()));
        cmd.add(properties.ocrLanguages());
        return cmd;
    }

    /**
     * Where this application's classes come from: the fat jar ({@code java -jar}), the test class
     * path (Surefire), the class loader's own files (Maven's exec plugin), or the JVM's class path.
     */
    static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null) {
            return surefire;
        }
        String jvm = System.getProperty("java.class.path");
        if (isBootJar(jvm)) {
            return jvm;
        }
        if (ExtractorProcess.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> files = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                if ("file".equals(url.getProtocol())) {
                    try {
                        files.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException ignored) {
                        // not a plain file: skip it
                    }
                }
            }
            if (!files.isEmpty()) {
                return String.join(File.pathSeparator, files);
            }
        }
        return jvm;
    }

    private static boolean isBootJar(String classpath) {
        if (classpath.contains(File.pathSeparator) || !classpath.endsWith(".jar") || !Files.isRegularFile(Path.of(classpath))) {
            return false;
        }
        try (JarFile jar = new JarFile(classpath)) {
            return jar.getEntry("BOOT-INF/classes/") != null || jar.getEntry("BOOT-INF/lib/") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** One extractor process and the thread that reads its answers. */
    private static final class Child {
        final Process process;
        final DataOutputStream out;
        final DataInputStream in;
        final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "extractor-reader");
            t.setDaemon(true);
            return t;
        });

        Child(Process process) {
            this.process = process;
            this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            this.in = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        }

        /**
         * Sends the request and waits for the result: as long as the extractor reports progress at
         * least every {@code idleMillis}, up to {@code maxMillis} in all.
         */
        Extraction run(ExtractionCodec.Request request, long idleMillis, long maxMillis)
                throws IOException, TimeoutException, ExecutionException, InterruptedException {
            ExtractionCodec.write(out, request);
            long giveUpAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(giveUpAt - System.nanoTime());
                if (left <= 0) {
                    throw new TimeoutException(TOO_LONG);
                }
                long wait = Math.min(idleMillis, left);
                Future<Extraction> frame = reader.submit(() -> ExtractionCodec.readFrame(in));
                Extraction result;
                try {
                    result = frame.get(wait, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    throw new TimeoutException(wait < idleMillis ? TOO_LONG : STUCK);
                }
                if (result != null) {
                    return result;
                }
            }
        }

        /** Waits a little for a dying process to exit by itself, else kills it; returns its exit code. */
        int ended() {
            try {
                if (process.waitFor(5, TimeUnit.SECONDS)) {
                    reader.shutdownNow();
                    return process.exitValue();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return kill();
        }

        /** Kills the process at once; returns its exit code. */
        int kill() {
            process.destroyForcibly();
            reader.shutdownNow();
            try {
                return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /** Asks the process to end (end of input), then makes sure it does. */
        void stop() {
            try {
                out.close();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
            reader.shutdownNow();
        }
    }
}
