package vn.hoclieu.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer hl_…} on the API: the request runs as the token's account. A token
 * that is unknown, revoked or expired, or whose account is disabled, gets a 401 whose detail says
 * which, so that the script's owner knows what to fix. Requests without a Bearer header pass on to
 * HTTP Basic or stay anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ProblemResponses problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(ApiTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        ApiTokens.Outcome outcome = tokens.authenticate(header.substring(7).strip());
        if (outcome.principal() == null) {
            problems.write(request, response, 401, outcome.refusal());
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(outcome.principal(), null,
                outcome.principal().getAuthorities()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
