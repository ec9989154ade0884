package vn.hoclieu.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param dir where blobs live (default {@code ${hoclieu.data-dir}/blobs})
 * @param minFreeSpace free space the storage volume must keep: an upload that would leave less is
 *        refused with 507, before it is written and again while it streams (default 100 MB)
 */
@ConfigurationProperties("hoclieu.storage")
public record StorageProperties(Path dir, DataSize minFreeSpace) {
    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public StorageProperties {
        if (dir == null) {
            dir = Path.of("data", "blobs");
        }
        if (minFreeSpace == null) {
            minFreeSpace = DataSize.ofMegabytes(100);
        }
    }

    public StorageProperties(Path dir) {
        this(dir, null);
    }
}
