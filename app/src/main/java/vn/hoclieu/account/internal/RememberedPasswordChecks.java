package vn.hoclieu.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers for a few minutes that a password matched its stored hash, so a script calling the API
 * with HTTP Basic pays the Argon2id check (about 40 ms of a core and 19 MiB here) once, not on every
 * request. Only right answers are remembered: a wrong password is always checked in full, so guessing
 * costs what it cost. What is remembered is an HMAC of the stored hash and the password under a key
 * drawn when the process starts, never the password: the same password against a changed hash (a new
 * password, a reset) is checked in full again. Whether the account may still sign in (disabled,
 * locked) is checked on every request as before; this only spares the hashing. At most
 * {@value #ENTRIES} entries, the oldest forgotten first.
 */
final class RememberedPasswordChecks implements PasswordEncoder {

    static final int ENTRIES = 4096;
    private static final String HMAC = "HmacSHA256";

    private final PasswordEncoder delegate;
    private final long forNanos;
    private final SecretKeySpec key;
    private final Map<String, Long> matched = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > ENTRIES;
        }
    };

    RememberedPasswordChecks(PasswordEncoder delegate, Duration remembered) {
        this.delegate = delegate;
        this.forNanos = remembered.toNanos();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || forNanos <= 0) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String entry = entry(rawPassword, encodedPassword);
        long now = System.nanoTime();
        synchronized (matched) {
            Long until = matched.get(entry);
            if (until != null && until - now > 0) {
                return true;
            }
            if (until != null) {
                matched.remove(entry);
            }
        }
        boolean right = delegate.matches(rawPassword, encodedPassword);
        if (right) {
            synchronized (matched) {
                matched.put(entry, System.nanoTime() + forNanos);
            }
        }
        return right;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String entry(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
