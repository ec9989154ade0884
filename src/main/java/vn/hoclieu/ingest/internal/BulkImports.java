package vn.hoclieu.ingest.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.ingest.BulkImport;
import vn.hoclieu.ingest.ImportReport;

/**
 * Bulk imports of ZIP files: the ZIP is kept under the data folder and acknowledged at once; one
 * background thread unpacks it safely and stores its files, recording each outcome as it goes,
 * so progress can be followed. An import interrupted by a restart is taken up again; files
 * already stored come back as duplicates of themselves and are not stored twice.
 */
@Component
public class BulkImports {

    private static final Logger log = LoggerFactory.getLogger(BulkImports.class);

    private final BulkImportRepository imports;
    private final FolderImporter folders;
    private final TransactionTemplate tx;
    private final Path dir;
    private final long maxUnpackedBytes;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bulk-import");
        t.setDaemon(true);
        return t;
    });

    BulkImports(BulkImportRepository imports, FolderImporter folders, TransactionTemplate tx,
                @Value("${hoclieu.data-dir:./data}") Path dataDir,
                @Value("${hoclieu.ingest.max-unpacked-bytes:21474836480}") long maxUnpackedBytes) {
        this.imports = imports;
        this.folders = folders;
        this.tx = tx;
        this.dir = dataDir.resolve("imports");
        this.maxUnpackedBytes = maxUnpackedBytes;
    }

    /** Keeps the ZIP and queues its import; returns the import id. */
    public long start(String name, InputStream zip, String libraryCode, Viewer importer) throws IOException {
        Files.createDirectories(dir);
        BulkImport created = tx.execute(s -> imports.save(new BulkImport(name, libraryCode, importer.username())));
        Files.copy(zip, zipOf(created.getId()), StandardCopyOption.REPLACE_EXISTING);
        worker.submit(() -> run(created.getId(), importer));
        return created.getId();
    }

    public Optional<BulkImport> find(long id) {
        return tx.execute(s -> imports.findById(id).map(i -> {
            i.getItems().size(); // read the items inside the transaction
            return i;
        }));
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        for (BulkImport unfinished : tx.execute(s -> imports.findByStatus(BulkImport.Status.RECEIVED))) {
            log.info("Resuming bulk import {} ({})", unfinished.getId(), unfinished.getSource());
            worker.submit(() -> run(unfinished.getId(), resumedAs(unfinished)));
        }
    }

    private static Viewer resumedAs(BulkImport i) {
        // the importer's rights were checked when the ZIP was accepted
        return new Viewer(0L, i.getCreatedBy(), vn.hoclieu.account.Role.ADMIN, null);
    }

    private void run(long id, Viewer importer) {
        Path zip = zipOf(id);
        Path unpacked = dir.resolve(id + ".d");
        BulkImport bulk = find(id).orElseThrow();
        try {
            if (!Files.isRegularFile(zip)) {
                finish(id, BulkImport.Status.REJECTED, Reason.of("reason.import.zipGone"));
                return;
            }
            deleteTree(unpacked);
            SafeZip.unpack(zip, unpacked, maxUnpackedBytes);
            folders.importFolder(unpacked, bulk.getLibraryCode(), importer, new FolderImporter.Progress() {
                @Override
                public void planned(List<String> files) {
                    tx.executeWithoutResult(s -> imports.findById(id).ifPresent(i -> i.plan(files)));
                }

                @Override
                public void done(ImportReport.Entry entry) {
                    tx.executeWithoutResult(s -> imports.findById(id).ifPresent(i -> i.record(entry)));
                }
            });
            finish(id, BulkImport.Status.STORED, null);
        } catch (SafeZip.TooLargeException e) {
            finish(id, BulkImport.Status.REJECTED, e.reason());
        } catch (IOException | RuntimeException e) {
            log.warn("bulk import {} failed", id, e);
            finish(id, BulkImport.Status.REJECTED, Reason.of("reason.import.zipUnreadable", String.valueOf(e.getMessage())));
        } finally {
            deleteTree(unpacked);
        }
    }

    private void finish(long id, BulkImport.Status status, String message) {
        tx.executeWithoutResult(s -> imports.findById(id).ifPresent(i -> i.finish(status, message)));
        try {
            Files.deleteIfExists(zipOf(id));
        } catch (IOException e) {
            log.warn("could not delete {}", zipOf(id));
        }
    }

    private Path zipOf(long id) {
        return dir.resolve(id + ".zip");
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}", root);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
