package vn.hoclieu.reading;

import java.time.Instant;
import java.util.List;

/**
 * A participant as the programme's organisers see them (nobody else does): who, how far, when last,
 * and what they noted.
 *
 * @param total the materials this reader may see (what their progress counts against)
 */
public record ParticipantView(String username, String displayName, int read, int total, boolean finished,
                              Instant joinedAt, Instant lastActivityAt, List<ReadingRecord.Mark> marks) {
}
