package vn.hoclieu.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Real threads on real locks. A thread is known to wait for a lock when it is parked (WAITING);
 * the tests poll for that state instead of sleeping, and join with a bound only so that a broken
 * lock fails the test rather than hanging the build.
 */
class StripedLocksTest {

    private static final long JOIN_MILLIS = 10_000;

    @Test
    void aKeyIsHeldByOneThreadAtATime() throws Exception {
        StripedLocks locks = new StripedLocks(8);
        AtomicBoolean entered = new AtomicBoolean();
        Thread other;
        try (StripedLocks.Held held = locks.lock("bai-giang.mp4")) {
            other = start(() -> {
                try (StripedLocks.Held mine = locks.lock("bai-giang.mp4")) {
                    entered.set(true);
                }
            });
            awaitParked(other);
            assertThat(entered).as("entered while the key was held").isFalse();
        }
        other.join(JOIN_MILLIS);
        assertThat(entered).as("entered once the key was released").isTrue();
    }

    @Test
    void theHolderMayLockItsKeyAgainAndReleasesItFully() throws Exception {
        StripedLocks locks = new StripedLocks(4);
        try (StripedLocks.Held outer = locks.lock(7L)) {
            try (StripedLocks.Held inner = locks.lock(7L)) {
                assertThat(inner).isNotNull();
            }
        }
        assertThat(lockedByAnotherThread(locks, 7L)).isTrue();
    }

    @Test
    void keysSharingAStripeAreTakenOnceAndAllReleased() throws Exception {
        StripedLocks oneStripe = new StripedLocks(1);
        try (StripedLocks.Held held = oneStripe.lockAll(List.of("a", "b", "c", "a"))) {
            assertThat(held).isNotNull();
        }
        assertThat(lockedByAnotherThread(oneStripe, "a")).as("every stripe taken was given back").isTrue();
    }

    @Test
    void lockAllTakesStripesInOneOrderSoOppositeOrdersCannotDeadlock() throws Exception {
        StripedLocks locks = new StripedLocks(4);
        // Long 1 and 2 fall in stripes 1 and 2. While stripe 1 is held here, a thread asking for
        // (2, 1) must wait for 1 before it takes 2: otherwise it would hold 2 while waiting, the
        // half of a deadlock with a thread that holds 1 and wants 2.
        Thread both;
        AtomicBoolean tookBoth = new AtomicBoolean();
        try (StripedLocks.Held first = locks.lock(1L)) {
            both = start(() -> {
                try (StripedLocks.Held all = locks.lockAll(List.of(2L, 1L))) {
                    tookBoth.set(true);
                }
            });
            awaitParked(both);
            assertThat(lockedByAnotherThread(locks, 2L)).as("stripe 2 free while its thread waits for 1").isTrue();
            assertThat(tookBoth).isFalse();
        }
        both.join(JOIN_MILLIS);
        assertThat(tookBoth).isTrue();
    }

    @Test
    void refusesFewerThanOneStripe() {
        assertThatThrownBy(() -> new StripedLocks(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Whether a fresh thread can take and release {@code key}'s lock (false if it stays blocked). */
    private static boolean lockedByAnotherThread(StripedLocks locks, Object key) throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        Thread t = start(() -> {
            try (StripedLocks.Held held = locks.lock(key)) {
                done.set(true);
            }
        });
        t.join(JOIN_MILLIS);
        return done.get();
    }

    private static Thread start(Runnable work) {
        Thread t = new Thread(work, "striped-locks-test");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void awaitParked(Thread t) throws InterruptedException {
        while (t.getState() != Thread.State.WAITING) {
            assertThat(t.isAlive()).as("the thread ended instead of waiting for the lock").isTrue();
            Thread.sleep(1);
        }
    }
}
