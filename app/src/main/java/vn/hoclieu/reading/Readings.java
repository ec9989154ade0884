package vn.hoclieu.reading;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.account.Account;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.ResourceView;
import vn.hoclieu.reading.internal.Participant;
import vn.hoclieu.reading.internal.ParticipantRepository;
import vn.hoclieu.reading.internal.ReadMark;
import vn.hoclieu.reading.internal.ReadingProgramme;

/**
 * What a reader does in a programme: join it, mark a material read (with a short note of their own)
 * or not read after all, and, once every material they may see is read, receive a certificate.
 * Joining and marking are open between the programme's dates only; the programme's page shows
 * before and after.
 */
@Service
public class Readings {

    /** A sentence or two: what fits on a card, and what an organiser can read through for a class. */
    public static final int MAX_NOTE = 300;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ProgrammeAccess access;
    private final ParticipantRepository participants;
    private final TransactionTemplate tx;

    Readings(ProgrammeAccess access, ParticipantRepository participants, TransactionTemplate tx) {
        this.access = access;
        this.participants = participants;
        this.tx = tx;
    }

    /** @return whether the reader joined now (false: they had already joined) */
    public boolean join(long programmeId, Viewer reader) {
        signedIn(reader);
        return onceEvenIfTwice(() -> tx.execute(s -> {
            ReadingProgramme p = access.programme(programmeId);
            if (access.participant(p, reader).isPresent()) {
                return false;
            }
            running(p);
            participants.saveAndFlush(new Participant(p.getId(), reader.accountId()));
            return true;
        }));
    }

    /**
     * Marks a material of the programme read, or replaces the note of one already marked.
     *
     * @return whether it was newly marked
     */
    public boolean markRead(long programmeId, long resourceId, String note, Viewer reader) {
        signedIn(reader);
        String cleanNote = note(note);
        return onceEvenIfTwice(() -> tx.execute(s -> {
            Participant participant = joinedRunning(programmeId, resourceId, reader);
            boolean added = participant.markRead(resourceId, cleanNote);
            participants.saveAndFlush(participant);
            return added;
        }));
    }

    /** Takes a mark back (a tap on the wrong title); 404 when the material was not marked. */
    public void unmark(long programmeId, long resourceId, Viewer reader) {
        signedIn(reader);
        tx.executeWithoutResult(s -> {
            Participant participant = joinedRunning(programmeId, resourceId, reader);
            if (!participant.unmark(resourceId)) {
                throw new ReadingException(HttpStatus.NOT_FOUND, "problem.reading.notMarked",
                        String.valueOf(resourceId));
            }
            participants.saveAndFlush(participant);
        });
    }

    /** The caller's own progress: 404 when they have not joined (nobody else's progress is asked here). */
    public ProgrammeView.Progress progress(long programmeId, Viewer reader) {
        signedIn(reader);
        return tx.execute(s -> {
            ReadingProgramme p = access.programme(programmeId);
            Participant participant = access.participant(p, reader).orElseThrow(() -> notJoined(programmeId));
            return ProgrammeAccess.progress(participant, access.materials(p, reader));
        });
    }

    /** What the certificate of a reader who read every material says; 403 before they have. */
    public Certificate certificate(long programmeId, Viewer reader) {
        signedIn(reader);
        return tx.execute(s -> {
            ReadingProgramme p = access.programme(programmeId);
            Participant participant = access.participant(p, reader).orElseThrow(() -> notJoined(programmeId));
            List<ResourceView> materials = access.materials(p, reader);
            ProgrammeView.Progress progress = ProgrammeAccess.progress(participant, materials);
            if (!progress.finished()) {
                throw new ReadingException(HttpStatus.FORBIDDEN, "problem.reading.notFinished", progress.read(),
                        progress.total());
            }
            String name = access.account(reader.accountId()).map(Account::getDisplayName).orElse(reader.username());
            // when the last material was marked, not when a note was last changed
            Instant finished = participant.getMarks().stream().map(ReadMark::getReadAt).max(Instant::compareTo)
                    .orElse(participant.getLastActivityAt());
            return new Certificate(name, p.getTitle(), p.getStartsOn(), p.getEndsOn(), access.library(p.getLibraryId()),
                    progress.total(), finished);
        });
    }

    /** A certificate: who, which programme, when, where, how many materials. */
    public record Certificate(String reader, String programme, LocalDate startsOn, LocalDate endsOn,
                              ProgrammeView.Library library, int materials,
                              Instant finishedAt) {
    }

    private Participant joinedRunning(long programmeId, long resourceId, Viewer reader) {
        ReadingProgramme p = access.programme(programmeId);
        Participant participant = access.participant(p, reader).orElseThrow(() -> notJoined(programmeId));
        running(p);
        // only a material of the programme the reader may see: anything else does not exist for them
        if (access.materials(p, reader).stream().noneMatch(r -> r.id() == resourceId)) {
            throw new ReadingException(HttpStatus.NOT_FOUND, "problem.reading.noSuchMaterial",
                    String.valueOf(resourceId));
        }
        return participant;
    }

    private static void running(ReadingProgramme p) {
        switch (ProgrammeAccess.state(p)) {
            case UPCOMING -> throw new ReadingException(HttpStatus.CONFLICT, "problem.reading.notStarted",
                    DAY.format(p.getStartsOn()));
            case ENDED -> throw new ReadingException(HttpStatus.CONFLICT, "problem.reading.ended",
                    DAY.format(p.getEndsOn()));
            default -> { }
        }
    }

    static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String v = note.strip();
        if (v.length() > MAX_NOTE) {
            throw new ReadingException("note", HttpStatus.BAD_REQUEST, "problem.reading.noteTooLong", MAX_NOTE,
                    v.length());
        }
        return v;
    }

    private static void signedIn(Viewer reader) {
        if (!reader.signedIn()) {
            throw new ReadingException(HttpStatus.UNAUTHORIZED, "problem.reading.signIn");
        }
    }

    private static ReadingException notJoined(long programmeId) {
        return new ReadingException(HttpStatus.NOT_FOUND, "problem.reading.notJoined", String.valueOf(programmeId));
    }

    /**
     * A double tap on a phone sends the same join or mark twice at once: the second insert meets the
     * unique constraint, and is answered again, now seeing the first one's row.
     */
    private static <T> T onceEvenIfTwice(Supplier<T> change) {
        try {
            return change.get();
        } catch (DataIntegrityViolationException twice) {
            return change.get();
        }
    }
}
