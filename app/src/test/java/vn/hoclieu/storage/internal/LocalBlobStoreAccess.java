package vn.hoclieu.storage.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.util.unit.DataSize;
import vn.hoclieu.storage.BlobStore;
import vn.hoclieu.storage.StorageProperties;

/** Lets tests outside the package open a real store on a temporary folder. */
public final class LocalBlobStoreAccess {

    private LocalBlobStoreAccess() {
    }

    public static BlobStore open(Path dir) throws IOException {
        return new LocalBlobStore(StorageProperties.local(dir));
    }

    /** A store whose volume must keep {@code minFreeBytes} free. */
    public static BlobStore open(Path dir, long minFreeBytes) throws IOException {
        return new LocalBlobStore(StorageProperties.local(dir, DataSize.ofBytes(minFreeBytes)));
    }
}
