package vn.hoclieu.reading;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A reading programme as one person sees it: only the materials they may see, counted so; their
 * own progress when they joined. Public figures are counts, never names.
 *
 * @param state        {@code UPCOMING}, {@code RUNNING} or {@code ENDED}, by the dates and today's date
 * @param library      the library it runs in, or null
 * @param participants how many readers joined
 * @param progress     the caller's own, or null when they have not joined
 * @param organisable  whether the caller organises it (sees participants, prints the poster's page, changes it)
 */
public record ProgrammeView(long id, String title, String description, LocalDate startsOn, LocalDate endsOn,
                            boolean open, State state, @JsonInclude(JsonInclude.Include.NON_NULL) Library library,
                            long collection, String organiser, long participants, List<Material> materials,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Progress progress, boolean organisable) {

    public enum State { UPCOMING, RUNNING, ENDED }

    public record Library(String code, String name) {
    }

    /**
     * One material of the programme the caller may see.
     *
     * @param read whether the caller marked it read (always false for someone who has not joined)
     * @param note the caller's own note on it, or null
     */
    public record Material(long resourceId, String title, String materialType, boolean read,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
    }

    /** How far a reader got: {@code read} of the {@code total} materials they may see. */
    public record Progress(int read, int total, boolean finished, Instant joinedAt, Instant lastActivityAt) {

        /** Whole percent, for a progress bar. */
        public int percent() {
            return total == 0 ? 0 : read * 100 / total;
        }
    }

    public boolean joined() {
        return progress != null;
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
