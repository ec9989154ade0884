package vn.hoclieu.search.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.hoclieu.search.SolrProperties;

/**
 * Every {@code hoclieu.search.solr.reconcile-interval} (5 minutes; 0 turns it off) brings the Solr
 * collection in line with what changed in the catalogue ({@link SolrIndexer#reconcileSince}): an update
 * that failed because Solr was unreachable (a withdrawn or narrowed resource whose old document would
 * otherwise still be found) is retried, and the resources changed since the last round that Solr answered
 * are compared by version, on any node's behalf. Each round reaches back {@code follow-overlap} (1 minute)
 * before the last one that succeeded, so late commits and small clock differences are covered.
 */
@Component
@SolrBackend
class SolrReconciliation implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SolrReconciliation.class);

    private final SolrIndexer indexer;
    private final Duration interval;
    private final Duration overlap;
    private ScheduledExecutorService timer;
    private volatile Instant cursor;

    SolrReconciliation(SolrIndexer indexer, SolrProperties properties,
                       @Value("${hoclieu.search.follow-overlap:1m}") Duration overlap) {
        this.indexer = indexer;
        this.interval = properties.reconcileInterval();
        this.overlap = overlap;
    }

    @Override
    public void start() {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        cursor = Instant.now(); // what changed before this start is the start-up reconciliation's
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "solr-reconciliation");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::reconcile, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round; returns how many resources it re-indexed or deleted. */
    int reconcile() {
        Instant now = Instant.now();
        try {
            int changed = indexer.reconcileSince(cursor.minus(overlap));
            cursor = now;
            if (changed > 0) {
                log.info("Periodic reconciliation brought {} resources in the Solr collection up to date", changed);
            }
            return changed;
        } catch (RuntimeException e) {
            // Solr or the database is away: the next round reaches back over this one
            log.warn("Solr collection not reconciled: {}", e.toString());
            return 0;
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
