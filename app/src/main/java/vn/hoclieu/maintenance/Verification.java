package vn.hoclieu.maintenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.hoclieu.catalog.BlobReference;
import vn.hoclieu.catalog.CatalogFeeds;
import vn.hoclieu.search.IndexCheck;
import vn.hoclieu.search.SearchService;
import vn.hoclieu.storage.BlobStore;
import vn.hoclieu.storage.StoredBlob;

/**
 * Checks the three stores of an instance against each other: every blob the database refers to
 * exists and hashes to its address, which blobs nobody refers to, and whether the search index
 * holds each resource once in its current version (and nothing else), repairing the index, which
 * is a projection of the other two. Blobs are never changed or deleted here.
 */
@Service
public class Verification {

    private final CatalogFeeds catalog;
    private final BlobStore blobs;
    private final SearchService search;
    private final Path dataDir;

    Verification(CatalogFeeds catalog, BlobStore blobs, SearchService search,
                 @Value("${hoclieu.data-dir}") Path dataDir) {
        this.catalog = catalog;
        this.blobs = blobs;
        this.search = search;
        this.dataDir = dataDir;
    }

    /** Checks everything; with {@code repairIndex}, re-indexes what is missing or stale and deletes extras. */
    public VerifyReport verify(boolean repairIndex) throws IOException {
        // blobs are listed first: one stored after this moment and referenced by the time the references
        // are read is then simply not listed, rather than reported as an orphan
        List<StoredBlob> stored = blobs.inventory();
        Map<String, List<BlobReference>> bySha = new LinkedHashMap<>();
        Set<Long> files = new HashSet<>();
        for (BlobReference ref : catalog.blobReferences()) {
            bySha.computeIfAbsent(ref.sha256(), k -> new ArrayList<>()).add(ref);
            if (ref.kind().equals(BlobReference.CONTENT)) {
                files.add(ref.fileId());
            }
        }
        List<VerifyReport.BlobProblem> missing = new ArrayList<>();
        List<VerifyReport.BlobProblem> corrupt = new ArrayList<>();
        for (Map.Entry<String, List<BlobReference>> e : bySha.entrySet()) {
            BlobStore.BlobCondition condition;
            try {
                condition = blobs.check(e.getKey());
            } catch (IllegalArgumentException notAnAddress) {
                condition = BlobStore.BlobCondition.MISSING;
            }
            if (condition != BlobStore.BlobCondition.INTACT) {
                List<VerifyReport.BlobProblem> into = condition == BlobStore.BlobCondition.MISSING ? missing : corrupt;
                for (BlobReference ref : e.getValue()) {
                    into.add(new VerifyReport.BlobProblem(ref.resourceId(), ref.fileId(), ref.kind(), ref.sha256()));
                }
            }
        }
        List<VerifyReport.Orphan> orphans = stored.stream().filter(b -> !bySha.containsKey(b.sha256()))
                .map(b -> new VerifyReport.Orphan(b.sha256(), b.size())).toList();
        IndexCheck index = search.checkIndex(repairIndex);
        IndexCheck after = repairIndex && !index.consistent() ? search.checkIndex(false) : index;
        return VerifyReport.of(dataDir.toAbsolutePath().normalize().toString(), files.size(), bySha.size(),
                stored.size(), missing, corrupt, orphans, index, after);
    }
}
