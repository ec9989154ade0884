package vn.hoclieu.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in the {@link SignInThrottle} holds back before its password is checked: the form's
 * POST goes back to the sign-in page, which says how long to wait; an HTTP Basic request gets
 * {@code 429 Too Many Requests} with {@code Retry-After}. Other requests pass untouched.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final ProblemResponses problems;

    SignInThrottleFilter(SignInThrottle throttle, ProblemResponses problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            Optional<Duration> wait = throttle.refusedFor(basicUsername(header.substring(6)), request.getRemoteAddr());
            if (wait.isPresent()) {
                response.setHeader("Retry-After", String.valueOf(Math.max(1, (wait.get().toMillis() + 999) / 1000)));
                problems.write(request, response, 429, "problem.signIn.tooMany",
                        SignInThrottle.minutes(wait.get()));
                return;
            }
        } else if ("POST".equals(request.getMethod()) && "/signin".equals(request.getServletPath())) {
            Optional<Duration> wait = throttle.refusedFor(request.getParameter("username"), request.getRemoteAddr());
            if (wait.isPresent()) {
                response.sendRedirect(request.getContextPath() + "/signin?locked=" + SignInThrottle.minutes(wait.get()));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String basicUsername(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null; // not Base64: BasicAuthenticationFilter refuses it
        }
    }
}
