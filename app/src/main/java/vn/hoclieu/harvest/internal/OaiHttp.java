package vn.hoclieu.harvest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.hoclieu.harvest.HarvestProperties;

/**
 * OAI-PMH requests to partners: bounded in time and size, retried with a doubling backoff when
 * the failure is transient (no connection, a time-out, 429 or 5xx, honouring a short Retry-After),
 * never when the answer is simply wrong.
 */
@Component
class OaiHttp {

    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private final HttpClient client;
    private final HarvestProperties properties;

    OaiHttp(HarvestProperties properties) {
        this.properties = properties;
        // redirects are followed only to https or within the same scheme (Java's NORMAL policy)
        this.client = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The URL of one request: the base URL and the arguments, form-encoded. */
    static URI request(String baseUrl, Map<String, String> arguments) {
        String query = arguments.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(baseUrl + (baseUrl.contains("?") ? "&" : "?") + query);
    }

    /** The response body, after as many tries as the settings allow. */
    byte[] get(URI uri) throws HarvestFailure {
        Duration wait = properties.backoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return once(uri);
            } catch (RetryAfter e) {
                if (attempt >= properties.attempts()) {
                    throw e.failure;
                }
                sleep(e.after != null ? e.after : wait);
            } catch (HarvestFailure e) {
                if (!e.isTransient() || attempt >= properties.attempts()) {
                    throw e;
                }
                sleep(wait);
            }
            wait = wait.multipliedBy(2);
        }
    }

    private byte[] once(URI uri) throws HarvestFailure {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                .header("Accept", "text/xml, application/xml").header("User-Agent", "Hoclieu-harvester/0.3").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw HarvestFailure.temporary("harvest.error.timeout", properties.timeout().toSeconds());
        } catch (IOException e) {
            throw HarvestFailure.temporary("harvest.error.unreachable", describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HarvestFailure.permanent("harvest.error.interrupted");
        }
        try (InputStream body = new BoundedInput(response.body(), properties.maxResponseBytes(),
                properties.timeout().multipliedBy(4))) {
            int status = response.statusCode();
            if (status == 429 || status == 503) {
                throw new RetryAfter(HarvestFailure.temporary("harvest.error.status", status),
                        retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
            }
            if (status >= 500) {
                throw HarvestFailure.temporary("harvest.error.status", status);
            }
            if (status != 200) {
                throw HarvestFailure.permanent("harvest.error.status", status);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > properties.maxResponseBytes()) {
                throw HarvestFailure.permanent("harvest.error.tooLarge", properties.maxResponseBytes());
            }
            return body.readAllBytes();
        } catch (BoundedInput.LimitExceeded e) {
            throw HarvestFailure.permanent("harvest.error.tooLarge", properties.maxResponseBytes());
        } catch (IOException e) {
            throw HarvestFailure.temporary("harvest.error.unreachable", describe(e));
        }
    }

    private static Duration retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,6}")) {
            return null;
        }
        Duration d = Duration.ofSeconds(Long.parseLong(header.strip()));
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static void sleep(Duration d) throws HarvestFailure {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HarvestFailure.permanent("harvest.error.interrupted");
        }
    }

    /** A 429 or 503, with how long the partner asked us to wait. */
    private static final class RetryAfter extends HarvestFailure {
        final transient HarvestFailure failure;
        final transient Duration after;

        RetryAfter(HarvestFailure failure, Duration after) {
            super(true, failure.code(), failure.arguments());
            this.failure = failure;
            this.after = after;
        }
    }
}
