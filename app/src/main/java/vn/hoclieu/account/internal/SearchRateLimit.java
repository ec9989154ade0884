package vn.hoclieu.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A per-client limit on the API's searches and suggestions ({@code hoclieu.api.search-requests-per-minute},
 * off by default): a fixed one-minute window per client address. Past the limit the answer is
 * {@code 429} with {@code Retry-After} (the seconds left in the window) and a problem that says so.
 * Counts are in memory (one node) and forgotten a minute after a client's last window.
 */
class SearchRateLimit extends OncePerRequestFilter {

    private static final long WINDOW_MILLIS = 60_000;
    private static final int MAX_CLIENTS = 100_000;

    private final ProblemResponses problems;
    private final Clock clock;
    private volatile int perMinute;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>(); // address → {window start, count}

    SearchRateLimit(int perMinute, ProblemResponses problems, Clock clock) {
        this.perMinute = perMinute;
        this.problems = problems;
        this.clock = clock;
    }

    /** Changes the limit while running (0: off); for the tests, which share one running application. */
    void limitTo(int perMinute) {
        this.perMinute = perMinute;
        windows.clear();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return perMinute <= 0 || !"GET".equals(request.getMethod())
                || !(path.equals("/api/v1/search") || path.equals("/api/v1/suggest"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OptionalLong wait = admit(request.getRemoteAddr());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.getAsLong() + 999) / 1000);
            response.setHeader("Retry-After", String.valueOf(seconds));
            problems.write(request, response, 429, "problem.rateLimited", seconds);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Empty when the request may go on; else the milliseconds until the client's window ends. */
    OptionalLong admit(String client) {
        long now = clock.millis();
        if (windows.size() > MAX_CLIENTS) {
            windows.values().removeIf(w -> now - w[0] >= WINDOW_MILLIS);
        }
        long[] window = windows.compute(client, (k, w) -> {
            if (w == null || now - w[0] >= WINDOW_MILLIS) {
                return new long[] {now, 1};
            }
            w[1]++;
            return w;
        });
        synchronized (window) {
            return window[1] <= perMinute ? OptionalLong.empty() : OptionalLong.of(window[0] + WINDOW_MILLIS - now);
        }
    }
}
