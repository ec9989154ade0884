package vn.hoclieu.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.ingest.internal.FolderImporter;
import vn.hoclieu.ingest.internal.IngestJobRepository;

/** The ingestion queue and bulk imports. */
@Service
@Transactional(readOnly = true)
public class IngestService {

    private final IngestJobRepository jobs;
    private final FolderImporter folders;

    IngestService(IngestJobRepository jobs, FolderImporter folders) {
        this.jobs = jobs;
        this.folders = folders;
    }

    /** The newest jobs, optionally only those in one status. */
    public List<JobView> jobs(JobStatus status, int limit) {
        Limit l = Limit.of(Math.max(1, Math.min(limit, 1000)));
        return (status == null ? jobs.findAllByOrderByIdDesc(l) : jobs.findByStatusOrderByIdDesc(status, l))
                .stream().map(JobView::of).toList();
    }

    /** Jobs of the given resources, to follow an import to its end. */
    public List<JobView> jobsOf(Collection<Long> resourceIds) {
        return resourceIds.isEmpty() ? List.of()
                : jobs.findByResourceIdIn(List.copyOf(resourceIds)).stream().map(JobView::of).toList();
    }

    public long unfinished() {
        return jobs.countByStatusIn(List.of(JobStatus.QUEUED, JobStatus.RUNNING));
    }

    /**
     * Imports a folder: the files listed in its {@code metadata.csv} (with their metadata), or
     * every file in it if there is no manifest. Subtitles join the video or audio of the same name.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public ImportReport importFolder(Path dir, String libraryCode, Viewer importer) throws IOException {
        return folders.importFolder(dir, libraryCode, importer);
    }
}
