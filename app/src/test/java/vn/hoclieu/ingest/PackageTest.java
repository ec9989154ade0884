package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/** A SCORM e-lecture: read from its manifest and pages, searchable, and launched sandboxed. */
class PackageTest extends IntegrationTest {

    private static byte[] scorm(String word) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("imsmanifest.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest identifier="bai-giang-ham-so" version="1.0"
                    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
                  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
                  <organizations default="org1">
                    <organization identifier="org1">
                      <title>Bài giảng điện tử: Hàm số bậc nhất</title>
                      <item identifier="i1" identifierref="r1"><title>Khái niệm hàm số</title></item>
                    </organization>
                  </organizations>
                  <resources>
                    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="bai/index.html">
                      <file href="bai/index.html"/>
                    </resource>
                  </resources>
                </manifest>
                """.getBytes(StandardCharsets.UTF_8));
        entries.put("bai/index.html", ("<html><head><meta charset='utf-8'><script>var x = 1;</script></head>"
                + "<body><h1>Khái niệm</h1><p>Đồ thị là một đường thẳng " + word + ".</p></body></html>")
                .getBytes(StandardCharsets.UTF_8));
        return ImportApiTest.zip(entries);
    }

    @Test
    void scormPackageIsReadSearchableAndLaunchedInASandbox() throws Exception {
        String uploader = Http.basic(account("librarian-scorm", Role.LIBRARIAN, "HN-THPT-BDM"), PASSWORD);
        String word = "sc" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = Http.upload(url("/api/v1/resources"), uploader, Map.of("ham-so.zip", scorm(word)), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("materialType").asString()).isEqualTo("E_LECTURE");

        await(() -> Http.get(url("/api/v1/search?q=" + word)).json().get("total").asLong() == 1,
                Duration.ofSeconds(60), "package text not searchable");
        JsonNode resource = Http.get(url("/api/v1/resources/" + id)).json();
        assertThat(resource.get("title").asString()).isEqualTo("Bài giảng điện tử: Hàm số bậc nhất");
        String launch = resource.get("files").get(0).get("launch").asString();
        assertThat(launch).endsWith("/package/bai/index.html");

        Http.Response page = Http.get(url(launch));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains(word);
        assertThat(page.header("Content-Security-Policy")).startsWith("sandbox").doesNotContain("allow-same-origin");
        assertThat(page.headers().allValues("Content-Security-Policy")).hasSize(1);

        assertThat(Http.get(url(launch.replace("bai/index.html", "../../../etc/passwd"))).status()).isIn(400, 404);
        assertThat(Http.get(url(launch.replace("bai/index.html", "%2e%2e/%2e%2e/x"))).status()).isIn(400, 404);
        assertThat(Http.get(url(launch.replace("bai/index.html", "imsmanifest.xml"))).status()).isEqualTo(200);
        assertThat(Http.get(url("/resources/" + id)).body()).contains("sandbox=\"allow-scripts");
    }

    @Test
    void aHiddenPackageCannotBeOpenedByOthers() throws Exception {
        String uploader = Http.basic(account("librarian-scorm2", Role.LIBRARIAN, "HN-THPT-BDM"), PASSWORD);
        String word = "hid" + UUID.randomUUID().toString().substring(0, 8);
        Uploads.Created created = Uploads.resource().visibility("LIBRARY").file("an.zip", scorm(word)).by(uploader)
                .to(url(""));
        long id = created.id();
        long fileId = created.fileId();
        awaitIngestIdle();
        assertThat(Http.get(url("/resources/" + id + "/files/" + fileId + "/package/bai/index.html")).status())
                .isEqualTo(404);
    }
}
