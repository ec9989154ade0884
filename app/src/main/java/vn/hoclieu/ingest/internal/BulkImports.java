package vn.hoclieu.ingest.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.ingest.BulkImport;
import vn.hoclieu.ingest.ImportDefaults;
import vn.hoclieu.ingest.ImportProgress;
import vn.hoclieu.ingest.ImportRefusedException;
import vn.hoclieu.ingest.ImportReport;
import vn.hoclieu.storage.DiskSpace;
import vn.hoclieu.storage.InsufficientStorageException;

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
    private final ZipImport zips;
    private final TransactionTemplate tx;
    private final Path dir;
    private final Path inbox;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bulk-import");
        t.setDaemon(true);
        return t;
    });

    BulkImports(BulkImportRepository imports, FolderImporter folders, ZipImport zips, TransactionTemplate tx,
                DiskSpace space, @Value("${hoclieu.data-dir:./data}") Path dataDir,
                @Value("${hoclieu.ingest.import-root:}") String importRoot) {
        this.inbox = importRoot == null || importRoot.isBlank() ? dataDir.resolve("inbox") : Path.of(importRoot);
        this.imports = imports;
        this.folders = folders;
        this.zips = zips;
        this.tx = tx;
        this.dir = dataDir.resolve("imports");
        this.space = space;
    }

    private final DiskSpace space;

    /**
     * Keeps the ZIP and queues its import; returns the import id.
     *
     * @throws InsufficientStorageException when the data volume would keep less than its minimum free space
     */
    public long start(String name, InputStream zip, String libraryCode, ImportDefaults defaults, Viewer importer)
            throws IOException {
        Files.createDirectories(dir);
        space.requireRoom(-1);
        BulkImport created = tx.execute(s -> imports.save(new BulkImport(name, libraryCode, importer.username())
                .withDefaults(defaults)));
        Path kept = zipOf(created.getId());
        try (OutputStream out = Files.newOutputStream(kept)) {
            space.copy(zip, out);
        } catch (InsufficientStorageException | IOException e) {
            // not acknowledged: neither the partial ZIP nor its import stays behind
            Files.deleteIfExists(kept);
            tx.executeWithoutResult(s -> imports.deleteById(created.getId()));
            throw e;
        }
        // acknowledged means durable: the ZIP and its name in the folder reach the disk first
        try (FileChannel channel = FileChannel.open(kept, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException notOnThisFileSystem) {
            // some file systems cannot sync a folder; the file itself is on disk
        }
        worker.submit(() -> run(created.getId(), importer));
        return created.getId();
    }

    /** Where administrators put folders to import (copied there by USB disk, SFTP, a network share). */
    public Path inbox() {
        return inbox;
    }

    /** The folders that can be imported: those directly inside the inbox, by name. */
    public List<String> importableFolders() {
        try {
            Files.createDirectories(inbox); // so that the folder the page names exists
        } catch (IOException e) {
            log.warn("could not create the import inbox {}: {}", inbox, e.toString());
            return List.of();
        }
        try (Stream<Path> children = Files.list(inbox)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            log.warn("could not list {}", inbox, e);
            return List.of();
        }
    }

    /**
     * Queues the import of a folder inside the inbox, read in place (nothing is copied but the
     * files themselves, into the blob store); returns the import id, or empty when {@code name}
     * is not a folder inside the inbox (nothing outside it is ever read).
     */
    public Optional<Long> startFolder(String name, String libraryCode, ImportDefaults defaults, Viewer importer) {
        Optional<Path> folder = resolveInInbox(name);
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        BulkImport created = tx.execute(s -> imports.save(BulkImport.ofFolder(name.strip(), folder.get(), libraryCode,
                importer.username()).withDefaults(defaults)));
        worker.submit(() -> run(created.getId(), importer));
        return Optional.of(created.getId());
    }

    private Optional<Path> resolveInInbox(String name) {
        if (name == null || name.isBlank() || name.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        try {
            Path root = inbox.toRealPath();
            Path folder = root.resolve(name.strip()).normalize();
            if (!folder.startsWith(root) || folder.equals(root) || !Files.isDirectory(folder)) {
                return Optional.empty();
            }
            Path real = folder.toRealPath(); // a symbolic link must not lead out of the inbox either
            return real.startsWith(root) ? Optional.of(real) : Optional.empty();
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The newest imports, with their items, for the librarians' dashboard; all of them, or one person's. */
    public List<BulkImport> recent(String createdBy, int limit) {
        Limit l = Limit.of(limit);
        return tx.execute(s -> {
            List<BulkImport> found = createdBy == null ? imports.findAllByOrderByIdDesc(l)
                    : imports.findByCreatedByOrderByIdDesc(createdBy, l);
            found.forEach(i -> i.getItems().size()); // read the items inside the transaction
            return found;
        });
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
        return new Viewer(0L, i.getCreatedBy(), Role.ADMIN, null);
    }

    private void run(long id, Viewer importer) {
        Path zip = zipOf(id);
        Path unpacked = dir.resolve(id + ".d");
        BulkImport bulk = find(id).orElseThrow();
        if (bulk.getFolder() != null) {
            runFolder(bulk, importer);
            return;
        }
        try {
            if (!Files.isRegularFile(zip)) {
                finish(id, BulkImport.Status.REJECTED, Reason.of("reason.import.zipGone"));
                return;
            }
            zips.run(zip, unpacked, bulk.getLibraryCode(), bulk.getDefaults(), importer, progressOf(id));
            finish(id, BulkImport.Status.STORED, null);
        } catch (ImportRefusedException e) {
            finish(id, BulkImport.Status.REJECTED, e.reason());
        } catch (IOException | RuntimeException e) {
            log.warn("bulk import {} failed", id, e);
            finish(id, BulkImport.Status.REJECTED, Reason.of("reason.import.zipUnreadable", String.valueOf(e.getMessage())));
        }
    }

    private void runFolder(BulkImport bulk, Viewer importer) {
        long id = bulk.getId();
        Path folder = Path.of(bulk.getFolder());
        try {
            if (!Files.isDirectory(folder)) {
                finish(id, BulkImport.Status.REJECTED, Reason.of("reason.import.folderGone", bulk.getSource()));
                return;
            }
            folders.importFolder(folder, bulk.getLibraryCode(), bulk.getDefaults(), importer, progressOf(id));
            finish(id, BulkImport.Status.STORED, null);
        } catch (ImportRefusedException e) {
            finish(id, BulkImport.Status.REJECTED, e.reason());
        } catch (IOException | RuntimeException e) {
            log.warn("bulk import {} of {} failed", id, folder, e);
            finish(id, BulkImport.Status.REJECTED, Reason.of("reason.import.folderUnreadable",
                    bulk.getSource(), String.valueOf(e.getMessage())));
        }
    }

    private ImportProgress progressOf(long id) {
        return new ImportProgress() {
            @Override
            public void planned(List<String> files) {
                tx.executeWithoutResult(s -> imports.findById(id).ifPresent(i -> i.plan(files)));
            }

            @Override
            public void done(ImportReport.Entry entry) {
                tx.executeWithoutResult(s -> imports.findById(id).ifPresent(i -> i.record(entry)));
            }
        };
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

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
