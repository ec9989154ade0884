package vn.hoclieu.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.internal.AuditEntry;
import vn.hoclieu.catalog.internal.AuditEntryRepository;
import vn.hoclieu.catalog.internal.FileNames;
import vn.hoclieu.catalog.internal.QuotaReservations;
import vn.hoclieu.catalog.internal.ResourceFileRepository;
import vn.hoclieu.catalog.internal.ResourceRepository;
import vn.hoclieu.catalog.internal.ResourceViews;
import vn.hoclieu.concurrent.StripedLocks;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;
import vn.hoclieu.storage.BlobStore;
import vn.hoclieu.storage.ByteSizes;
import vn.hoclieu.storage.StoredBlob;

/**
 * Takes uploads — from the upload page, the REST API and bulk imports — bytes first, durably, then
 * the resource, its files and their ingest jobs in one transaction.
 */
@Service
public class Uploads {

    /** Two uploads of the same bytes at once must not both pass the duplicate check: one lock per SHA-256. */
    private final StripedLocks sameBytes = new StripedLocks(64);

    private final ResourceRepository resources;
    private final ResourceFileRepository files;
    private final LibraryService libraries;
    private final BlobStore blobs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final AuditEntryRepository audit;
    private final QuotaReservations quotas;
    private final ResourceViews views;

    Uploads(ResourceRepository resources, ResourceFileRepository files, LibraryService libraries, BlobStore blobs,
            ApplicationEventPublisher events, TransactionTemplate tx, AuditEntryRepository audit,
            QuotaReservations quotas, ResourceViews views) {
        this.resources = resources;
        this.files = files;
        this.libraries = libraries;
        this.blobs = blobs;
        this.events = events;
        this.tx = tx;
        this.audit = audit;
        this.quotas = quotas;
        this.views = views;
    }

    /**
     * Stores the files and creates one resource holding them. The call returns only once the bytes
     * are durable and the resource, its files and their ingest jobs are committed.
     *
     * @throws DuplicateResourceException if any file's bytes are already in the catalogue
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
            if (reservation != null) {
                quotas.release(reservation); // nothing if the upload committed: its files replaced it
            }
        }
    }

    private ResourceView store(Described described, List<IncomingFile> incoming, Viewer uploader, Long reservation) {
        List<StoredFile> stored = new ArrayList<>();
        for (IncomingFile file : incoming) {
            String name = FileNames.safe(file.name());
            StoredBlob blob;
            try (InputStream in = file.content().getInputStream()) {
                blob = blobs.store(in, file.size());
            } catch (IOException e) {
                throw new UncheckedIOException("could not store " + name, e);
            }
            if (blob.size() == 0) {
                throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.emptyFile", name);
            }
            stored.add(new StoredFile(name, FileNames.mediaType(name, file.declaredType()), blob));
        }
        long actual = stored.stream().mapToLong(f -> f.blob().size()).sum();

        try (StripedLocks.Held held = sameBytes.lockAll(stored.stream().map(f -> f.blob().sha256()).toList())) {
            return tx.execute(status -> {
                if (reservation != null) {
                    // the real sizes (a stream declares none), under the library's lock until this commits
                    confirm(described.library(), reservation, actual, stored);
                }
                return create(described, stored, uploader);
            });
        }
    }

    /**
     * Inserts the rows. The same bytes already in a resource the uploader can see are a duplicate;
     * bytes in a resource hidden from them are simply shared (stored once), so nothing leaks.
     */
    private ResourceView create(Described described, List<StoredFile> stored, Viewer uploader) {
        for (StoredFile f : stored) {
            for (ResourceFile existing : files.findBySha256(f.blob().sha256())) {
                Resource r = existing.getResource();
                if (Access.canView(uploader, r)) {
                    throw new DuplicateResourceException(f.name(), r.getId(), r.getTitle());
                }
            }
        }
        ResourceDraft d = described.draft();
        StoredFile main = stored.stream().filter(f -> !Subtitles.isSubtitle(f.name())).findFirst().orElse(stored.get(0));
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
        for (StoredFile f : stored) {
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
    private Long reserve(LibraryView library, long adding) {
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
    private void confirm(LibraryView library, long reservation, long actual, List<StoredFile> stored) {
        try {
            quotas.confirm(library.id(), library.quotaBytes(), reservation, actual);
        } catch (QuotaReservations.OverQuota e) {
            for (StoredFile f : stored) {
                // new bytes that no file refers to (the stripe lock keeps another upload of them out)
                if (!f.blob().alreadyPresent() && files.findBySha256(f.blob().sha256()).isEmpty()) {
                    try {
                        blobs.delete(f.blob().sha256());
                    } catch (IOException | RuntimeException ignored) {
                        // left for verify to report as an orphan
                    }
                }
            }
            throw overQuota(library, e);
        }
    }

    private static CatalogException overQuota(LibraryView library, QuotaReservations.OverQuota e) {
        var r = e.refusal;
        return new CatalogException(HttpStatus.INSUFFICIENT_STORAGE, "problem.upload.quota", library.name(),
                ByteSizes.format(r.usedBytes()), ByteSizes.format(r.quotaBytes()), ByteSizes.format(r.addingBytes()));
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

    private record StoredFile(String name, String mediaType, StoredBlob blob) {
    }
}
