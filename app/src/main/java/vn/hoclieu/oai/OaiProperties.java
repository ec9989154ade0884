package vn.hoclieu.oai;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the OAI-PMH provider ({@code hoclieu.oai.*}); every one has a working default.
 *
 * @param baseUrl              the provider's public address, e.g. {@code https://hoclieu.example.vn/oai}; by default
 *                             the address the request came to (fine on one host, wrong behind a proxy that hides it)
 * @param repositoryIdentifier the middle part of {@code oai:<repositoryIdentifier>:<id>}; by default the host of
 *                             {@code baseUrl}, or {@code hoclieu.local}. Harvesters keep identifiers forever, so
 *                             set it once and never change it
 * @param repositoryName       what Identify calls the repository
 * @param adminEmail           who harvesters write to; by default {@code admin@<repositoryIdentifier>}
 * @param pageSize             records or headers per response before a resumption token
 * @param tokenLifetime        how long a resumption token stays valid
 */
@ConfigurationProperties("hoclieu.oai")
public record OaiProperties(String baseUrl, String repositoryIdentifier, String repositoryName, String adminEmail,
                            Integer pageSize, Duration tokenLifetime) {

    /** The oai-identifier scheme's rule for a repository identifier: a domain name. */
    private static final Pattern DOMAIN = Pattern.compile("[a-zA-Z][a-zA-Z0-9\\-]*(\\.[a-zA-Z][a-zA-Z0-9\\-]*)+");
    static final String FALLBACK_IDENTIFIER = "hoclieu.local";

    public OaiProperties {
        baseUrl = blankToNull(baseUrl);
        if (baseUrl != null && baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        repositoryIdentifier = blankToNull(repositoryIdentifier);
        if (repositoryIdentifier == null) {
            repositoryIdentifier = hostOf(baseUrl);
        }
        if (!DOMAIN.matcher(repositoryIdentifier).matches()) {
            throw new IllegalArgumentException("hoclieu.oai.repository-identifier must be a domain name such as "
                    + "hoclieu.example.vn, not " + repositoryIdentifier);
        }
        repositoryName = blankToNull(repositoryName) == null ? "Hoclieu" : repositoryName.strip();
        adminEmail = blankToNull(adminEmail) == null ? "admin@" + repositoryIdentifier : adminEmail.strip();
        pageSize = pageSize == null ? 100 : pageSize;
        if (pageSize < 1) {
            throw new IllegalArgumentException("hoclieu.oai.page-size must be at least 1");
        }
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(24) : tokenLifetime;
    }

    private static String hostOf(String url) {
        if (url == null) {
            return FALLBACK_IDENTIFIER;
        }
        try {
            String host = URI.create(url).getHost();
            return host != null && DOMAIN.matcher(host).matches() ? host.toLowerCase(Locale.ROOT) : FALLBACK_IDENTIFIER;
        } catch (IllegalArgumentException e) {
            return FALLBACK_IDENTIFIER;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
