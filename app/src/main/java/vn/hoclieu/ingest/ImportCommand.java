package vn.hoclieu.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.CatalogReads;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.catalog.ResourceView;
import vn.hoclieu.ingest.internal.ZipImport;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;

/**
 * {@code java -jar hoclieu.jar import DIR|FILE.zip [--library=CODE]}: imports a folder or a ZIP (an
 * exchange package among them, recognised by its manifest), waits until every
 * file is read and indexed, prints a per-file report, and tells by its exit code whether any file
 * failed (not stored, or its content could not be read).
 */
@Component
public class ImportCommand {

    static final Viewer SHELL = new Viewer(0L, "system:shell-import", Role.ADMIN, null);

    private final IngestService ingest;
    private final CatalogReads catalog;
    private final LibraryService libraries;

    private final MessageSource messages;

    private final ZipImport zips;
    private final Path workDir;

    ImportCommand(IngestService ingest, CatalogReads catalog, LibraryService libraries, MessageSource messages,
                  ZipImport zips, @Value("${hoclieu.data-dir:./data}") Path dataDir) {
        this.zips = zips;
        this.workDir = dataDir.resolve("imports");
        this.messages = messages;
        this.ingest = ingest;
        this.catalog = catalog;
        this.libraries = libraries;
    }

    static String progress(long finished, long total, boolean terminal) {
        return progressBar(finished, total, "files read", terminal);
    }

    /**
     * The shell commands' progress bar: on a terminal one line that "\r" redraws, in a log a line at a time.
     *
     * @param what what is counted, after the counts ("files read")
     */
    public static String progressBar(long finished, long total, String what, boolean terminal) {
        int width = 30;
        int filled = total == 0 ? width : (int) (width * Math.min(finished, total) / total);
        String bar = "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + finished + "/" + total + " " + what;
        return terminal ? "\r" + bar : bar + System.lineSeparator();
    }

    /**
     * @param source a folder, or a ZIP file (files with an optional metadata.csv, or an exchange package)
     * @return the process exit code: 0 when every file was imported and read, 1 otherwise, 2 for bad usage
     */
    public int run(Path source, String library, PrintStream out) throws Exception {
        // the shell speaks English, reasons included
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        boolean zip = Files.isRegularFile(source);
        if (!zip && !Files.isDirectory(source)) {
            out.println("Not a folder or a ZIP file: " + source.toAbsolutePath());
            return 2;
        }
        if (zip && !isZip(source)) {
            out.println("Not a ZIP file: " + source.toAbsolutePath() + ". Give a folder, or a .zip file.");
            return 2;
        }
        if (library != null && libraries.byCode(library).isEmpty()) {
            out.println("Unknown library code: " + library + ". Known: "
                    + libraries.all().stream().map(LibraryView::code).collect(Collectors.joining(", ")));
            return 2;
        }
        ImportReport report;
        try {
            report = zip ? zips.run(source, workDir.resolve("shell-" + ProcessHandle.current().pid() + ".d"), library,
                    ImportDefaults.NONE, SHELL, ImportProgress.NONE) : ingest.importFolder(source, library, SHELL);
        } catch (ImportRefusedException e) {
            out.println("Not imported: " + Reason.text(e.reason(), messages, Locale.ENGLISH));
            return 1;
        }
        List<Long> created = report.entries().stream()
                .filter(e -> e.outcome() == ImportReport.Outcome.IMPORTED)
                .map(ImportReport.Entry::resourceId).toList();
        Instant deadline = Instant.now().plus(Duration.ofHours(6));
        boolean terminal = System.console() != null;
        long lastShown = -1;
        Instant lastLine = Instant.EPOCH;
        while (Instant.now().isBefore(deadline)) {
            List<JobView> jobs = ingest.jobsOf(created);
            long open = jobs.stream().filter(j -> j.status() == JobStatus.QUEUED || j.status() == JobStatus.RUNNING)
                    .count();
            long finished = jobs.size() - open;
            if (finished != lastShown && (terminal || Duration.between(lastLine, Instant.now()).toSeconds() >= 5
                    || open == 0)) {
                out.print(progress(finished, jobs.size(), terminal));
                lastShown = finished;
                lastLine = Instant.now();
            }
            if (open == 0) {
                break;
            }
            Thread.sleep(250);
        }
        if (terminal) {
            out.println();
        }
        Map<Long, ResourceView> views = created.stream()
                .map(id -> catalog.find(id, SHELL).orElse(null)).filter(Objects::nonNull)
                .collect(Collectors.toMap(ResourceView::id, Function.identity()));
        int failed = 0;
        for (ImportReport.Entry e : report.entries()) {
            String line;
            boolean ok;
            if (e.outcome() == ImportReport.Outcome.IMPORTED && views.containsKey(e.resourceId())) {
                ResourceView.FileView main = views.get(e.resourceId()).mainFile();
                ExtractionStatus status = main.extraction().status();
                ok = status.hasText() || status == ExtractionStatus.OK;
                line = String.format("%-9s %-10s #%-6d %s%s", ok ? "OK" : "FAILED", status, e.resourceId(), e.file(),
                        main.extraction().reason() == null ? "" : " — " + main.extraction().reason());
            } else if (e.outcome() == ImportReport.Outcome.DUPLICATE) {
                ok = true;
                line = String.format("%-9s %-10s #%-6d %s — already in the catalogue", "DUPLICATE", "", e.resourceId(),
                        e.file());
            } else {
                ok = false;
                line = String.format("%-9s %-10s %-7s %s — %s", "FAILED", "", "", e.file(),
                        Reason.text(e.message(), messages, Locale.ENGLISH));
            }
            if (!ok) {
                failed++;
            }
            out.println(line);
        }
        out.printf("%d files: %d imported, %d duplicates, %d failed%n", report.entries().size(),
                report.count(ImportReport.Outcome.IMPORTED), report.count(ImportReport.Outcome.DUPLICATE), failed);
        return failed == 0 ? 0 : 1;
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ZipImport.startsLikeZip(in);
        }
    }
}
