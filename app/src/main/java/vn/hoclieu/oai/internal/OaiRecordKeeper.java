package vn.hoclieu.oai.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.CatalogFeeds;
import vn.hoclieu.catalog.CatalogReads;
import vn.hoclieu.catalog.ContentExtracted;
import vn.hoclieu.catalog.ResourceChanged;
import vn.hoclieu.catalog.ResourceView;
import vn.hoclieu.concurrent.StripedLocks;
import vn.hoclieu.oai.internal.OaiRecords.Row;
import vn.hoclieu.oai.internal.OaiRecords.State;

/**
 * Keeps the OAI table in step with the catalogue. After every committed change it re-reads the
 * resource as an anonymous visitor would see it (only published, public material ever is) and
 * moves the record's datestamp when what is shown changed: new, edited, or — for a resource that
 * was shown and is now withdrawn, private or gone — deleted. At start-up it re-reads every
 * resource whose last change it has not seen, so a crash between a commit and its event, or data
 * from before this table existed, is caught up.
 */
@Component
public class OaiRecordKeeper {

    private static final Logger log = LoggerFactory.getLogger(OaiRecordKeeper.class);

    private final CatalogReads catalog;
    private final CatalogFeeds feeds;
    private final OaiRecords records;
    /** Its own transaction: after a commit the finished one can no longer write. */
    private final TransactionTemplate tx;
    private final StripedLocks locks = new StripedLocks(32);

    OaiRecordKeeper(CatalogReads catalog, CatalogFeeds feeds, OaiRecords records,
                    PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.feeds = feeds;
        this.records = records;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ResourceChanged event) {
        safely(event.resourceId(), null);
    }

    /** Extraction may fill a title, creator or language the uploader left out. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ContentExtracted event) {
        safely(event.resourceId(), null);
    }

    /**
     * Catches up in a thread of its own: on a large catalogue seen for the first time (an upgrade)
     * it reads every resource, which must delay neither serving nor a shell command's work. Stopped
     * half-way (a shell command ends), it goes on at the next start: what it wrote is remembered.
     */
    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        Thread thread = new Thread(() -> {
            try {
                int changed = reconcile();
                if (changed > 0) {
                    log.info("Brought {} OAI-PMH records up to date", changed);
                }
            } catch (RuntimeException e) {
                log.warn("OAI-PMH records not brought up to date: {}", e.toString());
            }
        }, "oai-catch-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Re-reads what changed since it was last read; returns how many resources were re-read. */
    public int reconcile() {
        Map<Long, Row> known = records.versions();
        int reread = 0;
        for (Map.Entry<Long, Instant> resource : feeds.versions().entrySet()) {
            Row row = known.remove(resource.getKey());
            if (row == null || !resource.getValue().equals(row.sourceVersion())) {
                safely(resource.getKey(), resource.getValue());
                reread++;
            }
        }
        for (Row gone : known.values()) {
            if (gone.state() == State.PUBLIC) {
                safely(gone.id(), null);
                reread++;
            }
        }
        return reread;
    }

    private void safely(long resourceId, Instant knownVersion) {
        try {
            refresh(resourceId, knownVersion);
        } catch (RuntimeException e) {
            // the catalogue holds the truth; the next start-up reconciliation repairs the record
            log.warn("could not update the OAI-PMH record of resource {}: {}", resourceId, e.toString());
        }
    }

    /**
     * Reads and writes under one lock per resource, so of two threads refreshing one resource the
     * later read is the later write.
     *
     * @param knownVersion the resource's last change if the caller knows it; remembered so that the
     *                     next start-up need not read it again
     */
    void refresh(long resourceId, Instant knownVersion) {
        try (StripedLocks.Held held = locks.lock(resourceId)) {
            tx.executeWithoutResult(status -> write(resourceId, knownVersion));
        }
    }

    private void write(long resourceId, Instant knownVersion) {
        // a record harvested from a partner is the partner's to expose, not ours: offering it again
        // would pass it off as ours and let two harvesting instances feed each other in a loop
        Optional<ResourceView> shown = catalog.find(resourceId, Viewer.ANONYMOUS).filter(r -> r.source() == null);
        Optional<Row> row = records.find(resourceId);
        Instant now = Datestamps.now();
        if (shown.isPresent()) {
            ExposedMetadata metadata = ExposedMetadata.of(shown.get());
            String json = metadata.toJson();
            Instant version = shown.get().updatedAt();
            if (row.isEmpty() || row.get().state() != State.PUBLIC || !json.equals(row.get().metadata())) {
                records.save(new Row(resourceId, State.PUBLIC, now, SetSpecs.of(metadata), json, version),
                        row.isPresent());
            } else if (!version.equals(row.get().sourceVersion())) {
                records.saveSourceVersion(resourceId, version);
            }
            return;
        }
        if (row.isEmpty()) {
            records.save(new Row(resourceId, State.PRIVATE, now, List.of(), null, knownVersion), false);
        } else if (row.get().state() == State.PUBLIC) {
            // the sets it was harvested in stay, so that harvesters of those sets learn of the deletion
            records.save(new Row(resourceId, State.DELETED, now, row.get().sets(), null, knownVersion), true);
        } else if (!Objects.equals(knownVersion, row.get().sourceVersion())) {
            records.saveSourceVersion(resourceId, knownVersion);
        }
    }
}
