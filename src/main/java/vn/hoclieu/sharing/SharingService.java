package vn.hoclieu.sharing;

import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.CatalogException;
import vn.hoclieu.catalog.CatalogService;
import vn.hoclieu.catalog.ResourceView;
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

    private final CatalogService catalog;
    private final ShareLinkRepository links;
    private final SessionGrants grants;
    private final SharingProperties properties;

    SharingService(CatalogService catalog, ShareLinkRepository links, SessionGrants grants,
                   SharingProperties properties) {
        this.catalog = catalog;
        this.links = links;
        this.grants = grants;
        this.properties = properties;
    }

    public ResourceView share(long resourceId, String libraryCode, Viewer by) {
        return catalog.share(resourceId, libraryCode, by);
    }

    public ResourceView unshare(long resourceId, String libraryCode, Viewer by) {
        return catalog.unshare(resourceId, libraryCode, by);
    }

    public boolean mayShare(long resourceId, Viewer viewer) {
        return catalog.mayShare(resourceId, viewer);
    }

    /**
     * A new link to one resource, valid for {@code days} (1 to {@code hoclieu.sharing.max-link-days}).
     *
     * @param siteUrl the site's address (scheme, host, context path) the link's address starts with
     */
    @Transactional
    public NewShareLink createLink(long resourceId, Integer days, Viewer by, String siteUrl) {
        checkMayShare(resourceId, by);
        if (days == null || days < 1 || days > properties.maxLinkDays()) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.shareLink.badDays", properties.maxLinkDays());
        }
        Instant now = Instant.now();
        long active = links.findByTargetTypeAndTargetIdOrderByCreatedAtDesc(TargetType.RESOURCE, resourceId).stream()
                .filter(l -> l.activeAt(now)).count();
        if (active >= MAX_ACTIVE_LINKS) {
            throw new CatalogException(HttpStatus.CONFLICT, "problem.shareLink.tooMany", MAX_ACTIVE_LINKS);
        }
        String token = ShareTokens.newToken();
        ShareLink link = links.save(new ShareLink(TargetType.RESOURCE, resourceId, ShareTokens.sha256(token),
                by.username(), now, now.plus(Duration.ofDays(days))));
        return new NewShareLink(link.getId(), siteUrl + "/s/" + token, link.getExpiresAt());
    }

    /** The resource's links, newest first, expired and revoked ones included (marked). */
    @Transactional(readOnly = true)
    public List<ShareLinkView> links(long resourceId, Viewer by) {
        checkMayShare(resourceId, by);
        Instant now = Instant.now();
        return links.findByTargetTypeAndTargetIdOrderByCreatedAtDesc(TargetType.RESOURCE, resourceId).stream()
                .map(l -> view(l, now)).toList();
    }

    /** Revokes a link of the resource; revoking it again changes nothing. */
    @Transactional
    public ShareLinkView revoke(long resourceId, long linkId, Viewer by) {
        checkMayShare(resourceId, by);
        ShareLink link = links.findById(linkId)
                .filter(l -> l.getTargetType() == TargetType.RESOURCE && l.getTargetId() == resourceId)
                .orElseThrow(() -> new CatalogException(HttpStatus.NOT_FOUND, "problem.shareLink.notFound", linkId));
        Instant now = Instant.now();
        link.revoke(now);
        return view(link, now);
    }

    /**
     * Opens a link in a browser session: from now on this session may read the link's resource,
     * as long as the link works.
     *
     * @return the resource's id
     * @throws CatalogException 404 for a token that is no link, 410 for one expired or revoked
     */
    @Transactional(readOnly = true)
    public long open(String token, HttpSession session) {
        ShareLink link = (ShareTokens.wellFormed(token) ? links.findByTokenHash(ShareTokens.sha256(token))
                : java.util.Optional.<ShareLink>empty())
                .filter(l -> l.getTargetType() == TargetType.RESOURCE)
                .orElseThrow(() -> new CatalogException(HttpStatus.NOT_FOUND, "problem.shareLink.unknown"));
        if (!link.activeAt(Instant.now())) {
            throw new CatalogException(HttpStatus.GONE, "problem.shareLink.ended");
        }
        grants.remember(session, link.getId());
        return link.getTargetId();
    }

    public List<Integer> dayChoices() {
        return properties.dayChoices();
    }

    /** 404 for a resource hidden from them (its existence would leak), 403 if they see it but may not share it. */
    private void checkMayShare(long resourceId, Viewer by) {
        if (!catalog.mayShare(resourceId, by)) {
            boolean visible = by.signedIn() && catalog.find(resourceId, by).isPresent();
            throw visible ? new CatalogException(HttpStatus.FORBIDDEN, "problem.forbidden")
                    : new CatalogException(HttpStatus.NOT_FOUND, "problem.resource.notFound", resourceId);
        }
    }

    private static ShareLinkView view(ShareLink l, Instant now) {
        return new ShareLinkView(l.getId(), l.getTargetType().name(), l.getTargetId(), l.getCreatedBy(),
                l.getCreatedAt(), l.getExpiresAt(), l.getRevokedAt(), l.activeAt(now));
    }
}
