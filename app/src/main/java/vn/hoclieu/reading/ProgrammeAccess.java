package vn.hoclieu.reading;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.Account;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.CatalogReads;
import vn.hoclieu.catalog.ResourceView;
import vn.hoclieu.collection.CollectionContents;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.reading.internal.ParticipantRepository;
import vn.hoclieu.reading.internal.Participant;
import vn.hoclieu.reading.internal.ProgrammeRepository;
import vn.hoclieu.reading.internal.ReadMark;
import vn.hoclieu.reading.internal.ReadingProgramme;

/**
 * The rules every reading path shares: who organises a programme, which of its materials a person
 * may see (the collection's items through the catalogue's visibility rule, in the collection's
 * order), what a reader's progress counts, and what day it is where the schools are.
 */
@Component
class ProgrammeAccess {

    /** A programme's dates are school days in Vietnam, whatever the server's zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ProgrammeRepository programmes;
    private final ParticipantRepository participants;
    private final CollectionContents contents;
    private final CatalogReads catalog;
    private final LibraryService libraries;
    private final AccountService accounts;

    ProgrammeAccess(ProgrammeRepository programmes, ParticipantRepository participants, CollectionContents contents,
                    CatalogReads catalog, LibraryService libraries, AccountService accounts) {
        this.programmes = programmes;
        this.participants = participants;
        this.contents = contents;
        this.catalog = catalog;
        this.libraries = libraries;
        this.accounts = accounts;
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    static ProgrammeView.State state(ReadingProgramme p) {
        LocalDate today = today();
        if (today.isBefore(p.getStartsOn())) {
            return ProgrammeView.State.UPCOMING;
        }
        return today.isAfter(p.getEndsOn()) ? ProgrammeView.State.ENDED : ProgrammeView.State.RUNNING;
    }

    ReadingProgramme programme(long id) {
        return programmes.findById(id).orElseThrow(() -> notFound(id));
    }

    static ReadingException notFound(long id) {
        return new ReadingException(HttpStatus.NOT_FOUND, "problem.reading.notFound", String.valueOf(id));
    }

    /** Its organiser, the librarians of the library it runs in, and administrators. */
    static boolean organises(Viewer viewer, ReadingProgramme p) {
        if (!viewer.signedIn()) {
            return false;
        }
        return viewer.has(Role.ADMIN) || p.getOrganiserAccountId() == viewer.accountId()
                || (viewer.has(Role.LIBRARIAN) && p.getLibraryId() != null
                    && p.getLibraryId().equals(viewer.libraryId()));
    }

    /** The programme's materials the viewer may see, in the collection's order. */
    List<ResourceView> materials(ReadingProgramme p, Viewer viewer) {
        return materials(materialIds(p), viewer);
    }

    /** Every material of the programme, whoever may see it: only to pass to {@link #materials(List, Viewer)}. */
    List<Long> materialIds(ReadingProgramme p) {
        return contents.resourceIds(p.getCollectionId());
    }

    /** Those of the materials the viewer may see, in their order. */
    List<ResourceView> materials(List<Long> ids, Viewer viewer) {
        Map<Long, ResourceView> visible = catalog.findVisible(ids, viewer);
        return ids.stream().map(visible::get).filter(Objects::nonNull).toList();
    }

    Optional<Participant> participant(ReadingProgramme p, Viewer viewer) {
        return viewer.signedIn() ? participants.findByProgrammeIdAndAccountId(p.getId(), viewer.accountId())
                : Optional.empty();
    }

    /** The person behind an account, as the visibility rule sees them (a deleted account sees what visitors see). */
    Viewer viewerOf(long accountId) {
        return accounts.byId(accountId).map(Account::asViewer).orElse(Viewer.ANONYMOUS);
    }

    Optional<Account> account(long accountId) {
        return accounts.byId(accountId);
    }

    /** Progress counts only marks of materials the reader may still see in the programme. */
    static ProgrammeView.Progress progress(Participant participant, List<ResourceView> materials) {
        Set<Long> shown = materials.stream().map(ResourceView::id).collect(Collectors.toSet());
        int read = (int) participant.getMarks().stream().filter(m -> shown.contains(m.getResourceId())).count();
        return new ProgrammeView.Progress(read, materials.size(), !materials.isEmpty() && read == materials.size(),
                participant.getJoinedAt(), participant.getLastActivityAt());
    }

    /** A participant's marks, each with its material's title if {@code viewer} (reader, organiser) may see it. */
    List<ReadingRecord.Mark> marks(Participant participant, Viewer viewer) {
        Map<Long, ResourceView> visible = catalog.findVisible(
                participant.getMarks().stream().map(ReadMark::getResourceId).toList(), viewer);
        return participant.getMarks().stream().map(m -> new ReadingRecord.Mark(m.getResourceId(),
                Optional.ofNullable(visible.get(m.getResourceId())).map(ResourceView::title).orElse(null), m.getNote(),
                m.getReadAt())).toList();
    }

    ProgrammeView view(ReadingProgramme p, Viewer viewer) {
        List<ResourceView> materials = materials(p, viewer);
        Optional<Participant> mine = participant(p, viewer);
        Map<Long, ReadMark> marks = mine.map(m -> m.getMarks().stream()
                .collect(Collectors.toMap(ReadMark::getResourceId, r -> r))).orElse(Collections.emptyMap());
        List<ProgrammeView.Material> shown = materials.stream().map(r -> new ProgrammeView.Material(r.id(), r.title(),
                r.materialType().name(), marks.containsKey(r.id()),
                marks.containsKey(r.id()) ? marks.get(r.id()).getNote() : null)).toList();
        return new ProgrammeView(p.getId(), p.getTitle(), p.getDescription(), p.getStartsOn(), p.getEndsOn(),
                p.isListed(), state(p), library(p.getLibraryId()), p.getCollectionId(), organiserName(p),
                participants.countByProgrammeId(p.getId()), shown,
                mine.map(m -> progress(m, materials)).orElse(null), organises(viewer, p));
    }

    ProgrammeView.Library library(Long libraryId) {
        return libraries.byId(libraryId).map(l -> new ProgrammeView.Library(l.code(), l.name())).orElse(null);
    }

    private String organiserName(ReadingProgramme p) {
        return accounts.byId(p.getOrganiserAccountId()).map(Account::getDisplayName).orElse(null);
    }
}
