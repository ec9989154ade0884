package vn.hoclieu.sharing;

import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.CatalogException;
import vn.hoclieu.catalog.CatalogReads;
import vn.hoclieu.catalog.ResourceChanges;
import vn.hoclieu.catalog.ResourcePermissions;
import vn.hoclieu.catalog.ResourceView;
import vn.hoclieu.collection.CollectionService;
import vn.hoclieu.sharing.internal.SessionGrants;
import vn.hoclieu.sharing.internal.ShareLink;
import vn.hoclieu.sharing.internal.ShareLinkRepository;
import vn.hoclieu.sharing.internal.ShareTokens;
import vn.hoclieu.sharing.internal.TargetType;

/**
 * Sharing's facade: shares with other libraries (kept by the catalogue, which applies them in its
 * visibility rule) and share links for one resource. Only those who may share a resource
 * ({@code catalog.Access.canShare}: its library's librarians, administrators, its uploader) make,
 * list and revoke its links.
 */
@Service
public class SharingService {

    /** Links kept per resource that still work; more is a sign of a script gone wrong. */
    private static final int MAX_ACTIVE_LINKS = 100;

    private final CatalogReads catalog;
    private final ResourceChanges changes;
    private final ResourcePermissions permissions;
    private final CollectionService collections;
    private final ShareLinkRepository links;
    private final SessionGrants grants;
    private final SharingProperties properties;

    SharingService(CatalogReads catalog, ResourceChanges changes, ResourcePermissions permissions,
                   CollectionService collections, ShareLinkRepository links, SessionGrants grants,
                   SharingProperties properties) {
        this.catalog = catalog;
        this.changes = changes;
        this.permissions = permissions;
        this.collections = collections;
        this.links = links;
        this.grants = grants;
        this.properties = properties;
    }

    /** Where an opened link leads: {@code /resources/{id}} or {@code /collections/{id}}. */
    public record Opened(String path) {
    }

    public ResourceView share(long resourceId, String libraryCode, Viewer by) {
        return changes.share(resourceId, libraryCode, by);
    }

    public ResourceView unshare(long resourceId, String libraryCode, Viewer by) {
        return changes.unshare(resourceId, libraryCode, by);
    }

    public boolean mayShare(long resourceId, Viewer viewer) {
        return permissions.mayShare(resourceId, viewer);
    }

    /**
     * A new link to one resource, valid for {@code days} (1 to {@code hoclieu.sharing.max-link-days}).
     *
     * @param siteUrl the site's address (scheme, host, context path) the link's address starts with
     */
    @Transactional
    public NewShareLink createLink(long resourceId, Integer days, Viewer by, String siteUrl) {
        checkMayShare(resourceId, by);
        return create(TargetType.RESOURCE, resourceId, days, by, siteUrl);
    }

    /** A new link to one collection (a private one too), for whoever may change it; as {@link #createLink}. */
    @Transactional
    public NewShareLink createCollectionLink(long collectionId, Integer days, Viewer by, String siteUrl) {
        checkMayShareCollection(collectionId, by);
        return create(TargetType.COLLECTION, collectionId, days, by, siteUrl);
    }

    /** The collection's links, newest first, expired and revoked ones included (marked). */
    @Transactional(readOnly = true)
    public List<ShareLinkView> collectionLinks(long collectionId, Viewer by) {
        checkMayShareCollection(collectionId, by);
        return linksOf(TargetType.COLLECTION, collectionId);
    }

    /** Revokes a link of the collection; revoking it again changes nothing. */
    @Transactional
    public ShareLinkView revokeCollectionLink(long collectionId, long linkId, Viewer by) {
        checkMayShareCollection(collectionId, by);
        return revoke(TargetType.COLLECTION, collectionId, linkId);
    }

    private NewShareLink create(TargetType type, long targetId, Integer days, Viewer by, String siteUrl) {
        if (days == null || days < 1 || days > properties.maxLinkDays()) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.shareLink.badDays", properties.maxLinkDays());
        }
        Instant now = Instant.now();
        long active = links.findByTargetTypeAndTargetIdOrderByCreatedAtDesc(type, targetId).stream()
                .filter(l -> l.activeAt(now)).count();
        if (active >= MAX_ACTIVE_LINKS) {
            throw new CatalogException(HttpStatus.CONFLICT, "problem.shareLink.tooMany", MAX_ACTIVE_LINKS);
        }
        String token = ShareTokens.newToken();
        ShareLink link = links.save(new ShareLink(type, targetId, ShareTokens.sha256(token),
                by.username(), now, now.plus(Duration.ofDays(days))));
        return new NewShareLink(link.getId(), siteUrl + "/s/" + token, link.getExpiresAt());
    }

    private List<ShareLinkView> linksOf(TargetType type, long targetId) {
        Instant now = Instant.now();
        return links.findByTargetTypeAndTargetIdOrderByCreatedAtDesc(type, targetId).stream()
                .map(l -> view(l, now)).toList();
    }

    private ShareLinkView revoke(TargetType type, long targetId, long linkId) {
        ShareLink link = links.findById(linkId)
                .filter(l -> l.getTargetType() == type && l.getTargetId() == targetId)
                .orElseThrow(() -> new CatalogException(HttpStatus.NOT_FOUND, "problem.shareLink.notFound", linkId));
        Instant now = Instant.now();
        link.revoke(now);
        return view(link, now);
    }

    /** The resource's links, newest first, expired and revoked ones included (marked). */
    @Transactional(readOnly = true)
    public List<ShareLinkView> links(long resourceId, Viewer by) {
        checkMayShare(resourceId, by);
        return linksOf(TargetType.RESOURCE, resourceId);
    }

    /** Revokes a link of the resource; revoking it again changes nothing. */
    @Transactional
    public ShareLinkView revoke(long resourceId, long linkId, Viewer by) {
        checkMayShare(resourceId, by);
        return revoke(TargetType.RESOURCE, resourceId, linkId);
    }

    /**
     * Opens a link in a browser session: from now on this session may read the link's resource
     * (or collection), as long as the link works.
     *
     * @return where to go
     * @throws CatalogException 404 for a token that is no link, 410 for one expired or revoked, 409 for a link
     *                          to material its library has not published (awaiting review, rejected, withdrawn):
     *                          nothing of it is shown until it is
     */
    @Transactional(readOnly = true)
    public Opened open(String token, HttpSession session) {
        ShareLink link = (ShareTokens.wellFormed(token) ? links.findByTokenHash(ShareTokens.sha256(token))
                : Optional.<ShareLink>empty())
                .orElseThrow(() -> new CatalogException(HttpStatus.NOT_FOUND, "problem.shareLink.unknown"));
        if (!link.activeAt(Instant.now())) {
            throw new CatalogException(HttpStatus.GONE, "problem.shareLink.ended");
        }
        grants.remember(session, link.getId());
        if (link.getTargetType() == TargetType.RESOURCE && !catalog.isPublished(link.getTargetId())) {
            // remembered all the same: once the reviewers publish it, the same link opens it
            throw new CatalogException(HttpStatus.CONFLICT, "problem.shareLink.awaitingReview");
        }
        return new Opened((link.getTargetType() == TargetType.COLLECTION ? "/collections/" : "/resources/")
                + link.getTargetId());
    }

    /** Whether a link to the resource opens it now: its library has published it ({@link #open}). */
    public boolean opensNow(long resourceId) {
        return catalog.isPublished(resourceId);
    }

    public List<Integer> dayChoices() {
        return properties.dayChoices();
    }

    /** 404 for a resource hidden from them (its existence would leak), 403 if they see it but may not share it. */
    private void checkMayShare(long resourceId, Viewer by) {
        if (!permissions.mayShare(resourceId, by)) {
            boolean visible = by.signedIn() && catalog.find(resourceId, by).isPresent();
            throw visible ? new CatalogException(HttpStatus.FORBIDDEN, "problem.forbidden")
                    : new CatalogException(HttpStatus.NOT_FOUND, "problem.resource.notFound", resourceId);
        }
    }

    /** 404 for a collection hidden from them, 403 if they see it but may not change it. */
    private void checkMayShareCollection(long collectionId, Viewer by) {
        if (!collections.mayShare(collectionId, by)) {
            throw by.signedIn() && collections.visibleTo(collectionId, by)
                    ? new CatalogException(HttpStatus.FORBIDDEN, "problem.forbidden")
                    : new CatalogException(HttpStatus.NOT_FOUND, "problem.collection.notFound", collectionId);
        }
    }

    private static ShareLinkView view(ShareLink l, Instant now) {
        return new ShareLinkView(l.getId(), l.getTargetType().name(), l.getTargetId(), l.getCreatedBy(),
                l.getCreatedAt(), l.getExpiresAt(), l.getRevokedAt(), l.activeAt(now));
    }
}
