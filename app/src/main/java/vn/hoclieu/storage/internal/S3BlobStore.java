package vn.hoclieu.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import vn.hoclieu.concurrent.StripedLocks;
import vn.hoclieu.storage.BlobMismatchException;
import vn.hoclieu.storage.BlobStore;
import vn.hoclieu.storage.StorageProperties;
import vn.hoclieu.storage.StoredBlob;

/**
 * Blobs in an S3-compatible bucket at {@code prefix + ab/cd/abcd…}, with the promises of the local
 * store:
 * <ul>
 * <li>The address is the SHA-256, known only after the last byte, so an upload is first streamed
 *     into a staging file in the local cache (hashed on the way, never held in memory), then sent
 *     under its final key — one PUT, or a multipart upload in {@code partSize} parts read from that
 *     file. This costs local disk for one file per upload in flight, but a duplicate is found before
 *     anything is sent, a failed part can be re-sent from the file, no half-written or temporary
 *     object is ever visible in the bucket, and no server-side copy is needed (a copy of more than
 *     5 GB would itself be a multipart operation). The staging file then becomes the local copy.</li>
 * <li>{@link #store} returns after S3 acknowledged the PUT or the multipart completion: the object
 *     is durable then.</li>
 * <li>Puts are idempotent: an object's bytes are its name, so a repeated or concurrent PUT of the same
 *     key writes the same bytes. Within one process a lock per address also makes
 *     {@link StoredBlob#alreadyPresent()} exact; across processes two may both report new bytes.</li>
 * <li>Downloads are ranged GETs ({@link S3BlobResource}); tools that need a file get a local copy,
 *     fetched once and checked against its SHA-256 ({@link BlobCache}).</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "hoclieu.storage.type", havingValue = "s3")
class S3BlobStore implements BlobStore, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);
    private static final long MIN_PART = 5L * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final long partSize;
    private final BlobCache cache;
    /** One store or download of an address at a time in this process. */
    private final StripedLocks locks = new StripedLocks(64);

    S3BlobStore(StorageProperties properties) throws IOException {
        StorageProperties.S3 settings = properties.s3();
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("hoclieu.storage.type=s3 needs hoclieu.storage.s3.bucket");
        }
        this.bucket = settings.bucket();
        this.prefix = settings.prefix();
        this.partSize = Math.max(MIN_PART, settings.partSize().toBytes());
        this.cache = new BlobCache(settings.cacheDir(), settings.cacheMaxSize().toBytes());
        this.s3 = client(settings);
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            throw new IllegalStateException("cannot reach the bucket " + bucket + " at "
                    + (settings.endpoint() == null ? "Amazon S3" : settings.endpoint()) + ": " + e.getMessage(), e);
        }
        log.info("Blobs are stored in the bucket {} (prefix '{}'), local copies in {}", bucket, prefix,
                settings.cacheDir());
    }

    private static S3Client client(StorageProperties.S3 settings) {
        AwsCredentialsProvider credentials = settings.accessKey() == null || settings.accessKey().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(ApacheHttpClient.builder().maxConnections(64)
                        .connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofMinutes(2)).build())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyleAccess())
                // the SDK's default trailing checksums (aws-chunked bodies) are not understood by every
                // S3-compatible server; the content's SHA-256 is checked by us when it is read back
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    @Override
    public StoredBlob store(InputStream in, String expectedSha256) throws IOException {
        Spool spool = Spool.of(in, cache.tmp(), false, expectedSha256);
        try {
            String sha = spool.sha256();
            try (StripedLocks.Held held = locks.lock(sha)) {
                boolean present = exists(sha);
                if (!present) {
                    upload(key(sha), spool.file(), spool.size());
                }
                cache.adopt(spool.file(), sha);
                return new StoredBlob(sha, spool.size(), present);
            } catch (SdkException e) {
                throw new IOException("the object store could not be asked about " + key(sha) + ": " + e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(spool.file());
        }
    }

    private void upload(String key, Path file, long size) throws IOException {
        try {
            if (size <= partSize) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentLength(size)
                        .contentType("application/octet-stream"), RequestBody.fromFile(file));
                return;
            }
            String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
                    .contentType("application/octet-stream")).uploadId();
            try {
                List<CompletedPart> parts = new ArrayList<>();
                for (long offset = 0; offset < size; offset += partSize) {
                    int number = parts.size() + 1;
                    long length = Math.min(partSize, size - offset);
                    long from = offset;
                    String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                                    .contentLength(length),
                            RequestBody.fromContentProvider(() -> slice(file, from, length), length,
                                    "application/octet-stream")).eTag();
                    parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                }
                s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(parts)));
            } catch (RuntimeException e) {
                abort(key, uploadId);
                throw e;
            }
        } catch (SdkException e) {
            throw new IOException("could not send " + key + " to the object store: " + e.getMessage(), e);
        }
    }

    private void abort(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            // the bucket's lifecycle rule for incomplete multipart uploads removes what is left
            log.warn("could not abort the multipart upload of {}: {}", key, e.toString());
        }
    }

    @Override
    public boolean exists(String sha256) {
        return head(sha256) != null;
    }

    /** The object's metadata, or null when there is no such object. */
    HeadObjectResponse head(String sha256) {
        String key = key(Spool.checked(sha256));
        try {
            return s3.headObject(b -> b.bucket(bucket).key(key));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** The object's bytes from {@code start} on (a ranged GET when start > 0), or null when there is none. */
    ResponseInputStream<GetObjectResponse> get(String sha256, long start) {
        String key = key(sha256);
        try {
            return s3.getObject(b -> {
                b.bucket(bucket).key(key);
                if (start > 0) {
                    b.range("bytes=" + start + "-");
                }
            });
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public Resource resource(String sha256) {
        return new S3BlobResource(this, Spool.checked(sha256), "s3://" + bucket + "/" + key(sha256));
    }

    @Override
    public Path localPath(String sha256) {
        Path copy = cache.hit(Spool.checked(sha256));
        if (copy != null) {
            return copy;
        }
        try (StripedLocks.Held held = locks.lock(sha256)) {
            copy = cache.hit(sha256);
            return copy != null ? copy : fetch(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Downloads a blob into the cache, refusing bytes whose SHA-256 is not their address. */
    private Path fetch(String sha256) throws IOException {
        ResponseInputStream<GetObjectResponse> body = get(sha256, 0);
        if (body == null) {
            throw new NoSuchFileException(key(sha256), null, "no such blob in the bucket " + bucket);
        }
        Path temp = Files.createTempFile(cache.tmp(), "fetch-", ".part");
        try {
            MessageDigest digest = Spool.newDigest();
            try (DigestInputStream in = new DigestInputStream(body, digest);
                 OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                in.transferTo(out);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(sha256)) {
                throw new BlobMismatchException(sha256, actual);
            }
            return cache.adopt(temp, sha256);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void delete(String sha256) throws IOException {
        String key = key(Spool.checked(sha256));
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new IOException("the object store refused to delete " + key + ": " + e.getMessage(), e);
            }
        } catch (SdkException e) {
            throw new IOException("could not delete " + key + " in the object store: " + e.getMessage(), e);
        }
        cache.remove(sha256);
    }

    @Override
    public Stream<String> list() {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .map(key -> key.substring(key.lastIndexOf('/') + 1))
                .filter(Spool::isAddress);
    }

    private String key(String sha256) {
        return prefix + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    @Override
    public void destroy() {
        s3.close();
    }

    /** {@code length} bytes of {@code file} from {@code offset}: one part of a multipart upload, read as sent. */
    private static InputStream slice(Path file, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            return new InputStream() {
                private long position = offset;
                private final long end = offset + length;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (position >= end) {
                        return -1;
                    }
                    int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
                    if (n > 0) {
                        position += n;
                    }
                    return n;
                }

                @Override
                public void close() throws IOException {
                    channel.close();
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
