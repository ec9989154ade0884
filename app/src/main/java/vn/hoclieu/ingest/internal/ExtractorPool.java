package vn.hoclieu.ingest.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.catalog.PageDrawing;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.ingest.IngestProperties;

/**
 * A pool of extractor processes ({@link ExtractorProcess}), one per worker, each with its own
 * heap limit and killed when a file takes longer than the time limit. A process that hangs, runs
 * out of memory or crashes is replaced; its file ends TIMED_OUT or FAILED with the reason, and the
 * application never notices anything else.
 *
 * <p>A second pool of the same processes draws PDF pages for the phone reader ({@link #forPictures}):
 * started when a page is first asked for, with a smaller heap, and stopped after
 * {@value #PICTURES_IDLE_SECONDS} s without a page to draw, so a server nobody reads on keeps no
 * process for it.
 */
final class ExtractorPool implements AutoCloseable {

    static final int READY = 0x484C4531; // "HLE1"
    /** The argument that makes an extractor process draw pages instead of reading files. */
    static final String PICTURES = "pictures";
    /** A page is drawn at most 960 × 2880 pixels: PDFBox needs far less than a reader's heap. */
    static final String PICTURES_HEAP = "256m";
    static final long PICTURES_IDLE_SECONDS = 120;
    /**
     * The quick compiler alone: a picture process lives for a reader's few pages, and on Debian's books
     * it showed the first page in 0.6 s instead of 0.9 and stayed 180 MB resident instead of 216, for
     * 47 ms a page once warm instead of 36 (docs/performance.md, page pictures).
     */
    static final String PICTURES_JVM_OPTIONS = "-XX:TieredStopAtLevel=1";
    private static final Logger log = LoggerFactory.getLogger(ExtractorPool.class);
    private static final long START_TIMEOUT_SECONDS = 120;
    private static final String TOO_LONG = "too long";
    private static final String STUCK = "no progress";

    private final IngestProperties properties;
    private final LinkedBlockingDeque<Child> idle = new LinkedBlockingDeque<>();
    private final List<String> command;
    private final String heap;
    private final ScheduledExecutorService reaper;
    private volatile boolean closed;

    ExtractorPool(IngestProperties properties) {
        this(properties, properties.extractorHeap(), command(properties), 0);
    }

    private ExtractorPool(IngestProperties properties, String heap, List<String> command, long idleSeconds) {
        this.properties = properties;
        this.heap = heap;
        this.command = command;
        if (idleSeconds > 0) {
            this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "extractor-idle");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(1, idleSeconds / 4);
            reaper.scheduleWithFixedDelay(() -> stopIdle(TimeUnit.SECONDS.toNanos(idleSeconds)), every, every,
                    TimeUnit.SECONDS);
        } else {
            this.reaper = null;
        }
    }

    /** Processes that draw PDF pages ({@link #picture}); none until the first page is asked for. */
    static ExtractorPool forPictures(IngestProperties properties) {
        return forPictures(properties, PICTURES_IDLE_SECONDS);
    }

    static ExtractorPool forPictures(IngestProperties properties, long idleSeconds) {
        String options = PICTURES_JVM_OPTIONS + " " + properties.extractorJvmOptions();
        return new ExtractorPool(properties, PICTURES_HEAP, command(PICTURES_HEAP, options, List.of(PICTURES)),
                idleSeconds);
    }

    Extraction extract(Path file, String name, String declaredType) {
        return run(new ExtractionCodec.Request(file.toString(), name, declaredType));
    }

    /** One page of a scanned PDF read by OCR (0-based), in whichever extractor process is free. */
    Extraction ocrPage(Path pdf, int page) {
        return run(new ExtractionCodec.Request(pdf.toString(), "", TikaParsing.PDF_TYPE, page));
    }

    /**
     * Page {@code page} (from 1; 0 for the count alone) of a PDF drawn in a picture process, which is
     * killed if the drawing takes longer than {@code limit}.
     *
     * @throws IOException why not: the file's fault (damaged, locked), the time limit, or the process
     *                     running out of memory or stopping
     */
    PageDrawing.Drawn picture(Path pdf, int page, int width, int maxHeight, Duration limit) throws IOException {
        Child running = take();
        try {
            PageDrawing.Drawn drawn = running.call(
                    out -> ExtractionCodec.write(out, new ExtractionCodec.PictureRequest(pdf.toString(), page, width,
                            maxHeight)),
                    ExtractionCodec::readPicture, limit.toMillis(), limit.toMillis());
            giveBack(running);
            return drawn;
        } catch (ExtractionCodec.RefusedPicture e) {
            giveBack(running); // the file could not be drawn; the process is as good as before
            throw e;
        } catch (TimeoutException e) {
            running.kill();
            throw new IOException("took longer than " + limit.toSeconds() + " s");
        } catch (IOException e) {
            int exit = running.ended();
            throw new IOException(exit == 3 ? "out of memory (" + heap + ")" : "the process stopped, exit code " + exit);
        } catch (InterruptedException e) {
            running.kill();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    /** An idle process, or a new one. */
    private Child take() {
        Child child = idle.pollFirst();
        try {
            if (child == null || !child.process.isAlive()) {
                child = start();
            }
        } catch (IOException e) {
            log.warn("could not start an extractor process: {}", e.getMessage());
            throw new IllegalStateException("the extractor process could not start: " + e.getMessage(), e);
        }
        return child;
    }

    private void giveBack(Child child) {
        if (!closed) {
            child.lastUsed = System.nanoTime();
            idle.offerFirst(child);
        } else {
            child.stop();
        }
    }

    /** Stops the processes that have waited longer than {@code idleNanos} for work. */
    private void stopIdle(long idleNanos) {
        long now = System.nanoTime();
        for (Child c : idle) {
            if (now - c.lastUsed > idleNanos && idle.remove(c)) {
                c.stop();
            }
        }
    }

    private Extraction run(ExtractionCodec.Request request) {
        String declaredType = request.declaredType();
        Child running = take();
        try {
            Extraction result = running.call(out -> ExtractionCodec.write(out, request), ExtractionCodec::readFrame,
                    properties.timeout().toMillis(), properties.maxTime().toMillis());
            giveBack(running);
            return result;
        } catch (TimeoutException e) {
            running.kill();
            return Extraction.failed(ExtractionStatus.TIMED_OUT, TOO_LONG.equals(e.getMessage())
                    ? Reason.of("reason.timedOut.total", properties.maxTime().toMinutes())
                    : Reason.of("reason.timedOut", properties.timeout().toSeconds()), declaredType);
        } catch (IOException e) {
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
        if (reaper != null) {
            reaper.shutdownNow();
        }
        Child c;
        while ((c = idle.pollFirst()) != null) {
            c.stop();
        }
    }

    /** The same Java, the same classes (from the fat jar or the class path), the extractor's main class. */
    static List<String> command(IngestProperties properties) {
        return command(properties.extractorHeap(), properties.extractorJvmOptions(), List.of(
                String.valueOf(properties.writeLimit()), String.valueOf(properties.ocr()), properties.ocrLanguages()));
    }

    private static List<String> command(String heap, String jvmOptions, List<String> arguments) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:+UseSerialGC");
        for (String option : jvmOptions.split("\\s+")) {
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
        cmd.addAll(arguments);
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

    private interface Request {
        void writeTo(DataOutputStream out) throws IOException;
    }

    private interface Frame<T> {
        /** The next frame: the answer, or null for a progress frame. */
        T read(DataInputStream in) throws IOException;
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
        volatile long lastUsed = System.nanoTime();

        Child(Process process) {
            this.process = process;
            this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            this.in = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        }

        /**
         * Sends the request and waits for the answer: as long as the process reports progress (a frame
         * read as null) at least every {@code idleMillis}, up to {@code maxMillis} in all.
         */
        <T> T call(Request request, Frame<T> frame, long idleMillis, long maxMillis)
                throws IOException, TimeoutException, InterruptedException {
            request.writeTo(out);
            long giveUpAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(giveUpAt - System.nanoTime());
                if (left <= 0) {
                    throw new TimeoutException(TOO_LONG);
                }
                long wait = Math.min(idleMillis, left);
                Future<T> next = reader.submit(() -> frame.read(in));
                T result;
                try {
                    result = next.get(wait, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    throw new TimeoutException(wait < idleMillis ? TOO_LONG : STUCK);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
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
