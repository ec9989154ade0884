package vn.hoclieu.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.Instance;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/**
 * Two real instances: a partner in a JVM of its own (its own data folder and port, the sample
 * library imported, one material of its own) and this test's instance, which registers it as a
 * partner and harvests it — then again, incrementally, after the partner changed one record and
 * withdrew another — and finally finds it down.
 */
@Tag(TestGroups.PROCESS)
class HarvestTwoInstancesTest extends IntegrationTest {

    private static final String PARTNER_NAME = "Thư viện Cầu Giấy";
    private static final String TITLE = "Phiếu thu hoạch liên thư viện";
    private static final String TEXT = "Bài đọc thử cho việc thu thập giữa hai thư viện: nhạc cụ xylophonharvest "
            + "được nhắc đến chỉ trong tệp này, không ở phần mô tả.";

    /** Whatever happened, what was harvested leaves the shared catalogue (deleting a partner withdraws its records). */
    @AfterEach
    void forgetThePartners() {
        String admin = Http.basic("admin", PASSWORD);
        for (JsonNode p : Http.get(url("/api/v1/admin/partners"), "Authorization", admin).json()) {
            Http.json("DELETE", url("/api/v1/admin/partners/" + p.get("id").asLong()), admin, null);
        }
    }

    @Test
    void harvestsAPartnerInstanceIncludingAnUpdateAndADeletionAndSurvivesItGoingDown(@TempDir Path data) throws Exception {
        String admin = Http.basic("admin", PASSWORD);
        long partnerId;
        long changedCopy;
        long withdrawnCopy;
        String unfetchedFile;
        try (Instance partner = Instance.start(data, "--hoclieu.samples.import-on-start=true",
                "--hoclieu.admin-password=" + PASSWORD, "--hoclieu.ingest.ocr=false", "--hoclieu.ingest.isolation=false",
                "--hoclieu.ingest.workers=1", "--hoclieu.oai.page-size=5")) {
            Uploads.Created uploaded = Uploads.resource(TITLE)
                    .description("Phiếu ghi chép sau buổi tham quan thư viện.").subjects("Kĩ năng sống", "Đọc sách")
                    .audience("Lớp 7").materialType("WORKSHEET").licence("CC-BY-SA-4.0").language("vi")
                    .creators("Cô Hạnh").file("phieu-thu-hoach.txt", TEXT).by(admin).to(partner.url(""));
            long own = uploaded.id();
            long ownFile = uploaded.fileId();
            awaitIdle(partner, admin);
            List<String> exposed = identifiers(partner);
            assertThat(exposed).hasSizeGreaterThan(5).contains("oai:hoclieu.local:" + own);

            Http.Response registered = Http.json("POST", url("/api/v1/admin/partners"), admin, "{\"name\":\""
                    + PARTNER_NAME + "\",\"baseUrl\":\"" + partner.url("/oai") + "\"}");
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            assertThat(registered.json().get("metadataPrefix").asString()).isEqualTo("oai_qdc");
            partnerId = registered.json().get("id").asLong();

            JsonNode first = harvest(partnerId, admin);
            assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("SUCCEEDED");
            assertThat(first.get("added").asInt()).isEqualTo(exposed.size());
            assertThat(first.get("deleted").asInt()).isZero();

            // the partner's own material: searchable here, credited, linking back, its file a link
            changedCopy = copyOf(TITLE, "oai:hoclieu.local:" + own);
            JsonNode copy = Http.get(url("/api/v1/resources/" + changedCopy)).json();
            assertThat(copy.get("source").get("partner").asString()).isEqualTo(PARTNER_NAME);
            assertThat(copy.get("source").get("url").asString()).isEqualTo(partner.url("/resources/" + own));
            assertThat(copy.get("status").asString()).isEqualTo("PUBLISHED");
            assertThat(copy.get("visibility").asString()).isEqualTo("PUBLIC");
            assertThat(copy.get("materialType").asString()).isEqualTo("WORKSHEET");
            assertThat(copy.get("licence").asString()).isEqualTo("CC-BY-SA-4.0");
            assertThat(copy.get("language").asString()).isEqualTo("vi");
            assertThat(texts(copy.get("subjects"))).containsExactly("Kĩ năng sống", "Đọc sách");
            assertThat(texts(copy.get("audience"))).containsExactly("Lớp 7");
            assertThat(texts(copy.get("creators"))).containsExactly("Cô Hạnh");
            JsonNode file = copy.get("files").get(0);
            assertThat(file.get("sha256").isNull()).isTrue();
            assertThat(file.get("remote").asString())
                    .isEqualTo(partner.url("/api/v1/resources/" + own + "/files/" + ownFile + "/content"));
            assertThat(search("xylophonharvest")).as("the file's words before anyone opened it").isZero();
            assertThat(search("hoach lien thu vien")).isPositive();

            String page = Http.get(url("/resources/" + changedCopy)).body();
            assertThat(page).contains("Nguồn: " + PARTNER_NAME).contains("href=\"" + partner.url("/resources/" + own) + "\"");
            // our provider does not pass the partner's record off as ours
            assertThat(Http.get(url("/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:hoclieu.local:" + changedCopy))
                    .body()).contains("idDoesNotExist");

            // the file, fetched on first request, then read like any upload: its words become searchable
            Http.Response content = Http.get(url("/api/v1/resources/" + changedCopy + "/files/" + file.get("id").asLong()
                    + "/content"));
            assertThat(content.status()).isEqualTo(200);
            assertThat(content.body()).isEqualTo(TEXT);
            assertThat(Http.get(url("/api/v1/resources/" + changedCopy)).json().get("files").get(0).get("name").asString())
                    .isEqualTo("phieu-thu-hoach.txt");
            await(() -> search("xylophonharvest") == 1, Duration.ofSeconds(60), "the fetched file's text was not indexed");

            String sampleTitle = Http.get(partner.url("/api/v1/resources/1")).json().get("title").asString();
            withdrawnCopy = copyOf(sampleTitle, "oai:hoclieu.local:1");
            unfetchedFile = "/api/v1/resources/" + copyOf(Http.get(partner.url("/api/v1/resources/2")).json()
                    .get("title").asString(), "oai:hoclieu.local:2") + "/files/";

            // at the partner: one record changed, one withdrawn
            assertThat(Http.json("PATCH", partner.url("/api/v1/resources/" + own), admin,
                    "{\"title\":\"" + TITLE + " (bản sửa)\"}").status()).isEqualTo(200);
            assertThat(Http.json("POST", partner.url("/api/v1/resources/1/withdraw"), admin, null).status()).isEqualTo(200);

            JsonNode second = harvest(partnerId, admin);
            assertThat(second.get("status").asString()).as(second.toString()).isEqualTo("SUCCEEDED");
            assertThat(second.get("added").asInt()).isZero();
            assertThat(second.get("updated").asInt()).isEqualTo(1);
            assertThat(second.get("deleted").asInt()).isEqualTo(1);
            assertThat(Http.get(url("/api/v1/resources/" + changedCopy)).json().get("title").asString())
                    .isEqualTo(TITLE + " (bản sửa)");
            assertThat(Http.get(url("/api/v1/resources/" + withdrawnCopy)).status()).isEqualTo(404);
            assertThat(hits(sampleTitle)).doesNotContain(withdrawnCopy);
            assertThat(Http.get(url("/api/v1/admin/partners/" + partnerId), "Authorization", admin).json()
                    .get("harvestedUntil").isNull()).isFalse();
        }

        // the partner is down: the run fails with a reason, a file not fetched yet says why, the app stays healthy
        JsonNode down = harvest(partnerId, admin);
        assertThat(down.get("status").asString()).isEqualTo("FAILED");
        assertThat(down.get("error").asString()).contains("không kết nối được");
        JsonNode fileOfDownPartner = Http.get(url(unfetchedFile.substring(0, unfetchedFile.indexOf("/files/"))))
                .json().get("files").get(0);
        Http.Response unavailable = Http.get(url(unfetchedFile + fileOfDownPartner.get("id").asLong() + "/content"));
        assertThat(unavailable.status()).isEqualTo(502);
        assertThat(unavailable.header("Content-Type")).contains("application/problem+json");
        assertThat(Http.get(url("/actuator/health")).body()).contains("\"UP\"");

        // the admin pages show the partner and its runs, with the failure's reason
        Browser browser = new Browser(url(""));
        browser.signIn("admin", PASSWORD);
        assertThat(browser.get("/admin").body()).contains("/admin/partners");
        assertThat(browser.get("/admin/partners").body()).contains(PARTNER_NAME);
        String runs = browser.get("/admin/partners/" + partnerId).body();
        assertThat(runs).contains("Thất bại").contains("không kết nối được").contains("Thành công");
        String form = browser.get("/admin/partners").body();
        String refused = browser.postForm("/admin/partners", Browser.csrf(form), "name", "Sai", "baseUrl",
                "ftp://example.org/oai").body();
        assertThat(refused).contains("không phải địa chỉ OAI-PMH hợp lệ");

        // deleting the partner withdraws what came from it
        assertThat(Http.json("DELETE", url("/api/v1/admin/partners/" + partnerId), admin, null).status()).isEqualTo(204);
        assertThat(Http.get(url("/api/v1/resources/" + changedCopy)).status()).isEqualTo(404);
    }

    @Test
    void registrationRefusesWhatCannotBeHarvestedWithAClearReason() throws Exception {
        String admin = Http.basic("admin", PASSWORD);
        Http.Response notHttp = register(admin, "ftp://example.org/oai");
        assertThat(notHttp.status()).isEqualTo(400);
        assertThat(notHttp.header("Content-Type")).contains("application/problem+json");
        assertThat(notHttp.json().get("detail").asString()).contains("http://");
        assertThat(register(admin, "javascript:alert(1)").status()).isEqualTo(400);

        // in the caller's language
        HttpResponse<String> english = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/api/v1/admin/partners")))
                        .header("Authorization", admin).header("Content-Type", "application/json")
                        .header("Accept-Language", "en")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"baseUrl\":\"ftp://a\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("is not a valid OAI-PMH address");

        Http.Response self = register(admin, url("/oai"));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().get("detail").asString()).contains("chính máy chủ Hoclieu này");

        int nobody;
        try (ServerSocket s = new ServerSocket(0)) {
            nobody = s.getLocalPort();
        }
        Http.Response down = register(admin, "http://127.0.0.1:" + nobody + "/oai");
        assertThat(down.status()).isEqualTo(502);
        assertThat(down.json().get("detail").asString()).contains("không kết nối được");

        Http.Response notOai = Http.json("POST", url("/api/v1/admin/partners"), admin,
                "{\"name\":\"Không phải OAI\",\"baseUrl\":\"" + url("/actuator/health") + "\"}");
        assertThat(notOai.status()).isEqualTo(502);

        String teacher = account("harvest-teacher", Role.TEACHER, "HN-TVHN");
        assertThat(Http.get(url("/api/v1/admin/partners"), "Authorization", Http.basic(teacher, PASSWORD)).status())
                .isEqualTo(403);
    }

    private Http.Response register(String admin, String baseUrl) {
        return Http.json("POST", url("/api/v1/admin/partners"), admin,
                "{\"name\":\"Đối tác\",\"baseUrl\":\"" + baseUrl + "\"}");
    }

    /** Harvests now and waits for the run to finish; returns it. */
    private JsonNode harvest(long partnerId, String admin) {
        int before = Http.get(url("/api/v1/admin/partners/" + partnerId + "/runs"), "Authorization", admin).json().size();
        Http.Response queued = Http.json("POST", url("/api/v1/admin/partners/" + partnerId + "/harvest"), admin, null);
        assertThat(queued.status()).isEqualTo(202);
        JsonNode[] run = new JsonNode[1];
        await(() -> {
            JsonNode runs = Http.get(url("/api/v1/admin/partners/" + partnerId + "/runs"), "Authorization", admin).json();
            run[0] = runs.size() > before ? runs.get(0) : null;
            return run[0] != null && !run[0].get("status").asString().equals("RUNNING");
        }, Duration.ofMinutes(3), "the harvest did not finish");
        return run[0];
    }

    /**
     * Our copy of the partner's record: among the hits for its title, the one harvested under that
     * identifier (a run's last records become searchable within a moment of its end, not at it).
     */
    private long copyOf(String title, String identifier) {
        long[] found = {-1};
        await(() -> {
            for (long id : hits(title)) {
                JsonNode source = Http.get(url("/api/v1/resources/" + id)).json().get("source");
                if (source != null && !source.isNull() && source.get("identifier").asString().equals(identifier)) {
                    found[0] = id;
                    return true;
                }
            }
            return false;
        }, Duration.ofSeconds(15), "no harvested copy of " + identifier + " found by its title " + title);
        return found[0];
    }

    private List<Long> hits(String q) {
        List<Long> ids = new ArrayList<>();
        Http.get(url("/api/v1/search?size=50&q=" + Http.q(q))).json().get("hits").forEach(h -> ids.add(h.get("id").asLong()));
        return ids;
    }

    private long search(String q) {
        return Http.get(url("/api/v1/search?q=" + Http.q(q))).json().get("total").asLong();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    /** The partner's exposed (not deleted) identifiers, following its resumption tokens. */
    private static List<String> identifiers(Instance partner) {
        List<String> ids = new ArrayList<>();
        String xml = Http.get(partner.url("/oai?verb=ListIdentifiers&metadataPrefix=oai_dc")).body();
        while (true) {
            Matcher header = Pattern.compile("<header( status=\"deleted\")?>\\s*<identifier>([^<]+)</identifier>").matcher(xml);
            while (header.find()) {
                if (header.group(1) == null) {
                    ids.add(header.group(2));
                }
            }
            Matcher token = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>").matcher(xml);
            if (!token.find()) {
                return ids;
            }
            xml = Http.get(partner.url("/oai?verb=ListIdentifiers&resumptionToken=" + Http.q(token.group(1)))).body();
        }
    }

    /** Waits until the partner has read every file, so that nothing it shows changes under the harvest. */
    private static void awaitIdle(Instance partner, String admin) {
        await(() -> Http.get(partner.url("/api/v1/ingest/jobs?status=QUEUED"), "Authorization", admin).json().isEmpty()
                && Http.get(partner.url("/api/v1/ingest/jobs?status=RUNNING"), "Authorization", admin).json().isEmpty(),
                Duration.ofMinutes(3), "the partner did not finish reading its files");
    }
}
