package vn.hoclieu.reading;

import java.time.LocalDate;

/**
 * One programme's figures for the librarians' dashboard: counts and titles, never readers' names.
 *
 * @param mostRead  the material marked read by the most participants, or null when it has no materials
 * @param leastRead the material marked read by the fewest (none counts too), or null
 */
public record ProgrammeFigures(long id, String title, LocalDate startsOn, LocalDate endsOn,
                               ProgrammeView.State state, long joined, long finished, MaterialReads mostRead,
                               MaterialReads leastRead) {

    public record MaterialReads(long resourceId, String title, long reads) {
    }
}
