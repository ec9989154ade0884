package vn.hoclieu.harvest.internal;

import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.hoclieu.harvest.HarvestProperties;

/**
 * Every minute, queues a harvest of each enabled partner whose last run started at least
 * {@code hoclieu.harvest.interval} ago. Only in the server (not in the shell import), and not at
 * all with {@code hoclieu.harvest.enabled=false}.
 */
@Component
@ConditionalOnWebApplication
class HarvestSchedule {

    private final PartnerRepository partners;
    private final HarvestRunRepository runs;
    private final HarvestQueue queue;
    private final HarvestProperties properties;

    HarvestSchedule(PartnerRepository partners, HarvestRunRepository runs, HarvestQueue queue,
                    HarvestProperties properties) {
        this.partners = partners;
        this.runs = runs;
        this.queue = queue;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${hoclieu.harvest.check-every:1m}", initialDelayString = "${hoclieu.harvest.check-every:1m}")
    void harvestDuePartners() {
        if (!properties.enabled()) {
            return;
        }
        Instant due = Instant.now().minus(properties.interval());
        for (Partner p : partners.findAllByOrderByName()) {
            boolean isDue = runs.findFirstByPartnerIdOrderByStartedAtDescIdDesc(p.getId())
                    .map(r -> !r.getStartedAt().isAfter(due)).orElse(true);
            if (p.isEnabled() && isDue) {
                queue.submit(p.getId());
            }
        }
    }
}
