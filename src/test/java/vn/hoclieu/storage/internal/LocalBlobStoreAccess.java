package vn.hoclieu.storage.internal;

import java.io.IOException;
import java.nio.file.Path;
import vn.hoclieu.storage.BlobStore;

/** Lets tests outside the package open a real store on a temporary folder. */
public final class LocalBlobStoreAccess {

    private LocalBlobStoreAccess() {
    }

    public static BlobStore open(Path dir) throws IOException {
        return BlobStore.onDisk(dir);
    }
}
