package vn.hoclieu.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;

/** The optional per-client limit on searches and suggestions, over HTTP and against a clock of its own. */
class SearchRateLimitTest extends IntegrationTest {

    @Autowired
    SearchRateLimit limit;

    @Test
    void isOffByDefault() {
        for (int i = 0; i < 30; i++) {
            assertThat(Http.get(url("/api/v1/suggest?q=ho")).status()).isEqualTo(200);
        }
    }

    @Test
    void pastTheLimitSearchesGet429WithRetryAfterAndOtherCallsAreUntouched() {
        limit.limitTo(5);
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(Http.get(url(i % 2 == 0 ? "/api/v1/search?q=ho" : "/api/v1/suggest?q=ho")).status())
                        .isEqualTo(200);
            }
            Http.Response refused = Http.get(url("/api/v1/search?q=thu+vien"));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).startsWith("Bạn đã tìm kiếm quá nhiều lần");
            assertThat(Http.get(url("/api/v1/suggest?q=ho"), "Accept-Language", "en").json().get("detail").asString())
                    .startsWith("Too many searches");
            // only searches and suggestions are limited
            assertThat(Http.get(url("/api/v1/licences")).status()).isEqualTo(200);
            assertThat(Http.get(url("/search?q=thu+vien")).status()).isEqualTo(200);
        } finally {
            limit.limitTo(0);
        }
        assertThat(Http.get(url("/api/v1/search?q=ho")).status()).isEqualTo(200);
    }

    @Test
    void aWindowLastsOneMinutePerClient() {
        MovableClock clock = new MovableClock();
        SearchRateLimit own = new SearchRateLimit(2, null, clock);
        assertThat(own.admit("10.0.0.1")).isEmpty();
        assertThat(own.admit("10.0.0.1")).isEmpty();
        clock.advance(Duration.ofSeconds(20));
        assertThat(own.admit("10.0.0.1")).hasValue(40_000);
        assertThat(own.admit("10.0.0.2")).as("another client").isEmpty();
        clock.advance(Duration.ofSeconds(40));
        assertThat(own.admit("10.0.0.1")).as("a new minute").isEmpty();
    }
}
