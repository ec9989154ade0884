package vn.hoclieu.harvest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * A partner's response body that ends in an {@link IOException} once it passes a size or a time
 * limit: HttpClient's own time-out stops at the headers, and a server dripping one byte a second
 * must not hold a harvest (or a download) for ever.
 */
final class BoundedInput extends FilterInputStream {

    static final class LimitExceeded extends IOException {
        LimitExceeded(String message) {
            super(message);
        }
    }

    private final long maxBytes;
    private final long deadline;
    private long read;

    BoundedInput(InputStream in, long maxBytes, Duration maxTime) {
        super(in);
        this.maxBytes = maxBytes;
        this.deadline = System.nanoTime() + maxTime.toNanos();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (System.nanoTime() > deadline) {
            throw new LimitExceeded("took too long");
        }
        int n = super.read(b, off, len);
        if (n > 0) {
            read += n;
            if (read > maxBytes) {
                throw new LimitExceeded("larger than " + maxBytes + " bytes");
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
    }
}
