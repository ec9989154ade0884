package vn.hoclieu.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sign-in throttle's policy, on a clock the test moves. */
class AccountSignInThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final SignInThrottle throttle = new SignInThrottle(3, 5, Duration.ofMinutes(15), clock);

    @Test
    void aNameIsRefusedAfterItsFailuresUntilTheLockoutHasPassed() {
        throttle.failed("Lan", "10.0.0.1");
        throttle.failed("lan", "10.0.0.2");
        assertThat(throttle.refusedFor("lan", "10.0.0.3")).isEmpty();
        throttle.failed("LAN ", "10.0.0.3");
        assertThat(throttle.refusedFor("lan", "10.0.0.9")).contains(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.refusedFor("lan", null)).contains(Duration.ofMinutes(5));
        assertThat(SignInThrottle.minutes(Duration.ofSeconds(61))).isEqualTo(2);
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.refusedFor("lan", null)).isEmpty();
        throttle.failed("lan", null);
        assertThat(throttle.refusedFor("lan", null)).as("counting starts again").isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        throttle.failed("minh", null);
        throttle.failed("minh", null);
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("minh", null);
        assertThat(throttle.refusedFor("minh", null)).isEmpty();
    }

    @Test
    void anAddressGuessingManyNamesIsRefusedAndSuccessDoesNotClearIt() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("name-" + i, "203.0.113.7");
            throttle.succeeded("my-own-account");
        }
        assertThat(throttle.refusedFor("someone-else", "203.0.113.7")).isPresent();
        assertThat(throttle.refusedFor("someone-else", "203.0.113.8")).isEmpty();
    }

    @Test
    void successClearsTheNamesCount() {
        throttle.failed("hoa", null);
        throttle.failed("hoa", null);
        throttle.succeeded("HOA");
        throttle.failed("hoa", null);
        throttle.failed("hoa", null);
        assertThat(throttle.refusedFor("hoa", null)).isEmpty();
    }

    @Test
    void memoryIsBounded() {
        for (int i = 0; i < SignInThrottle.MAX_ENTRIES + 500; i++) {
            throttle.failed("n" + i, null);
        }
        throttle.failed("last", null);
        throttle.failed("last", null);
        throttle.failed("last", null);
        assertThat(throttle.size()).isLessThanOrEqualTo(SignInThrottle.MAX_ENTRIES);
        assertThat(throttle.refusedFor("last", null)).isPresent();
    }
}
