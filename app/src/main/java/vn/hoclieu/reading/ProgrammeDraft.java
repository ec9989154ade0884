package vn.hoclieu.reading;

import java.time.LocalDate;

/**
 * What an organiser sends to create a programme ({@code POST /api/v1/reading-programmes}) or the
 * new-programme form holds.
 *
 * @param collection the collection whose items are the programme's materials (one the organiser may change)
 * @param open       listed on the public page and the library's page; otherwise reached by its address only
 */
public record ProgrammeDraft(Long collection, String title, String description, LocalDate startsOn, LocalDate endsOn,
                             Boolean open) {
}
