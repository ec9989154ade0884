package vn.hoclieu.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
/**
 * Where blobs live.
 *
 * @param dir          the local store's folder (default {@code ${hoclieu.data-dir}/blobs})
 * @param type         {@code local} (the default: files under {@code dir}) or {@code s3} (an S3-compatible object store)
 * @param s3           the object store, when {@code type=s3}
 * @param minFreeSpace free space the local storage volume must keep: an upload that would leave less is
 *                     refused with 507, before it is written and again while it streams (default 100 MB)
 */
@ConfigurationProperties("hoclieu.storage")
public record StorageProperties(Path dir, String type, S3 s3, DataSize minFreeSpace) {

    @ConstructorBinding
    public StorageProperties {
        if (dir == null) {
            dir = Path.of("data", "blobs");
        }
        if (minFreeSpace == null) {
            minFreeSpace = DataSize.ofMegabytes(100);
        }
        if (type == null || type.isBlank()) {
            type = "local";
        }
        type = type.strip().toLowerCase(Locale.ROOT);
        if (!type.equals("local") && !type.equals("s3")) {
            throw new IllegalArgumentException("hoclieu.storage.type must be local or s3, not " + type);
        }
        if (s3 == null) {
            s3 = new S3(null, null, null, null, null, false, null, null, null, null);
        }
    }

    /** Settings of the given type, keeping the default minimum of free space. */
    public StorageProperties(Path dir, String type, S3 s3) {
        this(dir, type, s3, null);
    }

    /** Settings for a store of files in {@code dir}. */
    public static StorageProperties local(Path dir) {
        return new StorageProperties(dir, "local", null);
    }

    /** Settings for a store of files in {@code dir} that keeps {@code minFreeSpace} free on its volume. */
    public static StorageProperties local(Path dir, DataSize minFreeSpace) {
        return new StorageProperties(dir, "local", null, minFreeSpace);
    }

    /**
     * An S3-compatible object store (Amazon S3, MinIO, Ceph RGW, Garage, S3Proxy …).
     *
     * @param endpoint        the service's address, e.g. {@code http://minio:9000}; none for Amazon S3 itself
     * @param region          the region to sign requests for (default {@code us-east-1}, which MinIO and Ceph accept)
     * @param bucket          the bucket (must exist unless {@code createBucket})
     * @param accessKey       access key id; none to use the AWS default chain (environment, profile, instance role)
     * @param secretKey       secret access key
     * @param pathStyleAccess {@code http://host/bucket/key} rather than {@code http://bucket.host/key}: what MinIO,
     *                        Ceph and S3Proxy usually need
     * @param prefix          a folder inside the bucket for this instance's blobs (default none)
     * @param partSize        files larger than this are sent as a multipart upload in parts of this size
     *                        (default 16 MB; S3 requires at least 5 MB)
     * @param cacheDir        local copies of blobs for tools that need a file (text extraction, thumbnails,
     *                        SCORM packages), and the spool of uploads (default {@code ${hoclieu.data-dir}/blob-cache})
     * @param cacheMaxSize    the local copies are pruned, least recently used first, beyond this (default 10 GB)
     */
    public record S3(URI endpoint, String region, String bucket, String accessKey, String secretKey,
                     boolean pathStyleAccess, String prefix, DataSize partSize, Path cacheDir, DataSize cacheMaxSize) {

        public S3 {
            if (region == null || region.isBlank()) {
                region = "us-east-1";
            }
            prefix = prefix == null ? "" : prefix.replaceAll("^/+", "");
            if (!prefix.isEmpty() && !prefix.endsWith("/")) {
                prefix = prefix + "/";
            }
            if (partSize == null) {
                partSize = DataSize.ofMegabytes(16);
            }
            if (cacheDir == null) {
                cacheDir = Path.of("data", "blob-cache");
            }
            if (cacheMaxSize == null) {
                cacheMaxSize = DataSize.ofGigabytes(10);
            }
        }
    }
}
