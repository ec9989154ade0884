package vn.hoclieu.ingest.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoclieu.catalog.PageDrawing;
import vn.hoclieu.ingest.IngestProperties;

/**
 * The extractor child process: reads requests on stdin, parses each file with Tika, writes the
 * result on stdout. It has its own heap; a parser that hangs or runs out of memory takes down
 * only this process, which the application replaces (see {@link ExtractorPool}).
 *
 * <p>Arguments: write limit, OCR on/off, OCR languages; or {@value ExtractorPool#PICTURES} alone for a
 * process that draws PDF pages for the phone reader instead.
 */
public final class ExtractorProcess {

    private ExtractorProcess() {
    }

    public static void main(String[] args) throws Exception {
        // stdout carries the protocol: whatever a library prints goes to stderr instead
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        // no Spring here to configure logging: only warnings and errors, on stderr (the application's log)
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        // If the application dies (even by kill -9) while a parser hangs here, do not linger.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
        if (args.length > 0 && ExtractorPool.PICTURES.equals(args[0])) {
            drawPages(in, out);
            return;
        }
        int writeLimit = Integer.parseInt(args[0]);
        boolean ocr = Boolean.parseBoolean(args[1]);
        String languages = args[2];
        TikaParsing tika = new TikaParsing(new IngestProperties(1, Duration.ofDays(1), writeLimit, 1, ocr, languages));
        out.writeInt(ExtractorPool.READY);
        out.flush();
        while (true) {
            ExtractionCodec.Request request;
            try {
                request = ExtractionCodec.readRequest(in);
            } catch (EOFException parentGone) {
                return;
            }
            if (!request.wholeFile()) {
                ExtractionCodec.write(out, tika.ocrPage(Path.of(request.file()), request.page()));
                continue;
            }
            long[] lastProgress = {System.nanoTime()}; // nanoTime's origin is arbitrary: never compare with 0
            Extraction result = tika.read(Path.of(request.file()), request.name(), request.declaredType(), () -> {
                // at most one a second: a 2,000-page PDF must not flood the pipe
                long now = System.nanoTime();
                if (now - lastProgress[0] > 1_000_000_000L) {
                    lastProgress[0] = now;
                    try {
                        out.writeInt(ExtractionCodec.PROGRESS);
                        out.flush();
                    } catch (IOException parentGone) {
                        Runtime.getRuntime().halt(0);
                    }
                }
            });
            ExtractionCodec.write(out, result);
        }
    }

    /**
     * A picture process: draws PDF pages for the phone reader, one request at a time. A file it cannot
     * open or draw is answered with the reason; running out of memory ends the process (exit code 3).
     */
    private static void drawPages(DataInputStream in, DataOutputStream out) throws IOException {
        out.writeInt(ExtractorPool.READY);
        out.flush();
        while (true) {
            ExtractionCodec.PictureRequest request;
            try {
                request = ExtractionCodec.readPictureRequest(in);
            } catch (EOFException parentGone) {
                return;
            }
            PageDrawing.Drawn drawn;
            try {
                drawn = PagePictures.draw(Path.of(request.file()), request.page(), request.width(), request.maxHeight());
            } catch (IOException e) {
                ExtractionCodec.writePictureRefused(out, String.valueOf(e.getMessage()));
                continue;
            }
            ExtractionCodec.writePicture(out, drawn);
        }
    }
}
