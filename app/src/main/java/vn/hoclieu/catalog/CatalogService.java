package vn.hoclieu.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.internal.AuditEntry;
import vn.hoclieu.catalog.internal.AuditEntryRepository;
import vn.hoclieu.catalog.internal.ResourceFileRepository;
import vn.hoclieu.catalog.internal.ResourceRepository;
import vn.hoclieu.library.Library;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.storage.BlobStore;
import vn.hoclieu.storage.ByteSizes;
import vn.hoclieu.storage.StoredBlob;

/**
 * The catalogue: takes uploads (bytes first, durably, then rows and an ingest job in one
 * transaction), answers questions about resources, and records what extraction found.
 */
@Service
public class CatalogService {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern LICENCE = Pattern.compile("[A-Za-z0-9.+\\-]{1,40}");
    private static final int MAX_NAME = 255;
    private static final java.util.concurrent.locks.ReentrantLock[] UPLOAD_LOCKS = new java.util.concurrent.locks.ReentrantLock[64];

    /** One fetch of a harvested file at a time per file; apart from the upload locks, so a slow partner never holds an upload. */
    private static final java.util.concurrent.locks.ReentrantLock[] FETCH_LOCKS = new java.util.concurrent.locks.ReentrantLock[16];

    static {
        for (int i = 0; i < UPLOAD_LOCKS.length; i++) {
            UPLOAD_LOCKS[i] = new java.util.concurrent.locks.ReentrantLock();
        }
        for (int i = 0; i < FETCH_LOCKS.length; i++) {
            FETCH_LOCKS[i] = new java.util.concurrent.locks.ReentrantLock();
        }
    }

    private final ResourceRepository resources;
    private final ResourceFileRepository files;
    private final LibraryService libraries;
    private final BlobStore blobs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    /** Fresh reads for projections that run after another transaction's commit. */
    private final TransactionTemplate freshReadTx;
    private final MessageSource messages;
    private final List<AccessGrants> grants;
    private final AuditEntryRepository audit;
    private final vn.hoclieu.catalog.internal.QuotaReservations quotas;
    private final org.springframework.beans.factory.ObjectProvider<RemoteFiles> remoteFiles;

    CatalogService(ResourceRepository resources, ResourceFileRepository files, LibraryService libraries,
                   BlobStore blobs, ApplicationEventPublisher events, TransactionTemplate tx,
                   MessageSource messages, List<AccessGrants> grants, AuditEntryRepository audit,
                   org.springframework.beans.factory.ObjectProvider<RemoteFiles> remoteFiles,
                   vn.hoclieu.catalog.internal.QuotaReservations quotas) {
        this.quotas = quotas;
        this.messages = messages;
        this.grants = grants;
        this.audit = audit;
        this.remoteFiles = remoteFiles;
        this.resources = resources;
        this.files = files;
        this.libraries = libraries;
        this.blobs = blobs;
        this.events = events;
        this.tx = tx;
        this.readTx = new TransactionTemplate(tx.getTransactionManager());
        this.readTx.setReadOnly(true);
        this.freshReadTx = new TransactionTemplate(tx.getTransactionManager());
        this.freshReadTx.setReadOnly(true);
        this.freshReadTx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Stores the files and creates one resource holding them. The call returns only once the bytes
     * are durable and the resource, its files and their ingest jobs are committed.
     *
     * @throws DuplicateResourceException if any file's bytes are already in the catalogue
     * @throws CatalogException with status 400/403 for invalid metadata or a library the uploader may not use
     */
    public ResourceView submit(ResourceDraft draft, List<IncomingFile> incoming, Viewer uploader) {
        if (!uploader.mayUpload()) {
            throw new CatalogException(HttpStatus.FORBIDDEN, "problem.upload.forbidden");
        }
        if (incoming == null || incoming.isEmpty()) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.noFile");
        }
        ResourceDraft d = draft == null ? ResourceDraft.empty() : draft;
        MaterialType declaredType = parseEnum(MaterialType.class, d.materialType(), "materialType");
        Visibility visibility = Optional.ofNullable(parseEnum(Visibility.class, d.visibility(), "visibility"))
                .orElse(Visibility.PUBLIC);
        Library library = resolveLibrary(d.library(), uploader);
        if (library == null && !uploader.has(Role.LIBRARIAN)) {
            // a teacher's submission waits for the librarians of a library: without one nobody could review it
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.noLibrary");
        }
        LocalDate issued = parseDate(d.date());
        String language = checkedLanguage(d.language());
        String licence = checkedLicence(d.licence());

        long declared = incoming.stream().mapToLong(f -> Math.max(0, f.size())).sum();
        // before anything is written, with the sizes the upload declares: room is reserved, or refused
        Long reservation = reserve(library, declared);
        try {
            return store(d, incoming, declaredType, visibility, library, issued, language, licence, uploader,
                    reservation);
        } finally {
            if (reservation != null) {
                quotas.release(reservation); // nothing if the upload committed: its files replaced it
            }
        }
    }

    private ResourceView store(ResourceDraft d, List<IncomingFile> incoming, MaterialType declaredType,
                               Visibility visibility, Library library, LocalDate issued, String language,
                               String licence, Viewer uploader, Long reservation) {
        List<StoredFile> stored = new ArrayList<>();
        for (IncomingFile file : incoming) {
            String name = safeFileName(file.name());
            StoredBlob blob;
            try (InputStream in = file.content().getInputStream()) {
                blob = blobs.store(in, file.size());
            } catch (IOException e) {
                throw new UncheckedIOException("could not store " + name, e);
            }
            if (blob.size() == 0) {
                throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.emptyFile", name);
            }
            stored.add(new StoredFile(name, mediaTypeOf(name, file.declaredType()), blob));
        }
        long actual = stored.stream().mapToLong(f -> f.blob().size()).sum();

        // Two uploads of the same bytes at once must not both pass the duplicate check.
        List<Integer> stripes = stored.stream().map(f -> Math.floorMod(f.blob().sha256().hashCode(), UPLOAD_LOCKS.length))
                .distinct().sorted().toList();
        stripes.forEach(i -> UPLOAD_LOCKS[i].lock());
        try {
            return tx.execute(status -> {
                if (reservation != null) {
                    // the real sizes (a stream declares none), under the library's lock until this commits
                    confirm(library, reservation, actual, stored);
                }
                return create(d, stored, declaredType, visibility, library, issued, language, licence, uploader);
            });
        } finally {
            stripes.forEach(i -> UPLOAD_LOCKS[i].unlock());
        }
    }

    /**
     * Inserts the rows. The same bytes already in a resource the uploader can see are a duplicate;
     * bytes in a resource hidden from them are simply shared (stored once), so nothing leaks.
     */
    private ResourceView create(ResourceDraft d, List<StoredFile> stored, MaterialType declaredType,
                                Visibility visibility, Library library, LocalDate issued, String language,
                                String licence, Viewer uploader) {
        for (StoredFile f : stored) {
            for (ResourceFile existing : files.findBySha256(f.blob().sha256())) {
                Resource r = existing.getResource();
                if (Access.canView(uploader, r)) {
                    throw new DuplicateResourceException(f.name(), r.getId(), r.getTitle());
                }
            }
        }
        StoredFile main = stored.stream().filter(f -> !isSubtitle(f.name())).findFirst().orElse(stored.get(0));
        String title = blankToNull(d.title()) != null ? d.title().strip() : titleFromFileName(main.name());
        MaterialType type = declaredType != null ? declaredType : guessType(main.name(), main.mediaType());
        Resource resource = new Resource(limit(title, 1000), type, visibility, initialStatus(uploader),
                library == null ? null : library.getId(), uploader.username());
        resource.setCreators(clean(d.creators()));
        resource.setDescription(blankToNull(d.description()));
        resource.setSubjects(clean(d.subjects()));
        resource.setAudience(clean(d.audience()));
        resource.setLanguage(language);
        resource.setLicence(licence);
        resource.setPublisher(blankToNull(d.publisher()));
        resource.setIssued(issued);
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
        return toView(resource);
    }

    /**
     * A library with a storage quota refuses an upload that would take it over (507, as WebDAV
     * answers a quota: the request is fine, the library has no room left), saying what is used and allowed.
     * The room is reserved before the first byte is written and taken under a lock on the library's row
     * ({@link vn.hoclieu.catalog.internal.QuotaReservations}), so uploads at the same moment never pass it together.
     */
    private Long reserve(Library library, long adding) {
        if (library == null || library.getQuotaBytes() == null) {
            return null;
        }
        try {
            return quotas.reserve(library.getId(), library.getQuotaBytes(), adding);
        } catch (vn.hoclieu.catalog.internal.QuotaReservations.OverQuota e) {
            throw overQuota(library, e);
        }
    }

    /** Checks the real sizes against the quota; a refusal removes the bytes this upload alone had stored. */
    private void confirm(Library library, long reservation, long actual, List<StoredFile> stored) {
        try {
            quotas.confirm(library.getId(), library.getQuotaBytes(), reservation, actual);
        } catch (vn.hoclieu.catalog.internal.QuotaReservations.OverQuota e) {
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

    private static CatalogException overQuota(Library library, vn.hoclieu.catalog.internal.QuotaReservations.OverQuota e) {
        var r = e.refusal;
        return new CatalogException(HttpStatus.INSUFFICIENT_STORAGE, "problem.upload.quota", library.getName(),
                ByteSizes.format(r.usedBytes()), ByteSizes.format(r.quotaBytes()), ByteSizes.format(r.addingBytes()));
    }

    /** Bytes of the files a library's resources hold (what its quota counts). */
    public long usedBytes(Library library) {
        return readTx.execute(s -> files.bytesOfLibrary(library.getId()));
    }

    /**
     * A teacher's upload waits for review by its library; librarians and administrators (and so bulk
     * imports and the sample library, which run with their rights) publish directly.
     */
    static ResourceStatus initialStatus(Viewer uploader) {
        return uploader.has(Role.LIBRARIAN) ? ResourceStatus.PUBLISHED : ResourceStatus.PENDING;
    }

    /**
     * Changes who may see a resource. Sharing and withdrawing are decisions of the owning library's
     * librarians or an administrator, not of the uploader.
     *
     * @throws CatalogException 404 if the resource does not exist or is hidden from {@code by}, 403 if they may not change it
     */
    public ResourceView updateVisibility(long id, Visibility visibility, Viewer by) {
        return change(id, by, r -> {
            Visibility before = r.getVisibility();
            r.changeVisibility(visibility);
            return before == visibility ? null
                    : new StatusChange.Audit(AuditAction.VISIBILITY_CHANGED, before + " → " + visibility);
        });
    }

    /**
     * Takes a published resource out of circulation: it stays in the catalogue, visible only to its
     * library's staff (and its uploader).
     *
     * @throws CatalogException 409 if it is not published
     */
    public ResourceView withdraw(long id, Viewer by) {
        return change(id, by, r -> StatusChange.WITHDRAW.apply(r, null));
    }

    /**
     * Shares a resource with another library: its members see it when its visibility is LIBRARY,
     * and it is found in that library's catalogue (the {@code library} filter), credited to its
     * origin. Sharing again with the same library changes nothing.
     *
     * @throws CatalogException 404 if hidden from {@code by}, 403 if they may not share it
     *                          ({@link Access#canShare}), 400 for an unknown library or its own
     */
    public ResourceView share(long id, String libraryCode, Viewer by) {
        Library library = otherLibrary(libraryCode);
        return change(id, by, Access::canShare, r -> {
            if (library.getId().equals(r.getLibraryId())) {
                throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.share.ownLibrary", library.getCode());
            }
            r.shareWith(library.getId());
            return null;
        });
    }

    /** Stops sharing a resource with a library; not shared with it is no error. */
    public ResourceView unshare(long id, String libraryCode, Viewer by) {
        Library library = otherLibrary(libraryCode);
        return change(id, by, Access::canShare, r -> {
            r.unshareWith(library.getId());
            return null;
        });
    }

    /** Whether the viewer may share this resource and make share links for it (false if hidden from them). */
    public boolean mayShare(long id, Viewer viewer) {
        return Boolean.TRUE.equals(readTx.execute(status -> resources.findById(id)
                .filter(r -> Access.canView(viewer, r))
                .map(r -> Access.canShare(viewer, r.getLibraryId(), r.getCreatedBy())).orElse(false)));
    }

    private Library otherLibrary(String code) {
        return libraries.byCode(code == null ? "" : code.strip())
                .orElseThrow(() -> new CatalogException(HttpStatus.BAD_REQUEST, "problem.share.unknownLibrary",
                        String.valueOf(code)));
    }

    /** Who may make a change to a resource, from its library and uploader. */
    private interface Permission {
        boolean allows(Viewer by, Long libraryId, String createdBy);
    }

    /** Whether {@code viewer} may review, withdraw, restore and edit resources of that library. */
    public static boolean isStaffOf(Viewer viewer, Long libraryId) {
        return viewer.has(Role.ADMIN) || (viewer.has(Role.LIBRARIAN) && libraryId != null
                && libraryId.equals(viewer.libraryId()));
    }

    /**
     * Holds a partner's public record as a linked record here: published and public (it was public
     * at the source), credited to the partner, its files links until first asked for. The same
     * version again (harvests overlap) changes nothing; a record withdrawn here because the partner
     * had deleted it comes back when the partner shows it again.
     */
    public HarvestOutcome upsertHarvested(HarvestedRecord h) {
        return tx.execute(status -> {
            Optional<Resource> existing = resources.findBySourcePartnerIdAndSourceIdentifier(h.partnerId(), h.identifier());
            if (existing.isPresent() && existing.get().getStatus() == ResourceStatus.PUBLISHED
                    && java.util.Objects.equals(existing.get().getSourceDatestamp(), h.datestamp())
                    && java.util.Objects.equals(existing.get().getLibraryId(), h.libraryId())) {
                return HarvestOutcome.UNCHANGED;
            }
            Resource r = existing.orElseGet(() -> new Resource("", MaterialType.OTHER, Visibility.PUBLIC,
                    ResourceStatus.PUBLISHED, h.libraryId(), null));
            HarvestedRecords.apply(h, r);
            r.changeLibrary(h.libraryId());
            r.changeVisibility(Visibility.PUBLIC);
            r.changeStatus(ResourceStatus.PUBLISHED);
            resources.saveAndFlush(r);
            events.publishEvent(new ResourceChanged(r.getId()));
            return existing.isPresent() ? HarvestOutcome.UPDATED : HarvestOutcome.ADDED;
        });
    }

    /** The partner deleted the record (or stopped showing it): withdrawn here, so nobody finds it. */
    public HarvestOutcome deleteHarvested(long partnerId, String identifier) {
        return tx.execute(status -> resources.findBySourcePartnerIdAndSourceIdentifier(partnerId, identifier)
                .filter(r -> r.getStatus() != ResourceStatus.WITHDRAWN)
                .map(r -> {
                    r.changeStatus(ResourceStatus.WITHDRAWN);
                    resources.saveAndFlush(r);
                    events.publishEvent(new ResourceChanged(r.getId(), true));
                    return HarvestOutcome.DELETED;
                }).orElse(HarvestOutcome.ABSENT));
    }

    /** Every record of a partner that is no longer harvested is withdrawn; returns how many. */
    public int withdrawHarvested(long partnerId) {
        return tx.execute(status -> {
            int n = 0;
            for (Resource r : resources.findBySourcePartnerId(partnerId)) {
                if (r.getStatus() != ResourceStatus.WITHDRAWN) {
                    r.changeStatus(ResourceStatus.WITHDRAWN);
                    resources.saveAndFlush(r);
                    events.publishEvent(new ResourceChanged(r.getId(), true));
                    n++;
                }
            }
            return n;
        });
    }

    /**
     * A visible resource's file with its bytes here: a harvested file not yet fetched is fetched from
     * its partner now (once, however many ask at the same moment), stored like an upload and queued
     * for extraction, so that its text becomes searchable after this first use.
     *
     * @throws CatalogException 502 if the partner does not deliver it
     */
    public Optional<ResourceView.FileView> localFile(long resourceId, long fileId, Viewer viewer, Reading reading) {
        Optional<ResourceView.FileView> file = findFile(resourceId, fileId, viewer, reading);
        if (file.isEmpty() || file.get().sha256() != null || file.get().remote() == null) {
            return file;
        }
        java.util.concurrent.locks.ReentrantLock lock = FETCH_LOCKS[Math.floorMod(Long.hashCode(fileId), FETCH_LOCKS.length)];
        lock.lock();
        try {
            Optional<ResourceView.FileView> again = findFile(resourceId, fileId, viewer, reading);
            if (again.isEmpty() || again.get().sha256() != null) {
                return again;
            }
            fetch(fileId, again.get());
            return findFile(resourceId, fileId, viewer, reading);
        } finally {
            lock.unlock();
        }
    }

    private void fetch(long fileId, ResourceView.FileView file) {
        RemoteFiles remote = remoteFiles.getIfAvailable();
        if (remote == null) {
            throw new CatalogException(HttpStatus.BAD_GATEWAY, "problem.remote.unavailable", file.name());
        }
        StoredBlob blob;
        RemoteFiles.Fetched fetched;
        try {
            fetched = remote.fetch(file.remote());
            try (InputStream in = fetched.body()) {
                blob = blobs.store(in);
            }
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(CatalogService.class)
                    .warn("could not fetch {} for file {}: {}", file.remote(), fileId, e.toString());
            throw new CatalogException(HttpStatus.BAD_GATEWAY, "problem.remote.unavailable", file.name());
        }
        String name = fetched.fileName() == null ? file.name() : safeFileName(fetched.fileName());
        String mediaType = mediaTypeOf(name, fetched.mediaType() != null ? fetched.mediaType() : file.mediaType());
        tx.executeWithoutResult(status -> files.findById(fileId).ifPresent(f -> {
            f.recordFetched(name, mediaType, blob.size(), blob.sha256());
            f.getResource().touch();
            files.saveAndFlush(f);
            events.publishEvent(new ResourceFileStored(f.getResource().getId(), f.getId(), f.getName()));
            events.publishEvent(new ResourceChanged(f.getResource().getId()));
        }));
    }

    /**
     * Applies a librarian's change in a transaction of its own. The resource may be changing at the
     * same moment (a worker recording what it read from a file): then the change is applied again
     * to the fresh row rather than failing, a few times at most. What the change returns (if not
     * null) goes into the resource's history in the same transaction.
     */
    ResourceView change(long id, Viewer by, java.util.function.Function<Resource, StatusChange.Audit> change) {
        return change(id, by, (viewer, libraryId, createdBy) -> isStaffOf(viewer, libraryId), change);
    }

    /** A change its library's staff may make, or its uploader while it waits for review. */
    ResourceView changeAsUploader(long id, Viewer by, java.util.function.Function<Resource, StatusChange.Audit> change) {
        return change(id, by, (viewer, libraryId, createdBy) -> isStaffOf(viewer, libraryId)
                || (viewer.signedIn() && viewer.username().equals(createdBy)), r -> {
                    if (!isStaffOf(by, r.getLibraryId()) && r.getStatus() != ResourceStatus.PENDING) {
                        throw new CatalogException(HttpStatus.FORBIDDEN, "problem.describe.reviewed");
                    }
                    return change.apply(r);
                });
    }

    /** Whether the viewer may confirm the description of an upload ({@link ReviewService#describe}). */
    public boolean mayDescribe(long id, Viewer viewer) {
        return Boolean.TRUE.equals(readTx.execute(status -> resources.findById(id)
                .filter(r -> Access.canView(viewer, r))
                .map(r -> isStaffOf(viewer, r.getLibraryId()) || (viewer.signedIn()
                        && viewer.username().equals(r.getCreatedBy()) && r.getStatus() == ResourceStatus.PENDING))
                .orElse(false)));
    }

    private ResourceView change(long id, Viewer by, Permission permission,
                                java.util.function.Function<Resource, StatusChange.Audit> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return changeOnce(id, by, permission, change);
            } catch (org.springframework.dao.OptimisticLockingFailureException concurrent) {
                if (attempt >= 5) {
                    throw concurrent;
                }
            }
        }
    }

    private ResourceView changeOnce(long id, Viewer by, Permission permission,
                                    java.util.function.Function<Resource, StatusChange.Audit> change) {
        return tx.execute(status -> {
            Resource r = permitted(id, by, permission);
            StatusChange.Audit note = change.apply(r);
            resources.saveAndFlush(r);
            if (note != null) {
                audit.save(new AuditEntry(r.getId(), by.username(), note.action(), note.details()));
            }
            events.publishEvent(new ResourceChanged(r.getId(), true));
            return toView(r);
        });
    }

    /**
     * The resource for a change by its library's staff: 404 if {@code by} may not see it (nothing
     * leaks), 403 if they see it but may not act on it.
     */
    private Resource staffResource(long id, Viewer by) {
        return permitted(id, by, (viewer, libraryId, createdBy) -> isStaffOf(viewer, libraryId));
    }

    /** The resource for a change {@code permission} allows: 404 if {@code by} may not see it, 403 if not allowed. */
    private Resource permitted(long id, Viewer by, Permission permission) {
        Resource r = resources.findById(id).filter(found -> Access.canView(by, found))
                .orElseThrow(() -> new CatalogException(HttpStatus.NOT_FOUND, "problem.resource.notFound", id));
        if (!permission.allows(by, r.getLibraryId(), r.getCreatedBy())) {
            throw new CatalogException(HttpStatus.FORBIDDEN, "problem.forbidden");
        }
        return r;
    }

    /** Whether {@code viewer} sees the resource and may review, withdraw, restore and edit it. */
    public boolean mayChange(long id, Viewer viewer) {
        return Boolean.TRUE.equals(readTx.execute(status -> resources.findById(id)
                .filter(r -> Access.canView(viewer, r) && isStaffOf(viewer, r.getLibraryId())).isPresent()));
    }

    /** A resource's history, oldest first, for its library's staff (404/403 as for a change). */
    public List<HistoryEntry> history(long id, Viewer by) {
        return readTx.execute(status -> {
            staffResource(id, by);
            return audit.findByResourceIdOrderByIdAsc(id).stream().map(AuditEntry::toEntry).toList();
        });
    }

    /** The resource if it exists and the viewer may see it. */
    public Optional<ResourceView> find(long id, Viewer viewer) {
        return find(id, viewer, Reading.VIEWER_ONLY);
    }

    /**
     * The resource if it exists and the viewer may see it, or, with {@link Reading#WITH_GRANTS},
     * the request carries a grant for it (a share link: {@link AccessGrants}).
     */
    public Optional<ResourceView> find(long id, Viewer viewer, Reading reading) {
        return readTx.execute(status -> resources.findById(id).filter(r -> readable(viewer, r, reading))
                .map(this::toView).map(v -> hideInvisibleNearDuplicates(v, viewer)));
    }

    /** The read paths' rule: {@link Access}, or else (if the caller accepts them) a grant the request carries. */
    private boolean readable(Viewer viewer, Resource r, Reading reading) {
        return Access.canView(viewer, r)
                || (reading == Reading.WITH_GRANTS && grants.stream().anyMatch(g -> g.grants(r.getId())));
    }

    /**
     * Those of the resources that exist and the viewer may see, by id, in one read: for lists made
     * in other modules (collections), which must never show, or count, what the viewer may not see.
     */
    public java.util.Map<Long, ResourceView> findVisible(java.util.Collection<Long> ids, Viewer viewer) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return readTx.execute(status -> {
            java.util.Map<Long, ResourceView> out = new java.util.HashMap<>();
            resources.findAllById(ids).stream().filter(r -> Access.canView(viewer, r))
                    .forEach(r -> out.put(r.getId(), toView(r)));
            return out;
        });
    }

    /** A near-duplicate the viewer may not see is not mentioned: its existence would leak. */
    private ResourceView hideInvisibleNearDuplicates(ResourceView v, Viewer viewer) {
        if (v.files().stream().noneMatch(f -> f.nearDuplicate() != null)) {
            return v;
        }
        List<ResourceView.FileView> files = v.files().stream().map(f -> f.nearDuplicate() == null
                || resources.findById(f.nearDuplicate().resourceId()).filter(o -> Access.canView(viewer, o)).isPresent()
                ? f : new ResourceView.FileView(f.id(), f.name(), f.mediaType(), f.size(), f.sha256(), f.extraction(),
                        null, f.launch(), f.remote())).toList();
        return new ResourceView(v.id(), v.title(), v.creators(), v.description(), v.language(), v.subjects(),
                v.audience(), v.materialType(), v.licence(), v.visibility(), v.library(), v.libraryName(), v.status(),
                v.publisher(), v.date(), v.createdAt(), v.updatedAt(), files, v.thumbnail(), v.sharedWith(),
                v.rejectionReason(), v.source());
    }

    /** A file of a visible resource, with its blob address, for download. */
    public Optional<ResourceView.FileView> findFile(long resourceId, long fileId, Viewer viewer) {
        return findFile(resourceId, fileId, viewer, Reading.VIEWER_ONLY);
    }

    public Optional<ResourceView.FileView> findFile(long resourceId, long fileId, Viewer viewer, Reading reading) {
        return find(resourceId, viewer, reading).flatMap(r -> r.files().stream().filter(f -> f.id() == fileId).findFirst());
    }

    /**
     * The preview image of a visible resource: its main file's thumbnail, else the first file's
     * that has one.
     */
    public Optional<org.springframework.core.io.Resource> thumbnail(long resourceId, Viewer viewer, Reading reading) {
        return readTx.execute(status -> resources.findById(resourceId).filter(r -> readable(viewer, r, reading))
                .flatMap(r -> r.getFiles().stream().map(ResourceFile::getThumbnailSha256)
                        .filter(sha -> sha != null && blobs.exists(sha)).findFirst())
                .map(blobs::resource));
    }

    /** The bytes of a stored blob, for serving a file found through {@link #findFile}. */
    public org.springframework.core.io.Resource content(ResourceView.FileView file) {
        return blobs.resource(file.sha256());
    }

    /** The extracted text of a visible resource's files, joined, or empty. */
    public Optional<String> text(long resourceId, Viewer viewer, Reading reading) {
        List<ResourceSnapshot.FileText> texts = fileTexts(resourceId, viewer, reading);
        return texts.isEmpty() ? Optional.empty()
                : Optional.of(String.join("\n\n", texts.stream().map(ResourceSnapshot.FileText::text).toList()));
    }

    /**
     * The extracted text of each file of a visible resource (pages, slides or subtitle cues separated
     * by form feeds, with the cues' moments); empty when it has none or the viewer may not see it.
     */
    public List<ResourceSnapshot.FileText> fileTexts(long resourceId, Viewer viewer, Reading reading) {
        return find(resourceId, viewer, reading).flatMap(r -> snapshot(resourceId))
                .map(ResourceSnapshot::texts).orElse(List.of());
    }

    /** Every resource's id and last change, for reconciling projections such as the search index. */
    public java.util.Map<Long, java.time.Instant> versions() {
        return readTx.execute(s -> {
            java.util.Map<Long, java.time.Instant> out = new java.util.HashMap<>();
            for (Object[] row : resources.versions()) {
                out.put((Long) row[0], (java.time.Instant) row[1]);
            }
            return out;
        });
    }

    /**
     * The id and last change of each resource changed at or after {@code since}: a change feed,
     * so that a projection kept on each of several nodes (an embedded search index) learns what
     * the other nodes changed.
     */
    public java.util.Map<Long, java.time.Instant> versionsSince(java.time.Instant since) {
        return readTx.execute(s -> {
            java.util.Map<Long, java.time.Instant> out = new java.util.HashMap<>();
            for (Object[] row : resources.versionsSince(since)) {
                out.put((Long) row[0], (java.time.Instant) row[1]);
            }
            return out;
        });
    }

    /** A text signature of one file, for the ingest module's near-duplicate search. */
    public record Fingerprint(long resourceId, String signature) {
    }

    public List<Fingerprint> fingerprints() {
        return readTx.execute(s -> files.fingerprints().stream()
                .map(row -> new Fingerprint((Long) row[0], (String) row[1])).toList());
    }

    /** Every blob the catalogue refers to: each file's bytes, extracted text and preview (for checks and backups). */
    public List<BlobReference> blobReferences() {
        return readTx.execute(s -> {
            List<BlobReference> out = new ArrayList<>();
            for (Object[] row : files.blobColumns()) {
                long resourceId = (Long) row[0];
                long fileId = (Long) row[1];
                String[] kinds = {BlobReference.CONTENT, BlobReference.TEXT, BlobReference.THUMBNAIL};
                for (int k = 0; k < kinds.length; k++) {
                    if (row[2 + k] != null) {
                        out.add(new BlobReference(resourceId, fileId, kinds[k], (String) row[2 + k]));
                    }
                }
            }
            return out;
        });
    }

    /** How many resources the catalogue holds (a cheap check that a projection has lost or kept none too many). */
    public long resourceCount() {
        return readTx.execute(s -> resources.count());
    }

    public List<Long> allResourceIds() {
        return readTx.execute(s -> resources.allIds());
    }

    /** Everything the index needs about a resource (no visibility check: the index applies it per query). */
    public Optional<ResourceSnapshot> snapshot(long id) {
        return freshReadTx.execute(status -> resources.findById(id).map(r -> {
            Library lib = libraries.byId(r.getLibraryId()).orElse(null);
            List<ResourceSnapshot.FileText> texts = new ArrayList<>();
            for (ResourceFile f : r.getFiles()) {
                if (f.getExtractionStatus().hasText() && f.getTextSha256() != null && blobs.exists(f.getTextSha256())) {
                    texts.add(new ResourceSnapshot.FileText(f.getId(), f.getName(), f.getMediaType(),
                            readText(f.getTextSha256()), f.getCueStarts()));
                }
            }
            return new ResourceSnapshot(r.getId(), r.getTitle(), List.copyOf(r.getCreators()), r.getDescription(),
                    effectiveLanguage(r), List.copyOf(r.getSubjects()), List.copyOf(r.getAudience()),
                    r.getMaterialType(), r.getLicence(), r.getVisibility(), r.getStatus(), r.getLibraryId(),
                    lib == null ? null : lib.getCode(), lib == null ? null : lib.getName(),
                    lib == null ? null : lib.getType().name(), r.getCreatedAt(), r.getUpdatedAt(),
                    r.getFiles().stream().map(ResourceFile::getMediaType).distinct().toList(), texts,
                    r.getCreatedBy(), r.getFiles().stream().anyMatch(f -> f.getThumbnailSha256() != null),
                    resources.popularity(r.getId()), r.getSharedWith().stream()
                            .flatMap(libraryId -> libraries.byId(libraryId).stream())
                            .map(l -> new ResourceSnapshot.SharedLibrary(l.getId(), l.getCode())).toList());
        }));
    }

    public Optional<FileForExtraction> fileForExtraction(long fileId) {
        return readTx.execute(status -> files.findById(fileId).map(f -> new FileForExtraction(
                f.getResource().getId(), f.getId(), f.getName(), f.getMediaType(), f.getSha256(),
                f.getResource().getLanguage())));
    }

    /**
     * Records what extraction found. Fills the resource's title, creator and language from the
     * file when the uploader gave none. Runs in the caller's transaction if there is one.
     */
    public void recordExtraction(long fileId, ExtractionOutcome outcome) {
        tx.executeWithoutResult(status -> files.findById(fileId).ifPresent(file -> {
            file.recordExtraction(outcome);
            Resource r = file.getResource();
            if (!file.isSubtitle() && file.getPosition() == firstMainPosition(r)) {
                if (outcome.title() != null && !outcome.title().isBlank()
                        && r.getTitle().equals(titleFromFileName(file.getName()))) {
                    r.setTitle(limit(outcome.title().strip(), 1000));
                }
                if (r.getCreators().isEmpty() && outcome.author() != null && !outcome.author().isBlank()) {
                    r.setCreators(List.of(outcome.author().strip()));
                }
                if (r.getLanguage() == null && outcome.language() != null) {
                    r.setLanguage(outcome.language());
                }
                if (r.getSubjects().isEmpty() && !outcome.subjects().isEmpty()) {
                    r.setSubjects(clean(outcome.subjects()));
                }
            }
            r.touch();
        }));
    }

    private static int firstMainPosition(Resource r) {
        return r.getFiles().stream().filter(f -> !f.isSubtitle()).mapToInt(ResourceFile::getPosition).min().orElse(0);
    }

    private String effectiveLanguage(Resource r) {
        if (r.getLanguage() != null) {
            return r.getLanguage();
        }
        return r.getFiles().stream().map(ResourceFile::getExtractedLanguage).filter(l -> l != null).findFirst()
                .orElse(null);
    }

    private String readText(String sha) {
        try (InputStream in = blobs.open(sha)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResourceView toView(Resource r) {
        Library lib = libraries.byId(r.getLibraryId()).orElse(null);
        List<ResourceView.FileView> fileViews = r.getFiles().stream().map(f -> new ResourceView.FileView(
                f.getId(), f.getName(), f.getMediaType(), f.getSize(), f.getSha256(),
                new ResourceView.Extraction(f.getExtractionStatus(),
                        Reason.text(f.getExtractionReason(), messages,
                                LocaleContextHolder.getLocale()),
                        f.getExtractedLanguage(), f.getPages(), f.getDurationSeconds(), f.isOcr(),
                        f.getLegacyEncoding()),
                f.getNearDuplicateOf() == null ? null : new ResourceView.NearDuplicate(f.getNearDuplicateOf(),
                        f.getNearDuplicateSimilarity()),
                f.getLaunchPath() == null ? null : "/resources/" + r.getId() + "/files/" + f.getId() + "/package/"
                        + org.springframework.web.util.UriUtils.encodePath(f.getLaunchPath(),
                                java.nio.charset.StandardCharsets.UTF_8), f.getRemoteUrl())).toList();
        return new ResourceView(r.getId(), r.getTitle(), List.copyOf(r.getCreators()), r.getDescription(),
                effectiveLanguage(r), List.copyOf(r.getSubjects()), List.copyOf(r.getAudience()),
                r.getMaterialType(), r.getLicence(), r.getVisibility(), lib == null ? null : lib.getCode(),
                lib == null ? null : lib.getName(), r.getStatus(), r.getPublisher(), r.getIssued(),
                r.getCreatedAt(), r.getUpdatedAt(), fileViews,
                r.getFiles().stream().anyMatch(f -> f.getThumbnailSha256() != null)
                        ? "/api/v1/resources/" + r.getId() + "/thumbnail" : null,
                r.getSharedWith().stream().flatMap(libraryId -> libraries.byId(libraryId).stream())
                        .map(Library::getCode).sorted().toList(),
                r.getRejectionReason(),
                r.isHarvested() ? new ResourceView.Source(r.getSourcePartnerName(), r.getSourceUrl(),
                        r.getSourceIdentifier(), r.getSourceDatestamp()) : null);
    }

    private Library resolveLibrary(String code, Viewer uploader) {
        if (blankToNull(code) == null) {
            return libraries.byId(uploader.libraryId()).orElse(null);
        }
        Library library = libraries.byCode(code)
                .orElseThrow(() -> new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.unknownLibrary", code));
        if (!uploader.has(Role.ADMIN) && !library.getId().equals(uploader.libraryId())) {
            throw new CatalogException(HttpStatus.FORBIDDEN, "problem.upload.otherLibrary", code);
        }
        return library;
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.badEnum", field, value,
                    Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A BCP 47-like language tag in lower case, or null when blank; 400 for anything else. */
    static String checkedLanguage(String value) {
        String language = blankToNull(value);
        if (language != null && !LANGUAGE.matcher(language.toLowerCase(Locale.ROOT)).matches()) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.badValue", "language", language);
        }
        return language == null ? null : language.toLowerCase(Locale.ROOT);
    }

    /** An SPDX-style licence id, or null when blank; 400 for anything else. */
    static String checkedLicence(String value) {
        String licence = Licence.canonical(value);
        if (licence != null && !LICENCE.matcher(licence).matches()) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.badValue", "licence", licence);
        }
        return licence;
    }

    static LocalDate parseDate(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(v), 1, 1);
            }
            if (v.matches("\\d{4}-\\d{2}")) {
                return LocalDate.parse(v + "-01");
            }
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.badValue", "date", value);
        }
    }

    /** Keeps the last path segment, composes Vietnamese (NFC), drops control and bidi-override characters. */
    static String safeFileName(String raw) {
        String name = raw == null ? "" : raw;
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder();
        name.codePoints().filter(cp -> !Character.isISOControl(cp) && !isBidiControl(cp)).forEach(b::appendCodePoint);
        name = b.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            name = "file";
        }
        if (name.length() > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            int keep = MAX_NAME - ext.length();
            if (Character.isHighSurrogate(name.charAt(keep - 1))) {
                keep--; // never half a character
            }
            name = name.substring(0, keep).strip() + ext;
        }
        return name;
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }

    static String titleFromFileName(String name) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String title = base.replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ").strip();
        return title.isEmpty() ? name : Character.toUpperCase(title.charAt(0)) + title.substring(1);
    }

    static String mediaTypeOf(String name, String declared) {
        return MediaTypeFactory.getMediaType(name).map(Object::toString)
                .or(() -> Optional.ofNullable(blankToNull(declared))
                        .map(t -> t.strip().toLowerCase(Locale.ROOT))
                        .filter(t -> t.length() <= 100 && t.matches("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")))
                .orElse("application/octet-stream");
    }

    static MaterialType guessType(String name, String mediaType) {
        String n = name.toLowerCase(Locale.ROOT);
        if (mediaType.startsWith("video/")) {
            return MaterialType.VIDEO;
        }
        if (mediaType.startsWith("audio/")) {
            return MaterialType.AUDIO;
        }
        if (mediaType.startsWith("image/")) {
            return MaterialType.IMAGE;
        }
        if (n.endsWith(".ppt") || n.endsWith(".pptx") || n.endsWith(".odp") || n.endsWith(".key")) {
            return MaterialType.SLIDES;
        }
        if (n.endsWith(".zip")) {
            return MaterialType.E_LECTURE;
        }
        if (n.endsWith(".pdf") || n.endsWith(".epub") || n.endsWith(".doc") || n.endsWith(".docx")
                || n.endsWith(".odt") || n.endsWith(".txt") || n.endsWith(".html") || n.endsWith(".htm")
                || n.endsWith(".rtf")) {
            return MaterialType.BOOK;
        }
        return MaterialType.OTHER;
    }

    private static boolean isSubtitle(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".vtt") || n.endsWith(".srt");
    }

    static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String limit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private record StoredFile(String name, String mediaType, StoredBlob blob) {
    }
}
