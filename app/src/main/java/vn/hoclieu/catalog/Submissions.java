package vn.hoclieu.catalog;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.internal.AuditEntry;
import vn.hoclieu.catalog.internal.AuditEntryRepository;
import vn.hoclieu.catalog.internal.ReadTransactions;
import vn.hoclieu.catalog.internal.ResourceViews;
import vn.hoclieu.concurrent.StripedLocks;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;

/**
 * A teacher's own submission while it waits for review: they may put other bytes in place of one of its
 * files (the wrong version was sent) or withdraw it ({@link ReviewService#withdraw}). Only the uploader,
 * and only while it is PENDING: once the library has looked at it, what was reviewed stays as it was.
 * The library's staff keep their own powers (review, edit, withdraw what is published), not this one.
 */
@Service
public class Submissions {

    /** The uploader alone: staff correct the description, but never swap the bytes a teacher submitted. */
    static final ResourcePermissions.Permission UPLOADER = (viewer, libraryId, createdBy) ->
            viewer.signedIn() && viewer.username().equals(createdBy);

    private final ResourcePermissions permissions;
    private final IncomingBytes incomingBytes;
    private final Uploads uploads;
    private final LibraryService libraries;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final AuditEntryRepository audit;
    private final ApplicationEventPublisher events;
    private final ResourceViews views;

    Submissions(ResourcePermissions permissions, IncomingBytes incomingBytes, Uploads uploads,
                LibraryService libraries, TransactionTemplate tx, AuditEntryRepository audit,
                ApplicationEventPublisher events, ResourceViews views) {
        this.permissions = permissions;
        this.incomingBytes = incomingBytes;
        this.uploads = uploads;
        this.libraries = libraries;
        this.tx = tx;
        this.readTx = ReadTransactions.of(tx);
        this.audit = audit;
        this.events = events;
        this.views = views;
    }

    /**
     * Puts {@code incoming} in place of the file {@code fileId} of the uploader's pending resource: the new
     * bytes are judged and checked like any upload's (kind, duplicate, quota), the file is read again, and
     * the old bytes are removed unless another file holds them. The history says what was replaced.
     *
     * @param incoming the new bytes; null for none (400, once {@code by} is known to be allowed)
     * @throws CatalogException 404 if {@code by} may not see the resource or it has no such file, 403 if they
     *                          are not its uploader, 409 once it has been reviewed, 415/409/507 as an upload
     */
    public ResourceView replaceFile(long id, long fileId, IncomingFile incoming, Viewer by) {
        Current current = readTx.execute(status -> current(pending(id, by), fileId));
        if (incoming == null) {
            // asked only of someone who may replace it: nobody else learns anything from the answer
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.noFile");
        }
        Long reservation = uploads.reserve(current.library(), Math.max(0, incoming.size() - current.size()));
        try {
            IncomingBytes.Stored stored = incomingBytes.store(incoming);
            List<IncomingBytes.Stored> list = List.of(stored);
            ResourceView replaced;
            try (StripedLocks.Held held = incomingBytes.lock(list)) {
                incomingBytes.screen(list, by);
                try {
                    replaced = tx.execute(status -> swap(id, fileId, stored, by, current, reservation));
                } catch (RuntimeException refused) {
                    incomingBytes.discard(list);
                    throw refused;
                }
            }
            if (current.sha256() != null && !current.sha256().equals(stored.blob().sha256())) {
                try (StripedLocks.Held held = incomingBytes.lockBytes(List.of(current.sha256()))) {
                    incomingBytes.forget(current.sha256());
                }
            }
            return replaced;
        } finally {
            uploads.release(reservation);
        }
    }

    private ResourceView swap(long id, long fileId, IncomingBytes.Stored stored, Viewer by, Current current,
                              Long reservation) {
        Resource r = pending(id, by);
        ResourceFile file = file(r, fileId);
        if (reservation != null) {
            uploads.confirm(current.library(), reservation, Math.max(0, stored.blob().size() - file.getSize()),
                    List.of(stored));
        }
        incomingBytes.refuseDuplicates(List.of(stored), by, id);
        String before = file.getName();
        file.replace(stored.name(), stored.mediaType(), stored.blob().size(), stored.blob().sha256());
        r.touch();
        audit.save(new AuditEntry(r.getId(), by.username(), AuditAction.FILE_REPLACED,
                before + " → " + stored.name()));
        // the ingest module queues the new bytes, and drops what it was still reading of the old ones
        events.publishEvent(new ResourceFileStored(r.getId(), file.getId(), file.getName()));
        events.publishEvent(new ResourceChanged(r.getId(), true));
        return views.of(r);
    }

    /** Whether the viewer may replace the files of this resource, or withdraw it, now (its uploader, while pending). */
    public boolean mayRevise(long id, Viewer viewer) {
        return permissions.mayRevise(id, viewer);
    }

    /** The resource, if {@code by} uploaded it and it still waits for review: 404, 403 or 409 otherwise. */
    private Resource pending(long id, Viewer by) {
        Resource r = permissions.permitted(id, by, UPLOADER);
        if (r.getStatus() != ResourceStatus.PENDING) {
            throw new CatalogException(HttpStatus.CONFLICT, "problem.submission.reviewed", r.getStatus().name());
        }
        return r;
    }

    private static ResourceFile file(Resource r, long fileId) {
        return r.getFiles().stream().filter(f -> f.getId() == fileId).findFirst()
                .orElseThrow(() -> new CatalogException(HttpStatus.NOT_FOUND, "problem.file.notFound", fileId));
    }

    private Current current(Resource r, long fileId) {
        ResourceFile file = file(r, fileId);
        LibraryView library = r.getLibraryId() == null ? null : libraries.byId(r.getLibraryId()).orElse(null);
        return new Current(file.getSha256(), file.getSize(), library);
    }

    /** The file as it was before: its bytes' address and size, and the library whose quota it counts in. */
    private record Current(String sha256, long size, LibraryView library) {
    }
}
