package vn.hoclieu.maintenance;

import java.util.List;
import vn.hoclieu.search.IndexCheck;

/**
 * What {@code verify} found: the database's references to blobs checked against the blob store
 * (each blob read through and hashed), blobs nobody refers to, and the search index against the
 * database before and after its repair.
 *
 * @param files          resource files whose bytes are stored here (harvested files not yet fetched are not)
 * @param blobsReferenced distinct blobs the database refers to (bytes, extracted texts, previews)
 * @param blobsStored    blobs in the store
 * @param missing        references to blobs the store does not have
 * @param corrupt        references to blobs whose bytes no longer hash to their address
 * @param orphans        stored blobs nobody refers to (left in place: an upload may be committing)
 * @param index          the index as found
 * @param indexAfter     the index after the repair (the same as {@code index} when not repaired)
 * @param damaged        true when blobs are missing or corrupt: damage a repair of the index cannot undo
 */
public record VerifyReport(String dataDir, int files, int blobsReferenced, int blobsStored, List<BlobProblem> missing,
                           List<BlobProblem> corrupt, List<Orphan> orphans, IndexCheck index, IndexCheck indexAfter,
                           boolean damaged) {

    /** A reference to a missing or corrupt blob: which file of which resource, and what it held. */
    public record BlobProblem(long resourceId, long fileId, String kind, String sha256) {
    }

    public record Orphan(String sha256, long size) {
    }

    static VerifyReport of(String dataDir, int files, int blobsReferenced, int blobsStored, List<BlobProblem> missing,
                           List<BlobProblem> corrupt, List<Orphan> orphans, IndexCheck index, IndexCheck indexAfter) {
        return new VerifyReport(dataDir, files, blobsReferenced, blobsStored, missing, corrupt, orphans, index,
                indexAfter, !missing.isEmpty() || !corrupt.isEmpty());
    }
}
