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
import vn.hoclieu.catalog.CatalogFeeds;

/**
 * Several nodes, each with its own embedded index: every {@code hoclieu.search.follow-interval}
 * this node reads the catalogue's change feed (resources whose {@code updated_at} is recent) and
 * indexes what another node changed. Each read reaches back {@code follow-overlap} before the
 * previous one, so that a change committed late, or stamped by a node whose clock is a little
 * behind, is still seen; what is already indexed in that version is skipped. Off (0) by default:
 * one node indexes its own changes as they commit. Popularity counts and deletions reach the
 * other nodes' indexes at their next start (the start-up reconciliation); a city-sized network
 * uses the shared search backend instead.
 */
@Component
@LuceneBackend // SolrCloud is one shared collection: nothing to follow
class IndexFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

    private final CatalogFeeds catalog;
    private final ResourceIndexer indexer;
    private final Duration interval;
    private final Duration overlap;
    private ScheduledExecutorService timer;
    private volatile Instant cursor;

    IndexFollower(CatalogFeeds catalog, ResourceIndexer indexer,
                  @Value("${hoclieu.search.follow-interval:0}") Duration interval,
                  @Value("${hoclieu.search.follow-overlap:1m}") Duration overlap) {
        this.catalog = catalog;
        this.indexer = indexer;
        this.interval = interval;
        this.overlap = overlap;
    }

    @Override
    public void start() {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        // what changed before this start is the start-up reconciliation's
        cursor = Instant.now().minus(overlap);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-follower");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::follow, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One read of the change feed; returns how many resources it indexed. */
    int follow() {
        try {
            Instant now = Instant.now();
            int indexed = indexer.catchUp(catalog.versionsSince(cursor.minus(overlap)));
            cursor = now;
            if (indexed > 0) {
                log.debug("indexed {} resources changed on other nodes", indexed);
            }
            return indexed;
        } catch (RuntimeException e) {
            // the database is away for a moment: the next read reaches back over this one
            log.warn("could not follow the catalogue's changes: {}", e.toString());
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
