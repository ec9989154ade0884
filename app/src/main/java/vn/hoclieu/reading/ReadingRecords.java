package vn.hoclieu.reading;

import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoclieu.account.Account;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.ResourceView;
import vn.hoclieu.reading.internal.Participant;
import vn.hoclieu.reading.internal.ParticipantRepository;
import vn.hoclieu.reading.internal.ReadingProgramme;

/**
 * Readers' records and who may read them: a reader their own (to read, download or delete), a
 * programme's organisers its participants'. Nobody else, and nowhere a ranking by name.
 */
@Service
@Transactional(readOnly = true)
public class ReadingRecords {

    private final ParticipantRepository participants;
    private final ProgrammeAccess access;
    private final ReadingProgrammes programmes;

    ReadingRecords(ParticipantRepository participants, ProgrammeAccess access, ReadingProgrammes programmes) {
        this.participants = participants;
        this.access = access;
        this.programmes = programmes;
    }

    /** Everything kept of the signed-in reader's reading. */
    public ReadingRecord record(Viewer reader) {
        signedIn(reader);
        List<ReadingRecord.Entry> entries = participants.findByAccountIdOrderByJoinedAtDescIdDesc(reader.accountId())
                .stream().map(p -> {
                    ReadingProgramme programme = access.programme(p.getProgrammeId());
                    ProgrammeView.Progress progress = ProgrammeAccess.progress(p, access.materials(programme, reader));
                    return new ReadingRecord.Entry(programme.getId(), programme.getTitle(), programme.getStartsOn(),
                            programme.getEndsOn(), p.getJoinedAt(), p.getLastActivityAt(), progress.read(),
                            progress.total(), access.marks(p, reader));
                }).toList();
        return new ReadingRecord(reader.username(), Instant.now(), entries);
    }

    /**
     * Deletes the reader's whole record: every participation and every mark and note.
     *
     * @return how many programmes they left
     */
    @Transactional
    public int deleteRecord(Viewer reader) {
        signedIn(reader);
        List<Participant> mine = participants.findByAccountIdOrderByJoinedAtDescIdDesc(reader.accountId());
        participants.deleteAll(mine);
        participants.flush();
        return mine.size();
    }

    /**
     * The programme's participants with their progress and notes, in the order they joined: organisers
     * only. Progress counts what each reader may see; titles are shown as far as the organiser may see them.
     */
    public List<ParticipantView> participants(long programmeId, Viewer by) {
        ReadingProgramme programme = programmes.organised(programmeId, by);
        List<Long> ids = access.materialIds(programme);
        return participants.findByProgrammeIdOrderByJoinedAtAscIdAsc(programme.getId()).stream().map(p -> {
            Viewer reader = access.viewerOf(p.getAccountId());
            List<ResourceView> materials = access.materials(ids, reader);
            ProgrammeView.Progress progress = ProgrammeAccess.progress(p, materials);
            Account account = access.account(p.getAccountId()).orElse(null);
            return new ParticipantView(account == null ? null : account.getUsername(),
                    account == null ? null : account.getDisplayName(), progress.read(), progress.total(),
                    progress.finished(), p.getJoinedAt(), p.getLastActivityAt(), access.marks(p, by));
        }).toList();
    }

    private static void signedIn(Viewer reader) {
        if (!reader.signedIn()) {
            throw new ReadingException(HttpStatus.UNAUTHORIZED, "problem.reading.signIn");
        }
    }
}
