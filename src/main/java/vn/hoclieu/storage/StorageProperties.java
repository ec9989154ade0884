package vn.hoclieu.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param dir where blobs live (default {@code ${hoclieu.data-dir}/blobs}) */
@ConfigurationProperties("hoclieu.storage")
public record StorageProperties(Path dir) {
    public StorageProperties {
        if (dir == null) {
            dir = Path.of("data", "blobs");
        }
    }
}
