package vn.hoclieu.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.internal.ReadTransactions;
import vn.hoclieu.catalog.internal.ResourceRepository;
import vn.hoclieu.catalog.internal.ResourceSnapshots;
import vn.hoclieu.catalog.internal.ResourceViews;
import vn.hoclieu.storage.BlobStore;

/**
 * Resources as a reader may see them — their description, files, preview and text — for pages, the
 * REST API and other modules' lists. What the reader may not see is never returned, or mentioned.
 */
@Service
public class CatalogReads {

    private final ResourceRepository resources;
    private final BlobStore blobs;
    private final TransactionTemplate readTx;
    private final List<AccessGrants> grants;
    private final ResourceViews views;
    private final ResourceSnapshots snapshots;

    CatalogReads(ResourceRepository resources, BlobStore blobs, TransactionTemplate tx, List<AccessGrants> grants,
                 ResourceViews views, ResourceSnapshots snapshots) {
        this.resources = resources;
        this.blobs = blobs;
        this.readTx = ReadTransactions.of(tx);
        this.grants = grants;
        this.views = views;
        this.snapshots = snapshots;
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
                .map(views::of).map(v -> hideInvisibleNearDuplicates(v, viewer)));
    }

    /**
     * The read paths' rule: {@link Access}, or else (if the caller accepts them) a grant the request carries
     * — for published material only. A share link never opens what the library has not published (a
     * submission awaiting review, a rejected or withdrawn one): its page, files, preview, thumbnail and text
     * are as hidden to the link's holder as to anyone, until the reviewers publish it.
     */
    private boolean readable(Viewer viewer, Resource r, Reading reading) {
        return Access.canView(viewer, r) || (reading == Reading.WITH_GRANTS
                && r.getStatus() == ResourceStatus.PUBLISHED && grants.stream().anyMatch(g -> g.grants(r.getId())));
    }

    /**
     * Whether the resource exists and its library has published it, whoever asks: for a share link's page,
     * which tells its holder that the material awaits review rather than that the link is wrong.
     */
    public boolean isPublished(long id) {
        return Boolean.TRUE.equals(readTx.execute(status -> resources.findById(id)
                .map(r -> r.getStatus() == ResourceStatus.PUBLISHED).orElse(false)));
    }

    /**
     * Those of the resources that exist and the viewer may see, by id, in one read: for lists made
     * in other modules (collections), which must never show, or count, what the viewer may not see.
     */
    public Map<Long, ResourceView> findVisible(Collection<Long> ids, Viewer viewer) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return readTx.execute(status -> {
            Map<Long, ResourceView> out = new HashMap<>();
            views.ofAll(resources.findAllById(ids).stream().filter(r -> Access.canView(viewer, r)).toList())
                    .forEach(v -> out.put(v.id(), v));
            return out;
        });
    }

    /**
     * The ids of a library's published resources, oldest first: what an export of the whole library
     * offers. The caller reads them through {@link #findVisible}, which applies the visibility rule.
     */
    public List<Long> publishedIdsOf(long libraryId) {
        return readTx.execute(status -> resources.idsOfLibrary(libraryId, ResourceStatus.PUBLISHED));
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
                v.rejectionReason(), v.source(), v.origin());
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
        return find(resourceId, viewer, reading).flatMap(r -> snapshots.snapshot(resourceId))
                .map(ResourceSnapshot::texts).orElse(List.of());
    }
}
