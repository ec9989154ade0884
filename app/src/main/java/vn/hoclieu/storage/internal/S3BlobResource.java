package vn.hoclieu.storage.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.AbstractResource;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A blob in the object store as a Spring resource. Its stream opens the GET only at the first read,
 * and a {@code skip} before that moves where the GET starts: Spring MVC answers a {@code Range}
 * request by skipping to the range's start and reading its length, so a download of the last
 * megabyte of a video fetches only (about) that megabyte from the store, not the whole object.
 */
final class S3BlobResource extends AbstractResource {

    private final S3BlobStore store;
    private final String sha256;
    private final String description;
    private HeadObjectResponse head;

    S3BlobResource(S3BlobStore store, String sha256, String description) {
        this.store = store;
        this.sha256 = sha256;
        this.description = description;
    }

    private HeadObjectResponse head() throws FileNotFoundException {
        if (head == null) {
            head = store.head(sha256);
            if (head == null) {
                throw new FileNotFoundException(description);
            }
        }
        return head;
    }

    @Override
    public boolean exists() {
        if (head == null) {
            head = store.head(sha256);
        }
        return head != null;
    }

    @Override
    public long contentLength() throws IOException {
        return head().contentLength();
    }

    @Override
    public long lastModified() throws IOException {
        return head().lastModified().toEpochMilli();
    }

    /** The address, as for a file of the local store (the thumbnail's ETag is made of it). */
    @Override
    public String getFilename() {
        return sha256;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public InputStream getInputStream() {
        return new RangedStream();
    }

    private final class RangedStream extends InputStream {
        private long start;
        private ResponseInputStream<GetObjectResponse> body;
        private boolean ended;

        private InputStream body() throws IOException {
            if (body == null) {
                try {
                    body = store.get(sha256, start);
                } catch (S3Exception e) {
                    if (e.statusCode() == 416) { // skipped past the end
                        ended = true;
                        return InputStream.nullInputStream();
                    }
                    throw new IOException(description + ": " + e.getMessage(), e);
                }
                if (body == null) {
                    throw new FileNotFoundException(description);
                }
            }
            return body;
        }

        @Override
        public int read() throws IOException {
            if (ended) {
                return -1;
            }
            int b = body().read();
            ended = b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            int n = body().read(buffer, off, len);
            ended = n < 0;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            if (body == null && n > 0) {
                start += n;
                return n;
            }
            return body().skip(n);
        }

        @Override
        public void close() throws IOException {
            if (body != null) {
                if (!ended) {
                    // the reader stopped early (a range, a client gone): drop the connection rather
                    // than read the rest of a possibly large object to reuse it
                    body.abort();
                }
                body.close();
            }
        }
    }
}
