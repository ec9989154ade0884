package vn.hoclieu.harvest.internal;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.hoclieu.catalog.Reason;

/**
 * Harvests run one at a time on a thread of their own: a slow partner never holds a web request
 * or the application's scheduler, and a partner is never harvested by two runs at once (asking
 * again while one is queued or running does nothing).
 */
@Component
public class HarvestQueue implements DisposableBean {

    private final Harvester harvester;
    private final HarvestRunRepository runs;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "harvest");
        t.setDaemon(true);
        return t;
    });

    HarvestQueue(Harvester harvester, HarvestRunRepository runs) {
        this.harvester = harvester;
        this.runs = runs;
    }

    /** Queues a harvest of the partner; false if one is already queued or running. */
    public boolean submit(long partnerId) {
        if (!pending.add(partnerId)) {
            return false;
        }
        executor.submit(() -> {
            try {
                harvester.harvest(partnerId);
            } finally {
                pending.remove(partnerId);
            }
        });
        return true;
    }

    public boolean isPending(long partnerId) {
        return pending.contains(partnerId);
    }

    /** A run the last stop interrupted will never finish: it is recorded as failed, and the next run starts over. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterrupted() {
        runs.failUnfinished(Reason.of("harvest.error.restarted"), Instant.now());
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
