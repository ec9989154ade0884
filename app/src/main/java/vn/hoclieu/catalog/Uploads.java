package vn.hoclieu.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.internal.AuditEntry;
import vn.hoclieu.catalog.internal.AuditEntryRepository;
import vn.hoclieu.catalog.internal.FileNames;
import vn.hoclieu.catalog.internal.QuotaReservations;
import vn.hoclieu.catalog.internal.ResourceRepository;
import vn.hoclieu.catalog.internal.ResourceViews;
import vn.hoclieu.concurrent.StripedLocks;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;
import vn.hoclieu.storage.ByteSizes;

/**
 * Takes uploads — from the upload page, the REST API and bulk imports — bytes first, durably, then
 * the resource, its files and their ingest jobs in one transaction.
 */
@Service
public class Uploads {

    private final ResourceRepository resources;
    private final LibraryService libraries;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final AuditEntryRepository audit;
    private final QuotaReservations quotas;
    private final ResourceViews views;
    private final IncomingBytes incomingBytes;

    Uploads(ResourceRepository resources, LibraryService libraries, ApplicationEventPublisher events,
            TransactionTemplate tx, AuditEntryRepository audit, QuotaReservations quotas, ResourceViews views,
            IncomingBytes incomingBytes) {
        this.resources = resources;
        this.libraries = libraries;
        this.events = events;
        this.tx = tx;
        this.audit = audit;
        this.quotas = quotas;
        this.views = views;
        this.incomingBytes = incomingBytes;
    }

    /**
     * Stores the files and creates one resource holding them. The call returns only once the bytes
     * are durable and the resource, its files and their ingest jobs are committed.
     *
     * @throws DuplicateResourceException if any file's bytes are already in the catalogue
     * @throws RefusedKindException (415) if any file's bytes are a program or another kind the site does not take
     * @throws CatalogException with status 400/403 for invalid metadata or a library the uploader may not use
     */
    public ResourceView submit(ResourceDraft draft, List<IncomingFile> incoming, Viewer uploader) {
        return submit(draft, incoming, uploader, null);
    }

    /**
     * {@link #submit(ResourceDraft, List, Viewer)} for material made elsewhere: the resource records
     * {@code origin} (where the exchange package it came in was made), which its page credits.
     */
    public ResourceView submit(ResourceDraft draft, List<IncomingFile> incoming, Viewer uploader,
                               ResourceOrigin origin) {
        if (!uploader.mayUpload()) {
            throw new CatalogException(HttpStatus.FORBIDDEN, "problem.upload.forbidden");
        }
        if (incoming == null || incoming.isEmpty()) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.noFile");
        }
        ResourceDraft d = draft == null ? ResourceDraft.empty() : draft;
        MaterialType declaredType = MetadataRules.parseEnum(MaterialType.class, d.materialType(), "materialType");
        Visibility visibility = Optional.ofNullable(MetadataRules.parseEnum(Visibility.class, d.visibility(),
                "visibility")).orElse(Visibility.PUBLIC);
        LibraryView library = resolveLibrary(d.library(), uploader);
        if (library == null && !uploader.has(Role.LIBRARIAN)) {
            // a teacher's submission waits for the librarians of a library: without one nobody could review it
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.noLibrary");
        }
        Described described = new Described(d, declaredType, visibility, library, MetadataRules.parseDate(d.date()),
                MetadataRules.checkedLanguage(d.language()), MetadataRules.checkedLicence(d.licence()), origin);

        long declared = incoming.stream().mapToLong(f -> Math.max(0, f.size())).sum();
        // before anything is written, with the sizes the upload declares: room is reserved, or refused
        Long reservation = reserve(library, declared);
        try {
            return store(described, incoming, uploader, reservation);
        } finally {
            release(reservation); // nothing if the upload committed: its files replaced it
        }
    }

    private ResourceView store(Described described, List<IncomingFile> incoming, Viewer uploader, Long reservation) {
        List<IncomingBytes.Stored> stored = new ArrayList<>();
        for (IncomingFile file : incoming) {
            stored.add(incomingBytes.store(file));
        }
        long actual = stored.stream().mapToLong(f -> f.blob().size()).sum();

        try (StripedLocks.Held held = incomingBytes.lock(stored)) {
            incomingBytes.screen(stored, uploader);
            return tx.execute(status -> {
                if (reservation != null) {
                    // the real sizes (a stream declares none), under the library's lock until this commits
                    confirm(described.library(), reservation, actual, stored);
                }
                return create(described, stored, uploader);
            });
        }
    }

    /** Inserts the rows, unless the uploader can already see a copy of the bytes (a duplicate). */
    private ResourceView create(Described described, List<IncomingBytes.Stored> stored, Viewer uploader) {
        incomingBytes.refuseDuplicates(stored, uploader, null);
        ResourceDraft d = described.draft();
        IncomingBytes.Stored main = stored.stream().filter(f -> !Subtitles.isSubtitle(f.name())).findFirst().orElse(stored.get(0));
        String title = MetadataRules.blankToNull(d.title()) != null ? d.title().strip() : FileNames.title(main.name());
        MaterialType type = described.type() != null ? described.type()
                : FileNames.materialType(main.name(), main.mediaType());
        LibraryView library = described.library();
        Resource resource = new Resource(MetadataRules.limit(title, 1000), type, described.visibility(),
                initialStatus(uploader), library == null ? null : library.id(), uploader.username());
        resource.setCreators(MetadataRules.clean(d.creators()));
        resource.setDescription(MetadataRules.blankToNull(d.description()));
        resource.setSubjects(MetadataRules.clean(d.subjects()));
        resource.setAudience(MetadataRules.clean(d.audience()));
        resource.setLanguage(described.language());
        resource.setLicence(described.licence());
        resource.setPublisher(MetadataRules.blankToNull(d.publisher()));
        resource.setIssued(described.issued());
        if (described.origin() != null) {
            resource.recordOrigin(described.origin());
        }
        for (IncomingBytes.Stored f : stored) {
            resource.addFile(f.name(), f.mediaType(), f.blob().size(), f.blob().sha256());
        }
        resources.saveAndFlush(resource);
        audit.save(new AuditEntry(resource.getId(), uploader.username(), AuditAction.UPLOADED,
                resource.getStatus().name()));
        for (ResourceFile file : resource.getFiles()) {
            events.publishEvent(new ResourceFileStored(resource.getId(), file.getId(), file.getName()));
        }
        events.publishEvent(new ResourceChanged(resource.getId()));
        return views.of(resource);
    }

    /**
     * A library with a storage quota refuses an upload that would take it over (507, as WebDAV
     * answers a quota: the request is fine, the library has no room left), saying what is used and allowed.
     * The room is reserved before the first byte is written and taken under a lock on the library's row
     * ({@link QuotaReservations}), so uploads at the same moment never pass it together.
     */
    Long reserve(LibraryView library, long adding) {
        if (library == null || library.quotaBytes() == null) {
            return null;
        }
        try {
            return quotas.reserve(library.id(), library.quotaBytes(), adding);
        } catch (QuotaReservations.OverQuota e) {
            throw overQuota(library, e);
        }
    }

    /** Checks the real sizes against the quota; a refusal removes the bytes this upload alone had stored. */
    void confirm(LibraryView library, long reservation, long actual, List<IncomingBytes.Stored> stored) {
        try {
            quotas.confirm(library.id(), library.quotaBytes(), reservation, actual);
        } catch (QuotaReservations.OverQuota e) {
            incomingBytes.discard(stored);
            throw overQuota(library, e);
        }
    }

    /** Drops a reservation (nothing for null, or once its files were committed). */
    void release(Long reservation) {
        if (reservation != null) {
            quotas.release(reservation);
        }
    }

    private static CatalogException overQuota(LibraryView library, QuotaReservations.OverQuota e) {
        var r = e.refusal;
        Locale reader = LocaleContextHolder.getLocale();
        return new CatalogException(HttpStatus.INSUFFICIENT_STORAGE, "problem.upload.quota", library.name(),
                ByteSizes.format(r.usedBytes(), reader), ByteSizes.format(r.quotaBytes(), reader),
                ByteSizes.format(r.addingBytes(), reader));
    }

    /**
     * A teacher's upload waits for review by its library; librarians and administrators (and so bulk
     * imports and the sample library, which run with their rights) publish directly.
     */
    static ResourceStatus initialStatus(Viewer uploader) {
        return uploader.has(Role.LIBRARIAN) ? ResourceStatus.PUBLISHED : ResourceStatus.PENDING;
    }

    private LibraryView resolveLibrary(String code, Viewer uploader) {
        if (MetadataRules.blankToNull(code) == null) {
            return libraries.byId(uploader.libraryId()).orElse(null);
        }
        LibraryView library = libraries.byCode(code)
                .orElseThrow(() -> new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.unknownLibrary", code));
        if (!uploader.has(Role.ADMIN) && !library.hasId(uploader.libraryId())) {
            throw new CatalogException(HttpStatus.FORBIDDEN, "problem.upload.otherLibrary", code);
        }
        return library;
    }

    /** The draft's values, checked before any byte is written. */
    private record Described(ResourceDraft draft, MaterialType type, Visibility visibility, LibraryView library,
                             LocalDate issued, String language, String licence, ResourceOrigin origin) {
    }
}
