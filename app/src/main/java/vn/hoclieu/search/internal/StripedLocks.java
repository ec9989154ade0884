package vn.hoclieu.search.internal;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock per resource id, from a fixed set: an indexer holds one from reading a resource's
 * committed state to writing it, so that of two threads indexing one resource the later read is
 * the later write.
 */
final class StripedLocks {

    private final ReentrantLock[] locks;

    StripedLocks(int stripes) {
        locks = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    ReentrantLock of(long id) {
        return locks[Math.floorMod(Long.hashCode(id), locks.length)];
    }
}
