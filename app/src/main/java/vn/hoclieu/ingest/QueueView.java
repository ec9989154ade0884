package vn.hoclieu.ingest;

import java.util.List;
import java.util.Map;

/**
 * The ingestion queue at a glance, for the librarians' dashboard and {@code GET /api/v1/ingest/queue}.
 *
 * @param counts        jobs in each status
 * @param batchFinished of the jobs created since the oldest one still waiting or being read, how many ended
 * @param batchTotal    how many jobs were created since then (0 when nothing waits: the queue is idle)
 * @param running       the files being read now
 */
public record QueueView(Map<JobStatus, Long> counts, long batchFinished, long batchTotal, List<JobView> running) {

    /** Percent of the current batch done, 100 when idle. */
    public int percent() {
        return batchTotal == 0 ? 100 : (int) (100 * batchFinished / batchTotal);
    }
}
