package vn.hoclieu.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account whose password an administrator chose (a new account, a reset) may do one thing: choose
 * its own. Pages lead to the account page, where the form is; the API answers 403 and says so.
 */
class PasswordChangeGate extends OncePerRequestFilter {

    static final String ACCOUNT_PAGE = "/account";
    private static final Set<String> ALLOWED = Set.of(ACCOUNT_PAGE, "/account/password", "/signout", "/error",
            "/favicon.ico");

    private final ProblemResponses problems;

    PasswordChangeGate(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getServletPath();
        boolean mustChange = auth != null && auth.getPrincipal() instanceof AccountPrincipal p && p.mustChangePassword();
        if (!mustChange || ALLOWED.contains(path) || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/icons/")) {
            chain.doFilter(request, response);
        } else if (path.startsWith("/api/")) {
            problems.write(request, response, 403, "problem.password.mustChange");
        } else {
            response.sendRedirect(request.getContextPath() + ACCOUNT_PAGE);
        }
    }
}
