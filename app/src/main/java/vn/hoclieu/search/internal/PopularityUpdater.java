package vn.hoclieu.search.internal;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.hoclieu.catalog.UsageChanged;

/**
 * Keeps the "popular" sort current: when usage counts are written, each resource's popularity is
 * replaced in the index's doc values (no re-analysis of its text); a reindex reads it from the database.
 */
@Component
@LuceneBackend
class PopularityUpdater {

    private static final Logger log = LoggerFactory.getLogger(PopularityUpdater.class);

    private final LuceneIndex index;

    PopularityUpdater(LuceneIndex index) {
        this.index = index;
    }

    @EventListener
    void on(UsageChanged event) {
        event.popularity().forEach((id, popularity) -> {
            try {
                index.updatePopularity(Long.toString(id), popularity);
            } catch (IOException | RuntimeException e) {
                log.warn("popularity of resource {} not updated in the index: {}", id, e.toString());
            }
        });
    }
}
