package vn.hoclieu.storage.internal;

import java.io.IOException;
import vn.hoclieu.storage.BlobStore;
import vn.hoclieu.storage.StorageProperties;

/** Opens the S3 store outside Spring, for the storage tests. */
public final class S3BlobStoreAccess {

    private S3BlobStoreAccess() {
    }

    public static BlobStore open(StorageProperties properties) throws IOException {
        return new S3BlobStore(properties);
    }
}
