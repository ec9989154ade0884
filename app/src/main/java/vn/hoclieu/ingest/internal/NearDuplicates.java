package vn.hoclieu.ingest.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.hoclieu.catalog.CatalogFeeds;

/**
 * Finds the earlier resource whose text is nearly the same as a new file's: estimated Jaccard
 * similarity of word 3-shingles of at least {@value #THRESHOLD}, which in our tests means about 90%
 * of the text in common (another edition, or the same text as PDF and as DOCX).
 *
 * <p>The signatures are kept in memory (about 350 bytes a file with its lookup entry: 35 MB for
 * 100,000 files), read from the database once and then kept up to date with what this node
 * records; reading them all from the database for every file made each file cost more than the
 * last. A scan stops comparing a file as soon as it differs in more slots than a near-duplicate
 * can, which for unrelated texts is after about seventeen of the 64. Another node's new files are
 * seen at the next full read, at most {@link #RELOAD} later; a match is checked against the
 * database before it is reported, so a resource deleted or read again meanwhile is never offered.
 */
@Component
class NearDuplicates {

    static final double THRESHOLD = 0.75;
    /** Slots two signatures must share to be near-duplicates. */
    static final int MIN_SAME = (int) Math.ceil(THRESHOLD * TextFingerprint.SLOTS);
    /** How often the signatures are read again from the database, for what other nodes recorded. */
    static final Duration RELOAD = Duration.ofMinutes(5);

    record Match(long resourceId, double similarity) {
    }

    private final CatalogFeeds catalog;
    private final LongSupplier clock;

    /** Guards everything below. */
    private final Object lock = new Object();
    private boolean loaded;
    private long loadedAt;
    private int size;
    private long[] fileIds = new long[0];
    private long[] resourceIds = new long[0];
    /** {@link TextFingerprint#SLOTS} values per file, file after file. */
    private int[] slots = new int[0];
    private final Map<Long, Integer> rowOfFile = new HashMap<>();
    /** Files read here and not yet recorded: their signatures are not in the database yet. */
    private final Set<Long> pending = new HashSet<>();

    @Autowired
    NearDuplicates(CatalogFeeds catalog) {
        this(catalog, System::nanoTime);
    }

    NearDuplicates(CatalogFeeds catalog, LongSupplier nanoClock) {
        this.catalog = catalog;
        this.clock = nanoClock;
    }

    /**
     * The most similar other resource at or above the threshold (of equals, the earliest); then
     * keeps this file's signature at once, before it is recorded, so that the files read next (by
     * this worker while it is recorded, or by another worker) are compared with it. Until
     * {@link #remember} says what was recorded, it is taken as it is, without the database's word.
     */
    Optional<Match> closestKeeping(String fingerprint, long fileId, long ownResourceId) {
        int[] own = TextFingerprint.slots(fingerprint);
        if (own == null) {
            return Optional.empty();
        }
        while (true) {
            Candidate best = scan(own, ownResourceId, fileId);
            if (best == null) {
                return Optional.empty();
            }
            if (best.pending()) {
                return Optional.of(new Match(best.resourceId(), (double) best.same() / TextFingerprint.SLOTS));
            }
            // as committed now: the resource may have been deleted or its file read again since
            Optional<String> now = catalog.fingerprintOf(best.fileId());
            int[] current = now.map(TextFingerprint::slots).orElse(null);
            if (current != null && Arrays.equals(current, best.values())) {
                return Optional.of(new Match(best.resourceId(), (double) best.same() / TextFingerprint.SLOTS));
            }
            remember(best.fileId(), best.resourceId(), now.orElse(null));
        }
    }

    /** What this node recorded for a file: its signature, or null for none (any other is forgotten). */
    void remember(long fileId, long resourceId, String fingerprint) {
        int[] values = TextFingerprint.slots(fingerprint);
        synchronized (lock) {
            pending.remove(fileId);
            if (loaded) {
                put(fileId, resourceId, values);
            }
        }
    }

    private record Candidate(long fileId, long resourceId, int same, int[] values, boolean pending) {
    }

    /** The best match; then this file's signature kept as pending, in the same turn. */
    private Candidate scan(int[] own, long ownResourceId, long keepAs) {
        synchronized (lock) {
            if (!loaded || clock.getAsLong() - loadedAt > RELOAD.toNanos()) {
                load();
            }
            int n = TextFingerprint.SLOTS;
            int allowed = n - MIN_SAME;
            Candidate best = null;
            for (int row = 0; row < size; row++) {
                if (resourceIds[row] == ownResourceId) {
                    continue;
                }
                int base = row * n;
                int differ = 0;
                int i = 0;
                while (i < n && differ <= allowed) {
                    differ += slots[base + i] == own[i] ? 0 : 1;
                    i++;
                }
                if (differ > allowed) {
                    continue;
                }
                int same = n - differ;
                if (best == null || same > best.same()
                        || same == best.same() && resourceIds[row] < best.resourceId()) {
                    best = new Candidate(fileIds[row], resourceIds[row], same,
                            Arrays.copyOfRange(slots, base, base + n), pending.contains(fileIds[row]));
                }
            }
            put(keepAs, ownResourceId, own);
            pending.add(keepAs);
            return best;
        }
    }

    private void load() {
        // what was read here and is not recorded yet is not in the database: kept across the reload
        Map<Long, Long> kept = new HashMap<>();
        Map<Long, int[]> keptValues = new HashMap<>();
        for (Long file : pending) {
            int row = rowOfFile.get(file);
            kept.put(file, resourceIds[row]);
            keptValues.put(file, Arrays.copyOfRange(slots, row * TextFingerprint.SLOTS,
                    (row + 1) * TextFingerprint.SLOTS));
        }
        size = 0;
        rowOfFile.clear();
        for (CatalogFeeds.Fingerprint f : catalog.fingerprints()) {
            put(f.fileId(), f.resourceId(), TextFingerprint.slots(f.signature()));
        }
        kept.forEach((file, resource) -> put(file, resource, keptValues.get(file)));
        loaded = true;
        loadedAt = clock.getAsLong();
    }

    private void put(long fileId, long resourceId, int[] values) {
        Integer row = rowOfFile.get(fileId);
        if (values == null) {
            if (row != null) {
                removeRow(row);
            }
            return;
        }
        int n = TextFingerprint.SLOTS;
        if (row == null) {
            if (size == fileIds.length) {
                int capacity = Math.max(16, size * 2);
                fileIds = Arrays.copyOf(fileIds, capacity);
                resourceIds = Arrays.copyOf(resourceIds, capacity);
                slots = Arrays.copyOf(slots, capacity * n);
            }
            row = size++;
            rowOfFile.put(fileId, row);
        }
        fileIds[row] = fileId;
        resourceIds[row] = resourceId;
        System.arraycopy(values, 0, slots, row * n, n);
    }

    /** Moves the last row into the removed one's place. */
    private void removeRow(int row) {
        int n = TextFingerprint.SLOTS;
        int last = size - 1;
        rowOfFile.remove(fileIds[row]);
        if (row != last) {
            fileIds[row] = fileIds[last];
            resourceIds[row] = resourceIds[last];
            System.arraycopy(slots, last * n, slots, row * n, n);
            rowOfFile.put(fileIds[row], row);
        }
        size = last;
    }
}
