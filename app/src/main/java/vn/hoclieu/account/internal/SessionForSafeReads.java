package vn.hoclieu.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The API is stateless for scripts, but a resource page's previews, player and downloads are API
 * reads ({@code GET …/content}, {@code …/thumbnail}) that the browser sends with its session
 * cookie: they must be answered as the person signed in, or a library member could not open the
 * library's own files. So safe methods (GET, HEAD) read the session's sign-in, if there is one;
 * nothing else ever does — a cookie alone can never change anything through the API (no CSRF
 * exposure) — and the API never creates or writes a session.
 */
final class SessionForSafeReads implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionForSafeReads() {
        sessions.setAllowSessionCreation(false);
    }

    private static boolean safe(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        if (safe(request)) {
            return sessions.loadDeferredContext(request);
        }
        return new Empty();
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // stateless: nothing is kept between API requests
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return safe(request) && sessions.containsContext(request);
    }

    private static final class Empty implements DeferredSecurityContext {
        private final Supplier<SecurityContext> empty = SecurityContextHolder::createEmptyContext;

        @Override
        public SecurityContext get() {
            return empty.get();
        }

        @Override
        public boolean isGenerated() {
            return true;
        }
    }
}
