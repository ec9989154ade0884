package vn.hoclieu.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A refused page request gets the site's error page with a sentence that says why: a form sent
 * without its CSRF token (a page kept open past the end of its session, or a form on another site)
 * is told to go back, reload and send again — what was typed is still in the browser's back page;
 * any other refusal says the account may not do this. The sentence travels to the error page in a
 * request attribute that the web module's error attributes read.
 */
final class RefusalPages implements AccessDeniedHandler {

    /** Read by {@code vn.hoclieu.web.ErrorPageAttributes} (a name, not a type: web already depends on account). */
    static final String USER_MESSAGE = "hoclieu.error.userMessage";

    private final ProblemResponses problems;

    RefusalPages(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        request.setAttribute(USER_MESSAGE,
                problems.message(request, e instanceof CsrfException ? "error.csrf" : "problem.forbidden"));
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
