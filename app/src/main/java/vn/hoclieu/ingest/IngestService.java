package vn.hoclieu.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.CatalogReads;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.catalog.ResourcePermissions;
import vn.hoclieu.catalog.ResourceView;
import vn.hoclieu.ingest.internal.BulkImports;
import vn.hoclieu.ingest.internal.FolderImporter;
import vn.hoclieu.ingest.internal.IngestJobRepository;

/** The ingestion queue and bulk imports. */
@Service
@Transactional(readOnly = true)
public class IngestService {

    private static final Viewer STAFF = new Viewer(0L, "system:import-status", Role.ADMIN, null);

    private final IngestJobRepository jobs;
    private final FolderImporter folders;
    private final BulkImports bulk;
    private final CatalogReads catalog;
    private final ResourcePermissions permissions;

    private final MessageSource messages;

    IngestService(IngestJobRepository jobs, FolderImporter folders, BulkImports bulk, CatalogReads catalog,
                  ResourcePermissions permissions, MessageSource messages) {
        this.permissions = permissions;
        this.messages = messages;
        this.jobs = jobs;
        this.folders = folders;
        this.bulk = bulk;
        this.catalog = catalog;
    }

    /** Accepts a ZIP of files (and an optional metadata.csv) for import; returns at once. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ImportView startImport(String name, InputStream zip, String libraryCode, ImportDefaults defaults,
                                  Viewer importer) throws IOException {
        long id = bulk.start(name, zip, libraryCode, defaults, importer);
        return importStatus(id, importer).orElseThrow();
    }

    /**
     * Starts importing a folder that an administrator put in the import inbox on the server.
     *
     * @return the import, or empty when {@code folder} does not name a folder inside the inbox
     * @throws IllegalStateException when the caller is not an administrator
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<ImportView> startFolderImport(String folder, String libraryCode, ImportDefaults defaults,
                                                  Viewer importer) {
        if (!importer.has(Role.ADMIN)) {
            throw new IllegalStateException("only administrators import folders from the server");
        }
        return bulk.startFolder(folder, libraryCode, defaults, importer).flatMap(id -> importStatus(id, importer));
    }

    /** The folders an administrator may import, by name, and the inbox that holds them. */
    public List<String> importableFolders() {
        return bulk.importableFolders();
    }

    public Path importInbox() {
        return bulk.inbox();
    }

    /** An import with its progress, for the person who started it and for administrators. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<ImportView> importStatus(long id, Viewer viewer) {
        return bulk.find(id)
                .filter(i -> viewer.has(Role.ADMIN) || i.getCreatedBy().equals(viewer.username()))
                .map(this::view);
    }

    private ImportView view(BulkImport i) {
        List<Long> resourceIds = i.getItems().stream().map(BulkImportItem::getResourceId).filter(Objects::nonNull).toList();
        Set<Long> busy = jobsOf(resourceIds).stream()
                .filter(j -> j.status() == JobStatus.QUEUED || j.status() == JobStatus.RUNNING)
                .map(JobView::resourceId).collect(Collectors.toSet());
        List<ImportView.Item> items = new ArrayList<>();
        int done = 0;
        int failed = 0;
        int skipped = 0;
        for (BulkImportItem item : i.getItems()) {
            ImportView.State state;
            String extraction = null;
            String message = text(item.getMessage());
            if (item.getOutcome() == null) {
                state = ImportView.State.PENDING;
            } else if (item.getOutcome() == ImportReport.Outcome.FAILED) {
                state = ImportView.State.FAILED;
            } else if (item.getOutcome() == ImportReport.Outcome.DUPLICATE) {
                state = ImportView.State.DONE;
                skipped++;
            } else if (busy.contains(item.getResourceId())) {
                state = ImportView.State.PENDING;
            } else {
                var main = catalog.find(item.getResourceId(), STAFF).map(ResourceView::mainFile).orElse(null);
                ExtractionStatus status = main == null ? ExtractionStatus.FAILED : main.extraction().status();
                extraction = status.name();
                state = status.hasText() ? ImportView.State.DONE : ImportView.State.FAILED;
                if (main != null && main.extraction().reason() != null) {
                    message = main.extraction().reason();
                }
            }
            done += state == ImportView.State.DONE ? 1 : 0;
            failed += state == ImportView.State.FAILED ? 1 : 0;
            items.add(new ImportView.Item(item.getFile(), state, item.getOutcome(), item.getResourceId(), extraction,
                    message));
        }
        int total = items.size();
        return new ImportView(i.getId(), i.getStatus(), i.getSource(), total, done, skipped, failed,
                total - done - failed,
                text(i.getMessage()), i.getCreatedAt(), i.getFinishedAt(), items);
    }

    /** The newest jobs, optionally only those in one status. */
    public List<JobView> jobs(JobStatus status, int limit) {
        Limit l = Limit.of(Math.max(1, Math.min(limit, 1000)));
        return (status == null ? jobs.findAllByOrderByIdDesc(l) : jobs.findByStatusOrderByIdDesc(status, l))
                .stream().map(this::view).toList();
    }

    /**
     * The newest jobs the viewer may follow and act on: an administrator's are all, a librarian's those of
     * the materials they may change (their library's). Another library's file names, and the existence of
     * its unpublished materials, stay out of sight.
     */
    public List<JobView> jobs(JobStatus status, int limit, Viewer viewer) {
        return jobs(status, limit, null, viewer);
    }

    /**
     * {@link #jobs(JobStatus, int, Viewer)}, one page further: the jobs older than {@code before} (a job's
     * id; null for the newest). The viewer's filter is in the query, so every page is full.
     */
    public List<JobView> jobs(JobStatus status, int limit, Long before, Viewer viewer) {
        Limit l = Limit.of(Math.max(1, Math.min(limit, 1000)));
        long below = before == null ? Long.MAX_VALUE : before;
        if (viewer.has(Role.ADMIN)) {
            return jobs.page(status, below, l).stream().map(this::view).toList();
        }
        if (!viewer.has(Role.LIBRARIAN) || viewer.libraryId() == null) {
            return List.of(); // only a library's staff may follow its jobs (ResourcePermissions.mayChange)
        }
        return jobs.pageOfLibrary(status, below, viewer.libraryId(), l).stream().map(this::view).toList();
    }

    /** How many jobs are in this status, of those the viewer may follow ({@link #jobs(JobStatus, int, Viewer)}). */
    public long count(JobStatus status, Viewer viewer) {
        if (viewer.has(Role.ADMIN)) {
            return count(status);
        }
        return !viewer.has(Role.LIBRARIAN) || viewer.libraryId() == null ? 0
                : jobs.countOfLibrary(status, viewer.libraryId());
    }

    /** The job, if it exists and the viewer may follow it ({@link #jobs(JobStatus, int, Viewer)}). */
    public Optional<JobView> job(long jobId, Viewer viewer) {
        return job(jobId).filter(j -> viewer.has(Role.ADMIN) || permissions.mayChange(j.resourceId(), viewer));
    }

    /** {@link #retry(long)}, for a viewer who may act on the job; empty if they may not. */
    @Transactional // the unscoped method is called on this object, not through its proxy
    public Optional<JobView> retry(long jobId, Viewer viewer) {
        return job(jobId, viewer).isPresent() ? retry(jobId) : Optional.empty();
    }

    /** {@link #discard(long)}, for a viewer who may act on the job; empty if they may not. */
    @Transactional // the unscoped method is called on this object, not through its proxy
    public Optional<JobView> discard(long jobId, Viewer viewer) {
        return job(jobId, viewer).isPresent() ? discard(jobId) : Optional.empty();
    }

    /**
     * The queue at a glance as the viewer may see it: the jobs they may follow ({@link #jobs(JobStatus, int,
     * Viewer)}: a librarian's library's, an administrator's all), counted, the current batch of them, and
     * those being read. The queue page and the dashboard both count from here, so they say the same.
     */
    public QueueView queue(Viewer viewer) {
        if (viewer.has(Role.ADMIN)) {
            return queue();
        }
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        for (JobStatus s : JobStatus.values()) {
            counts.put(s, count(s, viewer));
        }
        if (!viewer.has(Role.LIBRARIAN) || viewer.libraryId() == null) {
            return new QueueView(counts, 0, 0, List.of());
        }
        long library = viewer.libraryId();
        Long first = jobs.firstIdOfLibraryIn(List.of(JobStatus.QUEUED, JobStatus.RUNNING), library);
        long total = first == null ? 0 : jobs.countOfLibraryFromIn(first, List.of(JobStatus.values()), library);
        long finished = first == null ? 0 : jobs.countOfLibraryFromIn(first, ENDED, library);
        return new QueueView(counts, finished, total, jobs(JobStatus.RUNNING, 50, viewer));
    }

    private static final List<JobStatus> ENDED = List.of(JobStatus.DONE, JobStatus.FAILED, JobStatus.DISCARDED);

    /** Jobs of the given resources, to follow an import to its end. */
    public List<JobView> jobsOf(Collection<Long> resourceIds) {
        return resourceIds.isEmpty() ? List.of()
                : jobs.findByResourceIdIn(List.copyOf(resourceIds)).stream().map(this::view).toList();
    }

    /**
     * Runs a finished, failed or discarded job again (for instance after installing Tesseract).
     *
     * @return the job, or empty if there is none or it is still queued or running
     */
    @Transactional
    public Optional<JobView> retry(long jobId) {
        return jobs.findById(jobId)
                .filter(j -> j.getStatus() != JobStatus.QUEUED && j.getStatus() != JobStatus.RUNNING)
                .map(j -> {
                    j.retry();
                    return view(j);
                });
    }

    /** Stops retrying a failed job. */
    @Transactional
    public Optional<JobView> discard(long jobId) {
        return jobs.findById(jobId).filter(j -> j.getStatus() == JobStatus.FAILED).map(j -> {
            j.discard();
            return view(j);
        });
    }

    public Optional<JobView> job(long jobId) {
        return jobs.findById(jobId).map(this::view);
    }

    public long count(JobStatus status) {
        return jobs.countByStatusIn(List.of(status));
    }

    /** The queue at a glance: counts, how far the current batch has come, what is being read. */
    public QueueView queue() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        for (JobStatus s : JobStatus.values()) {
            counts.put(s, count(s));
        }
        Long first = jobs.firstIdIn(List.of(JobStatus.QUEUED, JobStatus.RUNNING));
        long total = first == null ? 0 : jobs.countByIdGreaterThanEqual(first);
        long finished = first == null ? 0 : jobs.countByIdGreaterThanEqualAndStatusIn(first, ENDED);
        return new QueueView(counts, finished, total, jobs(JobStatus.RUNNING, 50));
    }

    /** The newest bulk imports the viewer may follow: an administrator's are all, anyone else's their own. */
    public List<ImportSummary> recentImports(Viewer viewer, int limit) {
        if (!viewer.signedIn()) {
            return List.of();
        }
        String who = viewer.has(Role.ADMIN) ? null : viewer.username();
        return bulk.recent(who, Math.max(1, Math.min(limit, 100))).stream().map(i -> {
            int imported = 0;
            int duplicates = 0;
            int failed = 0;
            int pending = 0;
            for (BulkImportItem item : i.getItems()) {
                if (item.getOutcome() == null) {
                    pending++;
                } else {
                    switch (item.getOutcome()) {
                        case IMPORTED -> imported++;
                        case DUPLICATE -> duplicates++;
                        case FAILED -> failed++;
                    }
                }
            }
            return new ImportSummary(i.getId(), i.getStatus(), i.getSource(), i.getLibraryCode(), i.getCreatedBy(),
                    i.getCreatedAt(), i.getFinishedAt(), i.getItems().size(), imported, duplicates, failed, pending);
        }).toList();
    }

    public long unfinished() {
        return jobs.countByStatusIn(List.of(JobStatus.QUEUED, JobStatus.RUNNING));
    }

    /**
     * Imports a folder: the files listed in its {@code metadata.csv} (with their metadata), or
     * every file in it if there is no manifest. Subtitles join the video or audio of the same name.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ImportReport importFolder(Path dir, String libraryCode, Viewer importer) throws IOException {
        return folders.importFolder(dir, libraryCode, importer);
    }

    private JobView view(IngestJob j) {
        return new JobView(j.getId(), j.getResourceId(), j.getFileId(), j.getFileName(), j.getStatus(),
                text(j.getReason()), j.getAttempts(), text(j.getLastError()), j.getCreatedAt(), j.getStartedAt(),
                j.getFinishedAt(), j.getPagesDone(), j.getPagesTotal());
    }

    /** A stored {@link Reason} in the language of the person asking. */
    private String text(String stored) {
        return Reason.text(stored, messages, LocaleContextHolder.getLocale());
    }
}
