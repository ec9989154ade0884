package vn.hoclieu.reading;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.ResourceView;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;
import vn.hoclieu.reading.internal.Participant;
import vn.hoclieu.reading.internal.ParticipantRepository;
import vn.hoclieu.reading.internal.ProgrammeRepository;
import vn.hoclieu.reading.internal.ReadingProgramme;

/**
 * Each programme's figures for the librarians' dashboard, in the dashboard's own scope: a
 * librarian's library, or for an administrator every library or the one chosen. Counts and titles
 * only: how many joined and finished, which material was read most and least.
 */
@Service
@Transactional(readOnly = true)
public class ReadingFigures {

    /** The latest-ending programmes a dashboard shows. */
    static final int SHOWN = 10;

    private final ProgrammeRepository programmes;
    private final ParticipantRepository participants;
    private final ProgrammeAccess access;
    private final LibraryService libraries;

    ReadingFigures(ProgrammeRepository programmes, ParticipantRepository participants, ProgrammeAccess access,
                   LibraryService libraries) {
        this.programmes = programmes;
        this.participants = participants;
        this.access = access;
        this.libraries = libraries;
    }

    /**
     * @param libraryCode the library the dashboard shows (already checked against the viewer), or null for
     *                    every library, which only an administrator is shown
     */
    public List<ProgrammeFigures> figures(String libraryCode, Viewer viewer) {
        if (!viewer.has(Role.LIBRARIAN) || (libraryCode == null && !viewer.has(Role.ADMIN))) {
            return List.of();
        }
        Long libraryId = libraryCode == null ? null : libraries.byCode(libraryCode).map(LibraryView::id).orElse(-1L);
        return programmes.ofLibrary(libraryId, PageRequest.of(0, SHOWN)).stream().map(p -> figures(p, viewer)).toList();
    }

    private ProgrammeFigures figures(ReadingProgramme p, Viewer viewer) {
        List<Participant> joined = participants.findByProgrammeIdOrderByJoinedAtAscIdAsc(p.getId());
        // finished as each reader's progress counts it: against the materials they may see
        List<Long> ids = access.materialIds(p);
        long finished = joined.stream().filter(r -> ProgrammeAccess.progress(r,
                access.materials(ids, access.viewerOf(r.getAccountId()))).finished()).count();
        Map<Long, Long> reads = new HashMap<>();
        participants.readsPerMaterial(p.getId()).forEach(row -> reads.put((Long) row[0], (Long) row[1]));
        List<ResourceView> materials = access.materials(ids, viewer);
        ProgrammeFigures.MaterialReads most = null;
        ProgrammeFigures.MaterialReads least = null;
        if (!materials.isEmpty()) {
            // ties go to the material first in the list, so that the figures do not change from one look to the next
            Comparator<ResourceView> byReads = Comparator.comparingLong(r -> reads.getOrDefault(r.id(), 0L));
            ResourceView top = materials.stream().max(byReads.thenComparing(r -> -materials.indexOf(r))).orElseThrow();
            ResourceView bottom = materials.stream().min(byReads.thenComparing(materials::indexOf)).orElseThrow();
            most = new ProgrammeFigures.MaterialReads(top.id(), top.title(), reads.getOrDefault(top.id(), 0L));
            least = new ProgrammeFigures.MaterialReads(bottom.id(), bottom.title(),
                    reads.getOrDefault(bottom.id(), 0L));
        }
        return new ProgrammeFigures(p.getId(), p.getTitle(), p.getStartsOn(), p.getEndsOn(), ProgrammeAccess.state(p),
                joined.size(), finished, most, least);
    }
}
