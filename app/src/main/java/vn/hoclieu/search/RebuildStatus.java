package vn.hoclieu.search;

import java.time.Instant;

/**
 * Where the latest rebuild of the search index is.
 *
 * @param state       {@code IDLE} (none since the start), {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param done        resources written to the new index so far
 * @param total       resources in the catalogue when the rebuild began
 * @param reapplied   resources changed while it ran, re-applied to the new index before the swap
 * @param docsPerSecond resources indexed per second (so far, or in all)
 * @param error       why it failed (the old index stays in use), else null
 */
public record RebuildStatus(State state, long done, long total, long reapplied, Instant startedAt,
                            Instant finishedAt, double docsPerSecond, String error) {

    public enum State { IDLE, RUNNING, DONE, FAILED }

    public static final RebuildStatus IDLE = new RebuildStatus(State.IDLE, 0, 0, 0, null, null, 0, null);

    public boolean running() {
        return state == State.RUNNING;
    }

    /** Per cent done, 0–100. */
    public int percent() {
        return total == 0 ? (state == State.DONE ? 100 : 0) : (int) (100 * done / total);
    }
}
