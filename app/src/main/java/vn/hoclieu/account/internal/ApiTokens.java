package vn.hoclieu.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoclieu.account.AccountException;

/**
 * Personal API tokens: {@code hl_} and 32 random bytes in base64url (256 bits), sent as
 * {@code Authorization: Bearer hl_…}. Only a SHA-256 of each token is stored. A fast, unsalted hash
 * is right here, unlike for passwords: a token is random and as long as a key, so there is no
 * dictionary to try and no brute force to slow down, and the lookup by hash runs on every API call.
 * Someone who reads the database learns nothing that lets them call the API.
 */
@Service
@Transactional(readOnly = true)
public class ApiTokens {

    static final String PREFIX = "hl_";
    private static final int SECRET_BYTES = 32;
    private static final int TOKEN_LENGTH = PREFIX.length() + 43;
    private static final int SHOWN_CHARACTERS = PREFIX.length() + 6;
    private static final int MAX_NAME = 100;
    private static final int MAX_DAYS = 3650;
    private static final int MAX_ACTIVE = 50;
    /** Last use is written at most this often per token: a script calling in a loop costs no write per call. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who a token stands for, or why it is refused (a message code). */
    public record Outcome(AccountPrincipal principal, String refusal) {
    }

    private final ApiTokenRepository tokens;
    private final AccountRepository accounts;

    ApiTokens(ApiTokenRepository tokens, AccountRepository accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    /**
     * A new token for the account.
     *
     * @param expiresInDays days until it stops working, or null for a token that works until revoked
     */
    @Transactional
    public NewToken create(long accountId, String name, Integer expiresInDays) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new AccountException(HttpStatus.BAD_REQUEST, List.of(
                    new AccountException.Problem("name", "problem.token.badName", MAX_NAME)));
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
            throw new AccountException(HttpStatus.BAD_REQUEST, List.of(
                    new AccountException.Problem("expiresInDays", "problem.token.badExpiry", MAX_DAYS)));
        }
        if (tokens.countByAccountIdAndRevokedAtIsNull(accountId) >= MAX_ACTIVE) {
            throw new AccountException(HttpStatus.CONFLICT, "problem.token.tooMany", MAX_ACTIVE);
        }
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        String raw = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expires = expiresInDays == null ? null : Instant.now().plus(Duration.ofDays(expiresInDays));
        ApiToken token = tokens.save(new ApiToken(accountId, name.strip(), hash(raw),
                raw.substring(0, SHOWN_CHARACTERS), expires));
        return new NewToken(token.getId(), token.getName(), token.getPrefix(), token.getCreatedAt(),
                token.getExpiresAt(), raw);
    }

    /** The account's tokens that are not revoked, newest first (expired ones too, marked). */
    public List<TokenView> list(long accountId) {
        Instant now = Instant.now();
        return tokens.findByAccountIdAndRevokedAtIsNullOrderByCreatedAtDesc(accountId).stream()
                .map(t -> new TokenView(t.getId(), t.getName(), t.getPrefix(), t.getCreatedAt(), t.getLastUsedAt(),
                        t.getExpiresAt(), t.expiredAt(now)))
                .toList();
    }

    /** Revokes one of the account's own tokens; it stops working at once. */
    @Transactional
    public void revoke(long accountId, long tokenId) {
        ApiToken token = tokens.findById(tokenId)
                .filter(t -> t.getAccountId() == accountId && t.getRevokedAt() == null)
                .orElseThrow(() -> new AccountException(HttpStatus.NOT_FOUND, "problem.token.notFound", tokenId));
        token.revoke();
    }

    /** The account a token stands for, if the token is current and the account enabled. */
    @Transactional
    public Outcome authenticate(String raw) {
        if (raw == null || raw.length() != TOKEN_LENGTH || !raw.startsWith(PREFIX)) {
            return new Outcome(null, "problem.token.invalid");
        }
        Optional<ApiToken> found = tokens.findByTokenHash(hash(raw));
        if (found.isEmpty()) {
            return new Outcome(null, "problem.token.invalid");
        }
        ApiToken token = found.get();
        Instant now = Instant.now();
        if (token.getRevokedAt() != null) {
            return new Outcome(null, "problem.token.revoked");
        }
        if (token.expiredAt(now)) {
            return new Outcome(null, "problem.token.expired");
        }
        Optional<AccountPrincipal> account = accounts.findById(token.getAccountId()).map(AccountPrincipal::of);
        if (account.isEmpty() || !account.get().enabled()) {
            return new Outcome(null, "problem.token.accountDisabled");
        }
        if (token.getLastUsedAt() == null || token.getLastUsedAt().isBefore(now.minus(TOUCH_INTERVAL))) {
            tokens.touch(token.getId(), now, now.minus(TOUCH_INTERVAL));
        }
        return new Outcome(account.get(), null);
    }

    static String hash(String raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
