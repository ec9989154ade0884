package vn.hoclieu.harvest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the harvester ({@code hoclieu.harvest.*}); every one has a working default. The
 * limits exist because a partner is another school's server: slow, down, or answering with
 * something that is not what it should be, and none of that may hurt this one.
 *
 * @param enabled          scheduled harvests on or off ("harvest now" works either way)
 * @param interval         how often each enabled partner is harvested
 * @param overlap          how far before the last harvest's responseDate the next one starts, so that a
 *                         record stamped in the same second as that response is not missed
 * @param timeout          connect and response-headers limit of each HTTP request
 * @param maxResponseBytes largest OAI-PMH response read; larger is a failed run, not an exhausted heap
 * @param maxRecordsPerRun records read per run; the rest wait for the next run (which continues there)
 * @param attempts         tries of one request that fails for a transient reason (backoff doubling)
 * @param backoff          wait before the second try
 * @param maxFileBytes     largest harvested file fetched on demand
 * @param fileTimeout      longest a file fetch may take in all
 */
@ConfigurationProperties("hoclieu.harvest")
public record HarvestProperties(Boolean enabled, Duration interval, Duration overlap, Duration timeout,
                                Long maxResponseBytes, Integer maxRecordsPerRun, Integer attempts, Duration backoff,
                                Long maxFileBytes, Duration fileTimeout) {

    public HarvestProperties {
        enabled = enabled == null || enabled;
        interval = interval == null ? Duration.ofHours(1) : interval;
        overlap = overlap == null ? Duration.ofMinutes(2) : overlap;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        maxResponseBytes = maxResponseBytes == null ? 20_000_000L : maxResponseBytes;
        maxRecordsPerRun = maxRecordsPerRun == null ? 10_000 : maxRecordsPerRun;
        attempts = attempts == null ? 3 : Math.max(1, attempts);
        backoff = backoff == null ? Duration.ofSeconds(2) : backoff;
        maxFileBytes = maxFileBytes == null ? 500_000_000L : maxFileBytes;
        fileTimeout = fileTimeout == null ? Duration.ofMinutes(5) : fileTimeout;
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("hoclieu.harvest.interval must be positive");
        }
    }
}
