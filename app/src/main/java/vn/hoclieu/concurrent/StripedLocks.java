package vn.hoclieu.concurrent;

import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock per key out of a fixed set ("stripes"), for work that must not run twice at once for the
 * same resource, file or blob while different keys mostly proceed side by side. Memory stays
 * bounded however many keys there are; two keys may share a stripe and then wait for each other,
 * which costs time but never correctness. Locks are reentrant. Each bean owns its own set, so
 * unrelated work never shares a stripe.
 *
 * <pre>{@code
 * try (StripedLocks.Held held = locks.lock(resourceId)) {
 *     ... read, then write ...
 * }
 * }</pre>
 */
public final class StripedLocks {

    private final ReentrantLock[] locks;

    /** @param stripes how many locks; more means fewer unrelated keys waiting for each other */
    public StripedLocks(int stripes) {
        if (stripes < 1) {
            throw new IllegalArgumentException("at least one stripe, not " + stripes);
        }
        locks = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Waits for the lock of {@code key}'s stripe; closing the result releases it. */
    public Held lock(Object key) {
        ReentrantLock lock = locks[stripe(key)];
        lock.lock();
        return lock::unlock;
    }

    /**
     * Waits for the locks of all the keys' stripes, each taken once and all in ascending stripe
     * order, so two threads locking overlapping keys in different orders never deadlock. Closing
     * the result releases them all.
     */
    public Held lockAll(Collection<?> keys) {
        int[] stripes = keys.stream().mapToInt(this::stripe).distinct().sorted().toArray();
        for (int stripe : stripes) {
            locks[stripe].lock();
        }
        return () -> {
            for (int i = stripes.length - 1; i >= 0; i--) {
                locks[stripes[i]].unlock();
            }
        };
    }

    private int stripe(Object key) {
        return Math.floorMod(Objects.hashCode(key), locks.length);
    }

    /** Locks held until closed; meant for try-with-resources, and closed exactly once. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
