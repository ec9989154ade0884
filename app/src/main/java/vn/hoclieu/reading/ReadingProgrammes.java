package vn.hoclieu.reading;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.collection.CollectionService;
import vn.hoclieu.collection.CollectionView;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;
import vn.hoclieu.reading.internal.ParticipantRepository;
import vn.hoclieu.reading.internal.ProgrammeRepository;
import vn.hoclieu.reading.internal.ReadingProgramme;

/**
 * Reading programmes themselves: made from a collection by whoever may change it (a teacher, a
 * librarian, an administrator), listed when open, shown to anyone who has the address (the poster's
 * QR code) with the materials they may see and, for a reader who joined, their own progress.
 */
@Service
@Transactional(readOnly = true)
public class ReadingProgrammes {

    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 4000;

    private final ProgrammeRepository programmes;
    private final ParticipantRepository participants;
    private final ProgrammeAccess access;
    private final CollectionService collections;
    private final LibraryService libraries;

    ReadingProgrammes(ProgrammeRepository programmes, ParticipantRepository participants, ProgrammeAccess access,
                      CollectionService collections, LibraryService libraries) {
        this.programmes = programmes;
        this.participants = participants;
        this.access = access;
        this.collections = collections;
        this.libraries = libraries;
    }

    /**
     * Creates a programme from a collection the organiser may change. It runs in the library that owns
     * the collection, or else in the organiser's own library (its librarians then organise it too).
     */
    @Transactional
    public ProgrammeView create(ProgrammeDraft draft, Viewer by) {
        CollectionView collection = organisable(draft.collection(), by);
        String title = required(draft.title(), "title", MAX_TITLE);
        String description = optional(draft.description(), "description", MAX_DESCRIPTION);
        if (draft.startsOn() == null) {
            throw new ReadingException("startsOn", HttpStatus.BAD_REQUEST, "problem.reading.noStart");
        }
        if (draft.endsOn() == null) {
            throw new ReadingException("endsOn", HttpStatus.BAD_REQUEST, "problem.reading.noEnd");
        }
        checkDates(draft.startsOn(), draft.endsOn());
        Long library = CollectionView.Owner.LIBRARY.equals(collection.owner().kind())
                ? libraries.byCode(collection.owner().id()).map(LibraryView::id).orElse(by.libraryId())
                : by.libraryId();
        ReadingProgramme p = programmes.saveAndFlush(new ReadingProgramme(collection.id(), title, description,
                draft.startsOn(), draft.endsOn(), Boolean.TRUE.equals(draft.open()), library, by.accountId()));
        return access.view(p, by);
    }

    /** Anyone may open a programme by its address; what they see of it depends on who they are. */
    public ProgrammeView find(long id, Viewer viewer) {
        return access.view(access.programme(id), viewer);
    }

    /** Open programmes that have not ended, starting soonest first; of one library when its id is given. */
    public List<ProgrammeView> listed(Viewer viewer, Long libraryId) {
        return programmes.listedFrom(ProgrammeAccess.today(), libraryId).stream().map(p -> access.view(p, viewer))
                .toList();
    }

    /** The programmes the person organises (their own and, for a librarian, their library's). */
    public List<ProgrammeView> organisedBy(Viewer viewer) {
        if (!viewer.signedIn()) {
            return List.of();
        }
        Long library = viewer.has(Role.LIBRARIAN) ? viewer.libraryId() : null;
        return programmes.organisedBy(viewer.accountId(), library).stream().map(p -> access.view(p, viewer)).toList();
    }

    /** The programmes the person joined, most recently joined first. */
    public List<ProgrammeView> joinedBy(Viewer viewer) {
        if (!viewer.signedIn()) {
            return List.of();
        }
        return participants.findByAccountIdOrderByJoinedAtDescIdDesc(viewer.accountId()).stream()
                .map(p -> access.view(access.programme(p.getProgrammeId()), viewer)).toList();
    }

    /** The programmes made from a collection that the viewer organises or that are open. */
    public List<ProgrammeView> ofCollection(long collectionId, Viewer viewer) {
        return programmes.findByCollectionIdOrderByStartsOnDesc(collectionId).stream()
                .filter(p -> p.isListed() || ProgrammeAccess.organises(viewer, p)).map(p -> access.view(p, viewer))
                .toList();
    }

    /** Whether the viewer may make a programme of this collection. */
    public boolean mayOrganise(long collectionId, Viewer viewer) {
        return viewer.has(Role.TEACHER) && collections.find(collectionId, viewer).map(CollectionView::editable)
                .orElse(false);
    }

    /**
     * The organisers change the title, introduction, dates or listing (to extend a reading week, say);
     * a null field stays as it is, a blank introduction is removed. The collection stays.
     */
    @Transactional
    public ProgrammeView update(long id, ProgrammeDraft changes, Viewer by) {
        ReadingProgramme p = organised(id, by);
        String title = changes.title() == null ? p.getTitle() : required(changes.title(), "title", MAX_TITLE);
        String description = changes.description() == null ? p.getDescription()
                : optional(changes.description(), "description", MAX_DESCRIPTION);
        LocalDate startsOn = changes.startsOn() == null ? p.getStartsOn() : changes.startsOn();
        LocalDate endsOn = changes.endsOn() == null ? p.getEndsOn() : changes.endsOn();
        if (changes.startsOn() != null || changes.endsOn() != null) {
            checkDates(startsOn, endsOn);
        }
        p.describe(title, description, startsOn, endsOn, changes.open() == null ? p.isListed() : changes.open());
        programmes.saveAndFlush(p);
        return access.view(p, by);
    }

    /** Deletes a programme with its participants and their marks: its organisers only. */
    @Transactional
    public void delete(long id, Viewer by) {
        programmes.delete(organised(id, by));
    }

    /** The programme, if the viewer organises it: 404 when there is none, 403 when it is not theirs. */
    ReadingProgramme organised(long id, Viewer by) {
        if (!by.signedIn()) {
            throw new ReadingException(HttpStatus.UNAUTHORIZED, "problem.reading.signIn");
        }
        ReadingProgramme p = access.programme(id);
        if (!ProgrammeAccess.organises(by, p)) {
            throw new ReadingException(HttpStatus.FORBIDDEN, "problem.reading.notOrganiser");
        }
        return p;
    }

    private CollectionView organisable(Long collectionId, Viewer by) {
        if (!by.signedIn()) {
            throw new ReadingException(HttpStatus.UNAUTHORIZED, "problem.reading.signIn");
        }
        if (!by.has(Role.TEACHER)) {
            throw new ReadingException(HttpStatus.FORBIDDEN, "problem.reading.organisersOnly");
        }
        if (collectionId == null) {
            throw new ReadingException("collection", HttpStatus.BAD_REQUEST, "problem.reading.noCollection");
        }
        Optional<CollectionView> collection = collections.find(collectionId, by);
        if (collection.isEmpty()) {
            throw new ReadingException("collection", HttpStatus.NOT_FOUND, "problem.collection.notFound",
                    String.valueOf(collectionId));
        }
        if (!collection.get().editable()) {
            throw new ReadingException("collection", HttpStatus.FORBIDDEN, "problem.reading.collectionNotYours");
        }
        return collection.get();
    }

    private static void checkDates(LocalDate startsOn, LocalDate endsOn) {
        if (endsOn.isBefore(startsOn)) {
            throw new ReadingException("endsOn", HttpStatus.BAD_REQUEST, "problem.reading.endBeforeStart");
        }
        if (endsOn.isBefore(ProgrammeAccess.today())) {
            throw new ReadingException("endsOn", HttpStatus.BAD_REQUEST, "problem.reading.endInPast");
        }
    }

    private static String required(String value, String field, int max) {
        String v = optional(value, field, max);
        if (v == null) {
            throw new ReadingException(field, HttpStatus.BAD_REQUEST, "problem.reading.noTitle");
        }
        return v;
    }

    /** Stripped, null when blank; too long is refused rather than cut, so nothing is lost silently. */
    static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new ReadingException(field, HttpStatus.BAD_REQUEST, "problem.reading.tooLong", max, v.length());
        }
        return v;
    }

    static LocalDate today() {
        return ProgrammeAccess.today();
    }
}
