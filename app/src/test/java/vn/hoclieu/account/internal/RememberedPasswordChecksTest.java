package vn.hoclieu.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A password that matched is not hashed again for a while; a wrong one always is. */
class RememberedPasswordChecksTest {

    /** The application's real Argon2id, counting the checks that reach it. */
    private static final class Counted implements PasswordEncoder {
        final PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return argon2.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return argon2.matches(raw, encoded);
        }
    }

    @Test
    void aRightPasswordIsHashedOnceAndAWrongOneEveryTime() {
        Counted argon2 = new Counted();
        PasswordEncoder remembered = new RememberedPasswordChecks(argon2, Duration.ofMinutes(5));
        String hash = remembered.encode("mật khẩu đúng");
        for (int i = 0; i < 5; i++) {
            assertThat(remembered.matches("mật khẩu đúng", hash)).isTrue();
        }
        assertThat(argon2.checks).hasValue(1);
        for (int i = 0; i < 3; i++) {
            assertThat(remembered.matches("mật khẩu sai", hash)).isFalse();
            assertThat(remembered.matches("mật khẩu đúng ", hash)).isFalse();
            assertThat(remembered.matches("", hash)).isFalse();
        }
        assertThat(argon2.checks).as("every wrong guess checked in full").hasValue(10);
    }

    @Test
    void aNewHashOfTheSamePasswordIsCheckedAgainAndAnOldPasswordFailsAgainstIt() {
        Counted argon2 = new Counted();
        PasswordEncoder remembered = new RememberedPasswordChecks(argon2, Duration.ofMinutes(5));
        String before = remembered.encode("mật khẩu cũ");
        assertThat(remembered.matches("mật khẩu cũ", before)).isTrue();
        // the password changed: the stored hash is another one, and what was remembered never matches it
        String after = remembered.encode("mật khẩu mới");
        assertThat(remembered.matches("mật khẩu cũ", after)).isFalse();
        assertThat(remembered.matches("mật khẩu mới", after)).isTrue();
        assertThat(remembered.matches("mật khẩu mới", after)).isTrue();
        assertThat(argon2.checks).hasValue(3);
        // set again to the same password: a new salt, a new hash, checked in full once more
        String again = remembered.encode("mật khẩu cũ");
        assertThat(remembered.matches("mật khẩu cũ", again)).isTrue();
        assertThat(argon2.checks).hasValue(4);
    }

    @Test
    void whatIsRememberedIsForgottenAfterItsTimeOrNeverKeptWhenTurnedOff() throws Exception {
        Counted argon2 = new Counted();
        PasswordEncoder briefly = new RememberedPasswordChecks(argon2, Duration.ofMillis(200));
        String hash = briefly.encode("mật khẩu");
        assertThat(briefly.matches("mật khẩu", hash)).isTrue();
        assertThat(briefly.matches("mật khẩu", hash)).isTrue();
        assertThat(argon2.checks).hasValue(1);
        Thread.sleep(300);
        assertThat(briefly.matches("mật khẩu", hash)).isTrue();
        assertThat(argon2.checks).as("checked in full once its time had passed").hasValue(2);

        PasswordEncoder off = new RememberedPasswordChecks(argon2, Duration.ZERO);
        assertThat(off.matches("mật khẩu", hash)).isTrue();
        assertThat(off.matches("mật khẩu", hash)).isTrue();
        assertThat(argon2.checks).hasValue(4);
    }

    @Test
    void atMostSoManyAreRememberedTheLeastRecentlyUsedForgottenFirst() {
        AtomicInteger checks = new AtomicInteger();
        // a stand-in for the hash, so that thousands of passwords take no time: "hash" is the password reversed
        PasswordEncoder reversed = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return new StringBuilder(raw).reverse().toString();
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return encode(raw).equals(encoded);
            }
        };
        PasswordEncoder remembered = new RememberedPasswordChecks(reversed, Duration.ofMinutes(5));
        for (int i = 0; i <= RememberedPasswordChecks.ENTRIES; i++) {
            assertThat(remembered.matches("p" + i, remembered.encode("p" + i))).isTrue();
        }
        int all = checks.get();
        assertThat(remembered.matches("p" + RememberedPasswordChecks.ENTRIES, remembered.encode("p"
                + RememberedPasswordChecks.ENTRIES))).isTrue();
        assertThat(checks.get()).as("the newest still remembered").isEqualTo(all);
        assertThat(remembered.matches("p0", remembered.encode("p0"))).isTrue();
        assertThat(checks.get()).as("the oldest forgotten").isEqualTo(all + 1);
    }
}
