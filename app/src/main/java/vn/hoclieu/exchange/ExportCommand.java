package vn.hoclieu.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.ingest.ImportCommand;
import vn.hoclieu.storage.ByteSizes;

/**
 * {@code java -jar hoclieu.jar export --collection=ID|--library=CODE FILE}: writes an exchange package to
 * FILE (on a USB stick, say) with a progress bar. The shell is the server's operator and exports as an
 * administrator would; still only published material is written. The package is written beside FILE and
 * renamed to it once complete and on disk, so an interrupted export never leaves a package that looks whole.
 */
@Component
public class ExportCommand {

    public static final String USAGE = "export --collection=ID|--library=CODE FILE";
    static final Viewer SHELL = new Viewer(0L, "system:shell-export", Role.ADMIN, null);

    private final ExchangeExports exports;
    private final MessageSource messages;

    ExportCommand(ExchangeExports exports, MessageSource messages) {
        this.exports = exports;
        this.messages = messages;
    }

    /** @return 0 when the package is written, 1 when writing it failed, 2 for a bad argument */
    public int run(String collection, String library, Path file, PrintStream out) {
        // the shell speaks English, refusals included
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            out.println(target + " already exists; give the name of a new file (nothing is overwritten).");
            return 2;
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            out.println("No such folder: " + target.getParent());
            return 2;
        }
        ExportPlan plan;
        try {
            plan = collection != null ? exports.collection(Long.parseLong(collection.strip()), SHELL)
                    : exports.library(library.strip(), SHELL);
        } catch (NumberFormatException e) {
            out.println("Not a collection id: " + collection + " (the number in its address, /collections/12)");
            return 2;
        } catch (ErrorResponseException e) {
            out.println(messages.getMessage(e.getDetailMessageCode(), e.getDetailMessageArguments(),
                    e.getDetailMessageCode(), Locale.ENGLISH));
            return 2;
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        boolean terminal = System.console() != null;
        ExportSummary summary;
        try {
            try (OutputStream o = Files.newOutputStream(part)) {
                summary = exports.write(plan, o, new Bar(out, terminal));
            }
            try (FileChannel written = FileChannel.open(part, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            moveInto(part, target);
        } catch (IOException | RuntimeException e) {
            if (terminal) {
                out.println();
            }
            out.println("Could not write " + target + ": " + e.getMessage());
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the message above already says the export failed
            }
            return 1;
        }
        if (terminal) {
            out.println();
        }
        out.printf("Wrote %s: %d resources, %d files, %s%n", target, summary.resources(), summary.files(),
                ByteSizes.format(summary.bytes()));
        if (summary.resources() == 0) {
            out.println("The package holds no resource: nothing published there has files to export.");
        }
        return 0;
    }

    /** A rename in one folder; file systems that cannot make it atomic (some USB sticks) get a plain one. */
    private static void moveInto(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target);
        }
    }

    /** The progress bar: redrawn on a terminal, a line every few seconds in a log. */
    private static final class Bar implements ExportProgress {

        private final PrintStream out;
        private final boolean terminal;
        private int total;
        private Instant lastLine = Instant.EPOCH;

        Bar(PrintStream out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        @Override
        public void described(int resources, int files, long bytes) {
            total = files;
            out.println(resources + " resources, " + files + " files (" + ByteSizes.format(bytes) + ") to write");
            show(0);
        }

        @Override
        public void wrote(int files, long bytes) {
            show(files);
        }

        private void show(int files) {
            if (terminal || files == total || Duration.between(lastLine, Instant.now()).toSeconds() >= 5) {
                out.print(ImportCommand.progressBar(files, total, "files written", terminal));
                lastLine = Instant.now();
            }
        }
    }
}
