package vn.hoclieu.harvest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.hoclieu.harvest.HarvestProperties;

/** Talking to partners that are slow, down, overloaded or wrong: bounded, retried when worth it, and said clearly. */
class HarvestHttpTest {

    private static final byte[] OK = ("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
            + "<responseDate>2026-12-01T10:00:00Z</responseDate></OAI-PMH>").getBytes(StandardCharsets.UTF_8);

    private final HarvestProperties properties = new HarvestProperties(true, null, Duration.ofMinutes(2),
            Duration.ofMillis(700), 10_000L, null, 3, Duration.ofMillis(50), null, null);
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oai", handler);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oai?verb=Identify");
    }

    private static void answer(HttpExchange e, int status, byte[] body) throws IOException {
        e.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void retriesAnOverloadedPartnerWithBackoffThenSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        URI uri = serve(e -> answer(e, calls.incrementAndGet() < 3 ? 503 : 200, calls.get() < 3 ? new byte[0] : OK));
        assertThat(new OaiHttp(properties).get(uri)).isEqualTo(OK);
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void aMissingPageIsNotRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        URI uri = serve(e -> {
            calls.incrementAndGet();
            answer(e, 404, "not here".getBytes(StandardCharsets.UTF_8));
        });
        assertThatThrownBy(() -> new OaiHttp(properties).get(uri)).isInstanceOfSatisfying(HarvestFailure.class, f -> {
            assertThat(f.code()).isEqualTo("harvest.error.status");
            assertThat(f.arguments()).containsExactly(404);
        });
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void aPartnerThatIsDownIsSaidToBeUnreachableAfterEveryTry() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/oai?verb=Identify");
        assertThatThrownBy(() -> new OaiHttp(properties).get(uri)).isInstanceOfSatisfying(HarvestFailure.class,
                f -> assertThat(f.code()).isEqualTo("harvest.error.unreachable"));
    }

    @Test
    void aPartnerThatNeverAnswersTimesOut() throws Exception {
        URI uri = serve(e -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            answer(e, 200, OK);
        });
        assertThatThrownBy(() -> new OaiHttp(properties).get(uri)).isInstanceOfSatisfying(HarvestFailure.class,
                f -> assertThat(f.code()).isEqualTo("harvest.error.timeout"));
    }

    @Test
    void anAnswerLargerThanTheLimitIsRefusedWhetherDeclaredOrNot() throws Exception {
        URI declared = serve(e -> answer(e, 200, new byte[20_000]));
        assertThatThrownBy(() -> new OaiHttp(properties).get(declared)).isInstanceOfSatisfying(HarvestFailure.class,
                f -> assertThat(f.code()).isEqualTo("harvest.error.tooLarge"));
        stop();
        URI chunked = serve(e -> {
            e.sendResponseHeaders(200, 0);
            try (OutputStream out = e.getResponseBody()) {
                for (int i = 0; i < 20; i++) {
                    out.write(new byte[1_000]);
                }
            }
        });
        assertThatThrownBy(() -> new OaiHttp(properties).get(chunked)).isInstanceOfSatisfying(HarvestFailure.class,
                f -> assertThat(f.code()).isEqualTo("harvest.error.tooLarge"));
    }

    @Test
    void incrementalHarvestsStartFromThePartnersClockMinusTheOverlapAtItsGranularity() {
        Harvester harvester = new Harvester(null, null, null, null, properties);
        Instant partnerTime = Instant.parse("2026-12-01T10:00:05Z");
        assertThat(harvester.from(partnerTime, "YYYY-MM-DDThh:mm:ssZ")).isEqualTo("2026-12-01T09:58:05Z");
        assertThat(harvester.from(Instant.parse("2026-12-01T00:01:00Z"), "YYYY-MM-DD")).isEqualTo("2026-11-30");
        Partner fresh = new Partner("P", "http://p/oai", "library:X", "oai_qdc", null, null, "YYYY-MM-DDThh:mm:ssZ");
        assertThat(harvester.firstRequest(fresh)).containsOnlyKeys("verb", "metadataPrefix", "set");
    }

    @Test
    void partnerAddressesMustBeHttpOrHttpsWithoutAQuery() {
        assertThat(PartnerCheck.normalize("https://thuvien.example.vn/oai/")).isEqualTo("https://thuvien.example.vn/oai");
        assertThat(PartnerCheck.normalize("ftp://thuvien.example.vn/oai")).isNull();
        assertThat(PartnerCheck.normalize("file:///etc/passwd")).isNull();
        assertThat(PartnerCheck.normalize("http://thuvien.example.vn/oai?verb=Identify")).isNull();
        assertThat(PartnerCheck.normalize("http://user:pw@thuvien.example.vn/oai")).isNull();
        assertThat(PartnerCheck.normalize("not a url")).isNull();
        assertThat(PartnerFiles.sameOrigin(URI.create("http://a.vn/oai"), URI.create("http://a.vn:80/api/v1/x"))).isTrue();
        assertThat(PartnerFiles.sameOrigin(URI.create("http://a.vn/oai"), URI.create("http://169.254.169.254/"))).isFalse();
    }
}
