package vn.hoclieu.account.internal;

import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing and account lookup, needed by the web app and the command-line tools alike. */
@Configuration
class AccountConfig {

    /**
     * Argon2id for new passwords, with OWASP's first recommended setting (19 MiB of memory, 2 passes,
     * 1 lane): memory-hard, so guessing on graphics cards costs what it costs us. About as fast here
     * as bcrypt at strength 10 (~0.1 s on one core), which matters because HTTP Basic checks the
     * password on every API request (scripts should prefer personal tokens). BouncyCastle, which
     * Spring's Argon2 needs, is declared in the pom. Each hash names its algorithm, so the bcrypt
     * hashes written before keep working, and are replaced by Argon2 at the next sign-in
     * ({@link PasswordUpgrades}).
     */
    @Bean
    PasswordEncoder passwordEncoder(
            @Value("${hoclieu.accounts.password-checks-at-once:0}") int atOnce,
            @Value("${hoclieu.accounts.remember-password-checks:5m}") Duration remembered) {
        Map<String, PasswordEncoder> encoders = Map.of(
                "argon2", new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2),
                "bcrypt", new BCryptPasswordEncoder());
        // at most this many hashes at a time (BoundedPasswordEncoder); 0 means one per core
        int permits = atOnce > 0 ? atOnce : Runtime.getRuntime().availableProcessors();
        // a password that matched is not hashed again for a while (RememberedPasswordChecks): HTTP Basic
        // checks it on every API request
        return new RememberedPasswordChecks(
                new BoundedPasswordEncoder(new DelegatingPasswordEncoder("argon2", encoders), permits), remembered);
    }

    @Bean
    UserDetailsService userDetailsService(AccountRepository accounts) {
        return username -> accounts.findByUsernameIgnoreCase(username)
                .map(AccountPrincipal::of)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** Who is signed in where, so that changes to an account end its sessions ({@link AccountSessions}). */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }
}
