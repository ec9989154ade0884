package vn.hoclieu.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.internal.FileNames;
import vn.hoclieu.catalog.internal.ResourceFileRepository;
import vn.hoclieu.concurrent.StripedLocks;
import vn.hoclieu.storage.BlobStore;
import vn.hoclieu.storage.StoredBlob;

/**
 * The files of harvested records, which are links to a partner until someone first asks for one:
 * then the bytes are fetched, stored like an upload's and queued for extraction.
 */
@Service
public class HarvestedFiles {

    private static final Logger log = LoggerFactory.getLogger(HarvestedFiles.class);

    /** One fetch of a harvested file at a time per file; apart from the upload locks, so a slow partner never holds an upload. */
    private final StripedLocks fetches = new StripedLocks(16);

    private final CatalogReads reads;
    private final ResourceFileRepository files;
    private final BlobStore blobs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ObjectProvider<RemoteFiles> remoteFiles;
    private final IncomingBytes incomingBytes;

    HarvestedFiles(CatalogReads reads, ResourceFileRepository files, BlobStore blobs, ApplicationEventPublisher events,
                   TransactionTemplate tx, ObjectProvider<RemoteFiles> remoteFiles, IncomingBytes incomingBytes) {
        this.incomingBytes = incomingBytes;
        this.reads = reads;
        this.files = files;
        this.blobs = blobs;
        this.events = events;
        this.tx = tx;
        this.remoteFiles = remoteFiles;
    }

    /**
     * A visible resource's file with its bytes here: a harvested file not yet fetched is fetched from
     * its partner now (once, however many ask at the same moment), stored like an upload and queued
     * for extraction, so that its text becomes searchable after this first use.
     *
     * @throws CatalogException 502 if the partner does not deliver it; 415 if what it delivers is a program (or a
     *                          kind this site does not take), which is then not kept
     */
    public Optional<ResourceView.FileView> localFile(long resourceId, long fileId, Viewer viewer, Reading reading) {
        Optional<ResourceView.FileView> file = reads.findFile(resourceId, fileId, viewer, reading);
        if (file.isEmpty() || file.get().sha256() != null || file.get().remote() == null) {
            return file;
        }
        try (StripedLocks.Held held = fetches.lock(fileId)) {
            Optional<ResourceView.FileView> again = reads.findFile(resourceId, fileId, viewer, reading);
            if (again.isEmpty() || again.get().sha256() != null) {
                return again;
            }
            fetch(fileId, again.get(), viewer);
            return reads.findFile(resourceId, fileId, viewer, reading);
        }
    }

    private void fetch(long fileId, ResourceView.FileView file, Viewer viewer) {
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
            log.warn("could not fetch {} for file {}: {}", file.remote(), fileId, e.toString());
            throw new CatalogException(HttpStatus.BAD_GATEWAY, "problem.remote.unavailable", file.name());
        }
        String name = fetched.fileName() == null ? file.name() : FileNames.safe(fetched.fileName());
        String mediaType = FileNames.mediaType(name, fetched.mediaType() != null ? fetched.mediaType() : file.mediaType());
        // a partner's file is judged like an upload: a program is neither kept nor served
        List<IncomingBytes.Stored> judged = List.of(new IncomingBytes.Stored(name, mediaType, blob));
        try (StripedLocks.Held held = incomingBytes.lock(judged)) {
            incomingBytes.screen(judged, viewer);
        }
        tx.executeWithoutResult(status -> files.findById(fileId).ifPresent(f -> {
            f.recordFetched(name, mediaType, blob.size(), blob.sha256());
            f.getResource().touch();
            files.saveAndFlush(f);
            events.publishEvent(new ResourceFileStored(f.getResource().getId(), f.getId(), f.getName()));
            events.publishEvent(new ResourceChanged(f.getResource().getId()));
        }));
    }
}
