package vn.hoclieu.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.AccountProperties;

/**
 * Slows down password guessing. Failed sign-ins (web form and HTTP Basic alike) are counted per user
 * name and per client address; once a name reaches {@code hoclieu.accounts.max-failed-sign-ins}
 * failures within {@code sign-in-lockout} (an address: {@code max-failed-sign-ins-per-address}),
 * further attempts for it are refused, before any password is checked, until the lockout has passed.
 * A successful sign-in clears its name's count (not its address's: a guesser must not reset the count
 * by signing in to an account of their own now and then).
 *
 * <p>The counts live in memory, at most {@value #MAX_ENTRIES} names and addresses (the least recently
 * seen are forgotten first), and are lost at a restart: right for one node. Several nodes behind a
 * load balancer would need them in the database (or a shared cache), or each node would allow its own
 * quota.
 */
@Component
public class SignInThrottle {

    static final int MAX_ENTRIES = 10_000;
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    /** Failures since {@code since}; refused until {@code lockedUntil} (null: not refused). */
    private record Count(Instant since, int failures, Instant lockedUntil) {
    }

    private final int maxPerName;
    private final int maxPerAddress;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Count> counts = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    @Autowired
    SignInThrottle(AccountProperties properties) {
        this(properties.maxFailedSignIns(), properties.maxFailedSignInsPerAddress(), properties.signInLockout(),
                Clock.systemUTC());
    }

    SignInThrottle(int maxPerName, int maxPerAddress, Duration lockout, Clock clock) {
        this.maxPerName = maxPerName;
        this.maxPerAddress = maxPerAddress;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How much longer sign-ins for this name or from this address are refused, if they are. */
    public synchronized Optional<Duration> refusedFor(String username, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : new String[] {nameKey(username), addressKey(address)}) {
            Count c = key == null ? null : counts.get(key);
            if (c != null && c.lockedUntil() != null && now.isBefore(c.lockedUntil())) {
                Duration left = Duration.between(now, c.lockedUntil());
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    public synchronized void failed(String username, String address) {
        count(nameKey(username), maxPerName);
        count(addressKey(address), maxPerAddress);
    }

    public synchronized void succeeded(String username) {
        String key = nameKey(username);
        if (key != null) {
            counts.remove(key);
        }
    }

    synchronized int size() {
        return counts.size();
    }

    /** Whole minutes, rounded up, for "try again in N minutes". */
    public static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    private void count(String key, int max) {
        if (key == null) {
            return;
        }
        Instant now = clock.instant();
        Count c = counts.get(key);
        if (c == null || !now.isBefore(c.since().plus(lockout))
                || (c.lockedUntil() != null && !now.isBefore(c.lockedUntil()))) {
            c = new Count(now, 0, null);
        }
        int failures = c.failures() + 1;
        if (failures == max) {
            log.warn("Sign-ins for {} refused for {} after {} failures", key, lockout, failures);
        }
        counts.put(key, new Count(c.since(), failures, failures >= max ? now.plus(lockout) : c.lockedUntil()));
    }

    private static String nameKey(String username) {
        return username == null || username.isBlank() ? null : "name:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "address:" + address;
    }
}
