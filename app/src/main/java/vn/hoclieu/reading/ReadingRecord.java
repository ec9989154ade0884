package vn.hoclieu.reading;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything Hoclieu keeps of one reader's reading: every programme they joined and every material
 * they marked, with their notes. What {@code GET /api/v1/reading-programmes/my-record} and the
 * "download" button of {@code /my/reading} give them.
 */
public record ReadingRecord(String username, Instant exportedAt, List<Entry> programmes) {

    /** One programme joined. */
    public record Entry(long programmeId, String title, LocalDate startsOn, LocalDate endsOn, Instant joinedAt,
                        Instant lastActivityAt, int read, int total, List<Mark> marks) {
    }

    /**
     * One material marked read.
     *
     * @param title null when the reader may no longer see the material (its id and their note stay theirs)
     */
    public record Mark(long resourceId, String title, String note, Instant readAt) {
    }
}
