package vn.hoclieu.account.internal;

import java.util.concurrent.Semaphore;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets at most a few password hashes be computed at once. Argon2id as configured takes 19 MiB of
 * heap and about 0.1 s of a core for each check, and HTTP Basic checks the password on every API
 * request: fifty concurrent requests with a password (right or wrong) would hold close to 1 GB, the
 * whole heap. With this bound they wait in line instead, holding at most {@code permits} × 19 MiB, and
 * searches, downloads and token-authenticated calls, which hash nothing, keep their share of the CPU.
 * The line is fair (first come, first served), so no one waits forever.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore permits;

    BoundedPasswordEncoder(PasswordEncoder delegate, int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("at least one password hash must be allowed at a time");
        }
        this.delegate = delegate;
        this.permits = new Semaphore(permits, true);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        acquire();
        try {
            return delegate.encode(rawPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        acquire();
        try {
            return delegate.matches(rawPassword, encodedPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword); // reads the hash's parameters; hashes nothing
    }

    private void acquire() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to check a password", e);
        }
    }
}
