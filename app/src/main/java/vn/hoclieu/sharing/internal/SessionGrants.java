package vn.hoclieu.sharing.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.hoclieu.catalog.AccessGrants;
import vn.hoclieu.collection.CollectionGrants;

/**
 * Share links opened in this browser session. Opening {@code /s/<token>} puts the link's id (never
 * the token) in the session; every read of the resource then checks that link again in the
 * database, so a revoked or expired link stops working at once. The session cookie goes with the
 * page, its preview frames, {@code <img>}, {@code <video>} and plain download links alike, so no
 * script and no token in file addresses are needed.
 */
@Component
public class SessionGrants implements AccessGrants, CollectionGrants {

    static final String ATTRIBUTE = "hoclieu.sharing.links";
    /** Links kept per session; the oldest is forgotten first. */
    private static final int MAX_LINKS = 50;

    private final ShareLinkRepository links;

    SessionGrants(ShareLinkRepository links) {
        this.links = links;
    }

    @Override
    public boolean grants(long resourceId) {
        Set<Long> ids = opened();
        return !ids.isEmpty() && links.anyActive(ids, TargetType.RESOURCE, resourceId, Instant.now());
    }

    @Override
    public boolean grantsCollection(long collectionId) {
        Set<Long> ids = opened();
        return !ids.isEmpty() && links.anyActive(ids, TargetType.COLLECTION, collectionId, Instant.now());
    }

    /** Remembers a link opened in this session (creating the session). */
    public void remember(HttpSession session, long linkId) {
        synchronized (session) {
            Set<Long> ids = ids(session);
            ids.remove(linkId);
            ids.add(linkId);
            while (ids.size() > MAX_LINKS) {
                ids.remove(ids.iterator().next());
            }
            // set again so that a replicated session store sees the change
            session.setAttribute(ATTRIBUTE, ids);
        }
    }

    private static Set<Long> opened() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Set.of();
        }
        HttpServletRequest request = attributes.getRequest();
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Set.of();
        }
        synchronized (session) {
            return Set.copyOf(ids(session));
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> ids(HttpSession session) {
        Object value = session.getAttribute(ATTRIBUTE);
        return value instanceof LinkedHashSet<?> set ? (LinkedHashSet<Long>) set : new LinkedHashSet<>();
    }
}
