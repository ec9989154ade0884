package vn.hoclieu.harvest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;
import vn.hoclieu.catalog.RemoteFiles;
import vn.hoclieu.harvest.HarvestProperties;

/**
 * Fetches a harvested file from its partner when it is first asked for. Only addresses on a
 * registered partner's own host (scheme, host and port of its base URL) are fetched, and no
 * redirect is followed: a record's links must not turn this server into a client of anything
 * else on its network. Bounded by {@code hoclieu.harvest.max-file-bytes} and {@code file-timeout}.
 */
@Component
class PartnerFiles implements RemoteFiles {

    private final PartnerRepository partners;
    private final HarvestProperties properties;
    private final HttpClient client;

    PartnerFiles(PartnerRepository partners, HarvestProperties properties) {
        this.partners = partners;
        this.properties = properties;
        this.client = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Fetched fetch(String url) throws IOException {
        URI uri = URI.create(url);
        if (partners.findAll().stream().noneMatch(p -> sameOrigin(URI.create(p.getBaseUrl()), uri))) {
            throw new IOException("not on a partner's host: " + url);
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(properties.timeout())
                    .header("User-Agent", "Hoclieu-harvester/0.3").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("HTTP " + response.statusCode() + " from " + url);
        }
        if (response.headers().firstValueAsLong("Content-Length").orElse(-1) > properties.maxFileBytes()) {
            response.body().close();
            throw new IOException("larger than " + properties.maxFileBytes() + " bytes: " + url);
        }
        String name = response.headers().firstValue("Content-Disposition").map(PartnerFiles::fileName).orElse(null);
        String type = response.headers().firstValue("Content-Type").map(t -> t.split(";")[0].strip())
                .filter(t -> !t.equalsIgnoreCase("application/octet-stream")).orElse(null);
        return new Fetched(new BoundedInput(response.body(), properties.maxFileBytes(), properties.fileTimeout()), name, type);
    }

    private static String fileName(String header) {
        try {
            return ContentDisposition.parse(header).getFilename();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost() == null ? null : b.getHost().toLowerCase(Locale.ROOT))
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
