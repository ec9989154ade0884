package vn.hoclieu.harvest.internal;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.hoclieu.oai.OaiProperties;

/**
 * What registering a partner asks of it before it is saved: an http(s) address, an answer to
 * Identify that is OAI-PMH 2.0 and is not this instance, and the best metadata format it offers
 * ({@code oai_qdc}, which carries licences, grade levels and file links, else {@code oai_dc}).
 */
@Component
public class PartnerCheck {

    /** What the partner said about itself. */
    public record Checked(String baseUrl, String repositoryIdentifier, String granularity, String metadataPrefix) {
    }

    private static final String FALLBACK_IDENTIFIER = "hoclieu.local";

    private final OaiHttp http;
    private final OaiProperties ourProvider;
    private final Environment environment;

    PartnerCheck(OaiHttp http, OaiProperties ourProvider, Environment environment) {
        this.http = http;
        this.ourProvider = ourProvider;
        this.environment = environment;
    }

    /** The base URL, trimmed, if it is an absolute http or https address without a query; else null. */
    public static String normalize(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                return null;
            }
            String s = uri.toString();
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * @param wantedPrefix a format the administrator chose, or null for the best offered
     * @throws HarvestFailure with the reason the partner cannot be harvested
     */
    public Checked check(String baseUrl, String wantedPrefix) throws HarvestFailure {
        OaiResponse identify = OaiResponses.parse(http.get(OaiHttp.request(baseUrl, Map.of("verb", "Identify"))));
        OaiResponse.Identify id = identify.identify();
        if (id == null || !"2.0".equals(id.protocolVersion())) {
            throw HarvestFailure.permanent("harvest.error.notOai");
        }
        if (isUs(baseUrl, id)) {
            throw HarvestFailure.permanent("harvest.error.self");
        }
        OaiResponse formats = OaiResponses.parse(http.get(OaiHttp.request(baseUrl, Map.of("verb", "ListMetadataFormats"))));
        String prefix;
        if (wantedPrefix != null) {
            if (!formats.metadataPrefixes().contains(wantedPrefix)) {
                throw HarvestFailure.permanent("harvest.error.formatNotOffered", wantedPrefix,
                        String.join(", ", formats.metadataPrefixes()));
            }
            prefix = wantedPrefix;
        } else if (formats.metadataPrefixes().contains("oai_qdc")) {
            prefix = "oai_qdc";
        } else if (formats.metadataPrefixes().contains("oai_dc")) {
            prefix = "oai_dc";
        } else {
            throw HarvestFailure.permanent("harvest.error.formatNotOffered", "oai_dc",
                    String.join(", ", formats.metadataPrefixes()));
        }
        String granularity = id.granularity() == null ? "YYYY-MM-DD" : id.granularity();
        return new Checked(baseUrl, id.repositoryIdentifier(), granularity, prefix);
    }

    /**
     * This instance: the same repository identifier (unless both kept the default, which says
     * nothing), the same configured base URL, or our own port on an address of this machine.
     */
    boolean isUs(String baseUrl, OaiResponse.Identify id) {
        String ours = ourProvider.repositoryIdentifier();
        if (!FALLBACK_IDENTIFIER.equals(ours) && ours.equalsIgnoreCase(Objects.toString(id.repositoryIdentifier(), ""))) {
            return true;
        }
        for (String url : new String[] {baseUrl, id.baseUrl()}) {
            String u = normalize(url);
            if (u == null) {
                continue;
            }
            if (ourProvider.baseUrl() != null && u.equalsIgnoreCase(ourProvider.baseUrl())) {
                return true;
            }
            if (isOurPort(URI.create(u))) {
                return true;
            }
        }
        return false;
    }

    private boolean isOurPort(URI uri) {
        String port = environment.getProperty("local.server.port");
        int theirs = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        if (port == null || !port.equals(Integer.toString(theirs))) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(uri.getHost());
            return address.isLoopbackAddress() || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }
}
