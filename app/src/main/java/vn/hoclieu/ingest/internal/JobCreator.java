package vn.hoclieu.ingest.internal;

import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.hoclieu.catalog.Reason;
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
        // a file stored again (its uploader replaced the bytes) is read afresh: the old bytes' job ends
        jobs.supersede(event.fileId(), Reason.of("reason.replaced"), Instant.now());
        jobs.save(IngestJob.queued(event.resourceId(), event.fileId(), event.fileName()));
    }
}
