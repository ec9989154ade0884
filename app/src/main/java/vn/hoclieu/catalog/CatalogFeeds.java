package vn.hoclieu.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.catalog.internal.ReadTransactions;
import vn.hoclieu.catalog.internal.ResourceFileRepository;
import vn.hoclieu.catalog.internal.ResourceRepository;
import vn.hoclieu.catalog.internal.ResourceSnapshots;

/**
 * The whole catalogue, read without a viewer, for what is built from it and checked against it:
 * the search index, OAI-PMH records, near-duplicate detection, verification and backups. Nothing
 * here applies visibility; whatever shows the result to someone must.
 */
@Service
public class CatalogFeeds {

    private final ResourceRepository resources;
    private final ResourceFileRepository files;
    private final TransactionTemplate readTx;
    private final ResourceSnapshots snapshots;

    CatalogFeeds(ResourceRepository resources, ResourceFileRepository files, TransactionTemplate tx,
                 ResourceSnapshots snapshots) {
        this.resources = resources;
        this.files = files;
        this.readTx = ReadTransactions.of(tx);
        this.snapshots = snapshots;
    }

    /** Everything the index needs about a resource (no visibility check: the index applies it per query). */
    public Optional<ResourceSnapshot> snapshot(long id) {
        return snapshots.snapshot(id);
    }

    /** Every resource's id and last change, for reconciling projections such as the search index. */
    public Map<Long, Instant> versions() {
        return readTx.execute(s -> versionMap(resources.versions()));
    }

    /**
     * The id and last change of each resource changed at or after {@code since}: a change feed,
     * so that a projection kept on each of several nodes (an embedded search index) learns what
     * the other nodes changed.
     */
    public Map<Long, Instant> versionsSince(Instant since) {
        return readTx.execute(s -> versionMap(resources.versionsSince(since)));
    }

    private static Map<Long, Instant> versionMap(List<Object[]> rows) {
        Map<Long, Instant> out = new HashMap<>();
        for (Object[] row : rows) {
            out.put((Long) row[0], (Instant) row[1]);
        }
        return out;
    }

    /** A text signature of one file, for the ingest module's near-duplicate search. */
    public record Fingerprint(long fileId, long resourceId, String signature) {
    }

    /** The text fingerprint of every file that has one. */
    public List<Fingerprint> fingerprints() {
        return readTx.execute(s -> files.fingerprints().stream()
                .map(row -> new Fingerprint((Long) row[0], (Long) row[1], (String) row[2])).toList());
    }

    /** A file's text fingerprint as committed now, or empty if it has none or is gone. */
    public Optional<String> fingerprintOf(long fileId) {
        return readTx.execute(s -> files.fingerprintOf(fileId).stream().filter(Objects::nonNull).findFirst());
    }

    /** Every blob the catalogue refers to: each file's bytes, extracted text and preview (for checks and backups). */
    public List<BlobReference> blobReferences() {
        return readTx.execute(s -> {
            List<BlobReference> out = new ArrayList<>();
            for (Object[] row : files.blobColumns()) {
                long resourceId = (Long) row[0];
                long fileId = (Long) row[1];
                String[] kinds = {BlobReference.CONTENT, BlobReference.TEXT, BlobReference.THUMBNAIL};
                for (int k = 0; k < kinds.length; k++) {
                    if (row[2 + k] != null) {
                        out.add(new BlobReference(resourceId, fileId, kinds[k], (String) row[2 + k]));
                    }
                }
            }
            return out;
        });
    }

    /** How many resources the catalogue holds (a cheap check that a projection has lost or kept none too many). */
    public long resourceCount() {
        return readTx.execute(s -> resources.count());
    }

    public List<Long> allResourceIds() {
        return readTx.execute(s -> resources.allIds());
    }
}
