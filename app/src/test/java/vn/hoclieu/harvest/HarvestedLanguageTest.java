package vn.hoclieu.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;

/**
 * A partner's catalogue that writes its languages in ISO 639-2, as library systems do
 * ({@code <dc:language>vie</dc:language>}): harvested, the record is in Vietnamese ({@code vi}), one
 * language with the catalogue's own in the facet, and named on its page.
 */
class HarvestedLanguageTest extends IntegrationTest {

    @Test
    void aHarvestedVieRecordIsVietnameseLikeEveryOther() throws Exception {
        String word = "hv" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String title = "Sổ tay đọc sách " + word;
        HttpServer partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + partner.getAddress().getPort() + "/oai";
        partner.createContext("/oai", e -> answer(e, oai(e, base, title)));
        partner.start();
        String admin = Http.basic("admin", PASSWORD);
        Long partnerId = null;
        try {
            Http.Response registered = Http.json("POST", url("/api/v1/admin/partners"), admin,
                    "{\"name\":\"Thư viện dùng mã ISO 639-2\",\"baseUrl\":\"" + base + "\"}");
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            partnerId = registered.json().get("id").asLong();
            assertThat(Http.json("POST", url("/api/v1/admin/partners/" + partnerId + "/harvest"), admin, null).status())
                    .isEqualTo(202);
            await(() -> Http.get(url("/api/v1/search?q=" + word)).json().get("total").asLong() == 1,
                    Duration.ofSeconds(30), "the harvested record is not searchable");

            JsonNode found = Http.get(url("/api/v1/search?q=" + word)).json();
            long id = found.get("hits").get(0).get("id").asLong();
            assertThat(Http.get(url("/api/v1/resources/" + id)).json().get("language").asString()).isEqualTo("vi");
            assertThat(found.get("facets").get("language")).hasSize(1);
            assertThat(found.get("facets").get("language").get(0).get("value").asString()).isEqualTo("vi");
            assertThat(Http.get(url("/api/v1/search?q=" + word + "&language=vie")).json().get("total").asLong())
                    .isEqualTo(1);

            Document page = Jsoup.parse(Http.get(url("/resources/" + id)).body());
            assertThat(page.select("dl.metadata dd").eachText()).contains("Tiếng Việt").doesNotContain("vie", "vi");
        } finally {
            if (partnerId != null) {
                Http.json("DELETE", url("/api/v1/admin/partners/" + partnerId), admin, null);
            }
            partner.stop(0);
        }
    }

    /** The partner's answer to one request: Identify, its one format, and its one record. */
    private static String oai(HttpExchange e, String base, String title) {
        String query = e.getRequestURI().getRawQuery() == null ? "" : e.getRequestURI().getRawQuery();
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
                + "<responseDate>2026-12-01T10:00:00Z</responseDate><request>" + base + "</request>";
        if (query.contains("verb=Identify")) {
            return head + "<Identify><repositoryName>Đối tác</repositoryName><baseURL>" + base + "</baseURL>"
                    + "<protocolVersion>2.0</protocolVersion><adminEmail>a@doi-tac.example.vn</adminEmail>"
                    + "<earliestDatestamp>2026-01-01</earliestDatestamp><deletedRecord>no</deletedRecord>"
                    + "<granularity>YYYY-MM-DD</granularity></Identify></OAI-PMH>";
        }
        if (query.contains("verb=ListMetadataFormats")) {
            return head + "<ListMetadataFormats><metadataFormat><metadataPrefix>oai_dc</metadataPrefix>"
                    + "</metadataFormat></ListMetadataFormats></OAI-PMH>";
        }
        return head + "<ListRecords><record><header><identifier>oai:doi-tac.example.vn:1</identifier>"
                + "<datestamp>2026-11-30</datestamp></header><metadata>"
                + "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + title + "</dc:title>"
                + "<dc:description>Gợi ý đọc sách mỗi ngày cho học sinh.</dc:description>"
                + "<dc:type>Text</dc:type><dc:language>vie</dc:language></oai_dc:dc>"
                + "</metadata></record></ListRecords></OAI-PMH>";
    }

    private static void answer(HttpExchange e, String xml) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
        e.sendResponseHeaders(200, body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
    }
}
