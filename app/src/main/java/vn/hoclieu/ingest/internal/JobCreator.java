package vn.hoclieu.ingest.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.hoclieu.catalog.ResourceFileStored;
import vn.hoclieu.ingest.IngestJob;

/**
 * Queues an ingest job for every stored file, inside the upload's own transaction: the upload is
 * acknowledged only when its job is committed with it.
 */
@Component
class JobCreator {

    private final IngestJobRepository jobs;

    JobCreator(IngestJobRepository jobs) {
        this.jobs = jobs;
    }

    @EventListener
    void on(ResourceFileStored event) {
        jobs.save(IngestJob.queued(event.resourceId(), event.fileId(), event.fileName()));
    }
}
