package vn.hoclieu.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.internal.ResourceRepository;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;

/**
 * Review by the owning library: a teacher's submission waits (PENDING) until one of its librarians
 * (or an administrator) approves or rejects it; published material can be withdrawn and restored,
 * and its description corrected. Every change goes through {@link ResourceChanges}' retried,
 * reindexing change and leaves a line in the resource's history.
 */
@Service
public class ReviewService {

    private final ResourceChanges changes;
    private final ResourceRepository resources;
    private final LibraryService libraries;

    ReviewService(ResourceChanges changes, ResourceRepository resources, LibraryService libraries) {
        this.changes = changes;
        this.resources = resources;
        this.libraries = libraries;
    }

    /** PENDING (or REJECTED, reconsidered) → PUBLISHED; 404, 403, or 409 for any other status. */
    public ResourceView approve(long id, Viewer by) {
        return changes.change(id, by, r -> StatusChange.APPROVE.apply(r, null));
    }

    /** PENDING → REJECTED; the reason is required, kept for the uploader and in the history. */
    public ResourceView reject(long id, String reason, Viewer by) {
        String why = MetadataRules.blankToNull(reason);
        if (why == null) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.review.reasonRequired");
        }
        String kept = MetadataRules.limit(why.strip(), 2000);
        return changes.change(id, by, r -> StatusChange.REJECT.apply(r, kept));
    }

    public ResourceView withdraw(long id, Viewer by) {
        return changes.withdraw(id, by);
    }

    /** WITHDRAWN → PUBLISHED. */
    public ResourceView restore(long id, Viewer by) {
        return changes.change(id, by, r -> StatusChange.RESTORE.apply(r, null));
    }

    /**
     * Corrects a resource's description. A null field is left as it is; an empty one is cleared
     * (the title and the material type cannot be cleared). The owning library is not changed here.
     *
     * @throws CatalogException 404/403 as for any change, 400 for a bad value
     */
    public ResourceView edit(long id, ResourceDraft d, Viewer by) {
        if (MetadataRules.blankToNull(d.library()) != null) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.edit.library");
        }
        if (d.title() != null && d.title().isBlank()) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.edit.titleRequired");
        }
        return changes.change(id, by, r -> applyEdit(r, d));
    }

    private static StatusChange.Audit applyEdit(Resource r, ResourceDraft d) {
        List<String> changed = new ArrayList<>();
        if (d.title() != null) {
            set(changed, "title", r.getTitle(), MetadataRules.limit(d.title().strip(), 1000), r::setTitle);
        }
        if (d.creators() != null) {
            set(changed, "creators", r.getCreators(), MetadataRules.clean(d.creators()), r::setCreators);
        }
        if (d.description() != null) {
            set(changed, "description", r.getDescription(), MetadataRules.blankToNull(d.description()),
                    r::setDescription);
        }
        if (d.subjects() != null) {
            set(changed, "subjects", r.getSubjects(), MetadataRules.clean(d.subjects()), r::setSubjects);
        }
        if (d.audience() != null) {
            set(changed, "audience", r.getAudience(), MetadataRules.clean(d.audience()), r::setAudience);
        }
        if (d.language() != null) {
            set(changed, "language", r.getLanguage(), MetadataRules.checkedLanguage(d.language()), r::setLanguage);
        }
        MaterialType type = MetadataRules.parseEnum(MaterialType.class, d.materialType(), "materialType");
        if (type != null) {
            set(changed, "materialType", r.getMaterialType(), type, r::setMaterialType);
        }
        if (d.licence() != null) {
            set(changed, "licence", r.getLicence(), MetadataRules.checkedLicence(d.licence()), r::setLicence);
        }
        if (d.publisher() != null) {
            set(changed, "publisher", r.getPublisher(), MetadataRules.blankToNull(d.publisher()), r::setPublisher);
        }
        if (d.date() != null) {
            set(changed, "date", r.getIssued(), MetadataRules.parseDate(d.date()), r::setIssued);
        }
        Visibility visibility = MetadataRules.parseEnum(Visibility.class, d.visibility(), "visibility");
        String visibilityChange = null;
        if (visibility != null && visibility != r.getVisibility()) {
            visibilityChange = r.getVisibility() + " → " + visibility;
            r.changeVisibility(visibility);
        }
        if (changed.isEmpty() && visibilityChange == null) {
            return null;
        }
        r.touch();
        if (changed.isEmpty()) {
            return new StatusChange.Audit(AuditAction.VISIBILITY_CHANGED, visibilityChange);
        }
        if (visibilityChange != null) {
            changed.add("visibility (" + visibilityChange + ")");
        }
        return new StatusChange.Audit(AuditAction.EDITED, String.join(", ", changed));
    }

    private static <T> void set(List<String> changed, String field, T before, T after,
                                Consumer<T> setter) {
        if (!Objects.equals(before, after)) {
            setter.accept(after);
            changed.add(field);
        }
    }

    /**
     * The submissions in one status waiting in the viewer's library (every library's, for an
     * administrator), oldest first.
     *
     * @throws CatalogException 403 for anyone but librarians and administrators
     */
    @Transactional(readOnly = true)
    public List<ReviewItem> queue(ResourceStatus status, Viewer by) {
        if (!by.has(Role.LIBRARIAN) || (!by.has(Role.ADMIN) && by.libraryId() == null)) {
            throw new CatalogException(HttpStatus.FORBIDDEN, "problem.forbidden");
        }
        ResourceStatus wanted = status == null ? ResourceStatus.PENDING : status;
        List<Resource> found = by.has(Role.ADMIN)
                ? resources.findTop500ByStatusOrderByCreatedAtAscIdAsc(wanted)
                : resources.findTop500ByLibraryIdAndStatusOrderByCreatedAtAscIdAsc(by.libraryId(), wanted);
        return items(found);
    }

    /** How many submissions wait in the viewer's library (every library's, for an administrator); 0 for others. */
    @Transactional(readOnly = true)
    public long waiting(Viewer by) {
        if (by.has(Role.ADMIN)) {
            return resources.countByStatus(ResourceStatus.PENDING);
        }
        if (!by.has(Role.LIBRARIAN) || by.libraryId() == null) {
            return 0;
        }
        return resources.countByLibraryIdAndStatus(by.libraryId(), ResourceStatus.PENDING);
    }

    /**
     * The uploader confirms or corrects the description of what they just uploaded (the fields
     * extraction filled in): as {@link #edit}, also allowed to the uploader while it waits for
     * review. Once published, corrections are the library's.
     */
    public ResourceView describe(long id, ResourceDraft d, Viewer by) {
        if (MetadataRules.blankToNull(d.library()) != null) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.edit.library");
        }
        if (d.title() != null && d.title().isBlank()) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.edit.titleRequired");
        }
        return changes.changeAsUploader(id, by, r -> applyEdit(r, d));
    }

    /** What the viewer uploaded, newest first, with each one's status and any rejection reason. */
    @Transactional(readOnly = true)
    public List<ReviewItem> submissions(Viewer by) {
        if (!by.signedIn()) {
            return List.of();
        }
        return items(resources.findTop500ByCreatedByOrderByCreatedAtDescIdDesc(by.username()));
    }

    public List<HistoryEntry> history(long id, Viewer by) {
        return changes.history(id, by);
    }

    private List<ReviewItem> items(List<Resource> found) {
        Map<Long, LibraryView> libs = libraries.byIds(found.stream().map(Resource::getLibraryId).toList());
        return found.stream().map(r -> {
            LibraryView lib = r.getLibraryId() == null ? null : libs.get(r.getLibraryId());
            return new ReviewItem(r.getId(), r.getTitle(), r.getMaterialType(), r.getStatus(),
                    lib == null ? null : lib.code(), lib == null ? null : lib.name(), r.getCreatedBy(),
                    r.getCreatedAt(), r.getUpdatedAt(), r.getRejectionReason());
        }).toList();
    }
}
