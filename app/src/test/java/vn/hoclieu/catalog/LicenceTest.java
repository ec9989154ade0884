package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/** Licences over real HTTP: the chooser, badges, the search filter, attribution text. */
class LicenceTest extends IntegrationTest {

    private String uploader;

    @BeforeEach
    void accounts() {
        // a librarian publishes at once (a teacher's upload waits for review)
        uploader = Http.basic(account("librarian-licence", Role.LIBRARIAN, "HN-THPT-BDM"), PASSWORD);
    }

    @Test
    void uploadFormOffersExplainedChoicesAndKeepsTheChosenLicence() throws Exception {
        account("uploader-licence-web", Role.TEACHER, "HN-TVHN");
        Browser browser = new Browser(url(""));
        browser.signIn("uploader-licence-web", PASSWORD);
        String form = browser.get("/upload").body();
        assertThat(form).contains("type=\"radio\" name=\"licence\" id=\"licence-CC-BY-NC-SA-4.0\"")
                .contains("Cho phép người khác dùng lại, chỉnh sửa, kể cả thương mại, miễn ghi tên tác giả.")
                .contains("Giúp tôi chọn").contains("<label for=\"licence-CC-BY-ND-4.0\">CC BY-ND 4.0</label>")
                .contains("id=\"licence-ALL-RIGHTS-RESERVED\"").contains("id=\"licence-none\"");

        String boundary = "----form" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + Browser.csrf(form)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nBản đồ khu phố"
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"licence\"\r\n\r\nCC-BY-SA-4.0"
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ban-do.txt\""
                + "\r\nContent-Type: text/plain\r\n\r\nBản đồ khu phố em ở " + UUID.randomUUID()
                + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> posted = browser.postMultipart("/upload", boundary, body.getBytes(StandardCharsets.UTF_8));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String page = browser.get(posted.headers().firstValue("Location").orElseThrow().replace(url(""), "")).body();

        assertThat(page).contains("class=\"badge licence\" rel=\"license\" href=\"https://creativecommons.org/licenses/by-sa/4.0/\"")
                .contains("<span>CC BY-SA 4.0</span>")
                .contains("Creative Commons Ghi công – Chia sẻ tương tự 4.0 Quốc tế");
    }

    @Test
    void apiStoresKnownIdsInTheirOwnSpellingAndKeepsOtherIds() {
        JsonNode lowerCase = published("Chữ thường").licence("cc-by-nc-4.0").to(url("")).json();
        assertThat(lowerCase.get("licence").asString()).isEqualTo("CC-BY-NC-4.0");
        JsonNode spdx = published("SPDX").licence("LicenseRef-All-Rights-Reserved").to(url("")).json();
        assertThat(spdx.get("licence").asString()).isEqualTo("ALL-RIGHTS-RESERVED");
        JsonNode other = published("Phần mềm").licence("MIT").to(url("")).json();
        assertThat(other.get("licence").asString()).isEqualTo("MIT");
        assertThat(Http.get(url("/resources/" + other.get("id").asLong())).body())
                .contains("href=\"https://spdx.org/licenses/MIT.html\">MIT</a>");

        JsonNode licences = Http.get(url("/api/v1/licences"), "Accept-Language", "en").json();
        assertThat(licences).hasSize(8);
        assertThat(licences.get(1).get("id").asString()).isEqualTo("CC-BY-4.0");
        assertThat(licences.get(1).get("name").asString()).isEqualTo("Creative Commons Attribution 4.0 International");
        assertThat(licences.get(1).get("commercialUse").asBoolean()).isTrue();
        assertThat(licences.get(4).get("commercialUse").asBoolean()).isFalse();
    }

    @Test
    void aResourceWithoutLicenceSaysItIsUnknown() {
        long id = published("Không giấy phép").to(url("")).id();
        assertThat(Http.get(url("/api/v1/resources/" + id)).json().get("licence").isNull()).isTrue();
        String page = Http.get(url("/resources/" + id)).body();
        assertThat(page).contains("class=\"badge licence unknown\">Chưa rõ giấy phép</span>")
                .contains("hãy hỏi tác giả hoặc thư viện trước khi dùng lại");
    }

    @Test
    void searchFiltersByLicenceAndNamesItInFiltersAndHits() {
        String word = "lic" + UUID.randomUUID().toString().substring(0, 8);
        published("Tài liệu " + word).licence("CC-BY-NC-ND-4.0").to(url(""));
        await(() -> Http.get(url("/api/v1/search?q=" + word)).json().get("total").asLong() == 1,
                Duration.ofSeconds(30), "upload not searchable");

        JsonNode filtered = Http.get(url("/api/v1/search?q=" + word + "&licence=CC-BY-NC-ND-4.0")).json();
        assertThat(filtered.get("total").asLong()).isEqualTo(1);
        assertThat(filtered.get("hits").get(0).get("licence").asString()).isEqualTo("CC-BY-NC-ND-4.0");
        assertThat(Http.get(url("/api/v1/search?q=" + word + "&licence=CC-BY-4.0")).json().get("total").asLong())
                .isZero();

        String html = Http.get(url("/search?q=" + word)).body();
        assertThat(html).contains("href=\"/search?q=" + word + "&amp;licence=CC-BY-NC-ND-4.0\"")
                .contains("<span>CC BY-NC-ND 4.0</span>")
                .doesNotContain(">CC-BY-NC-ND-4.0<")
                // the hit's badge, linked to the deed
                .contains("class=\"badge licence\" rel=\"license\" href=\"https://creativecommons.org/licenses/by-nc-nd/4.0/\"");
    }

    @Test
    void attributionOfACcByResourceNamesTitleAuthorSourceAndLicence() {
        long id = published("Hàm số <bậc nhất>").licence("CC-BY-4.0").creators("Nguyễn Thị Hoa").to(url("")).id();
        String library = Http.get(url("/api/v1/resources/" + id)).json().get("libraryName").asString();
        String page = url("/resources/" + id);

        JsonNode vi = Http.get(url("/api/v1/resources/" + id + "/attribution")).json();
        assertThat(vi.get("text").asString()).isEqualTo("“Hàm số <bậc nhất>” của Nguyễn Thị Hoa, nguồn: " + library + ", "
                + page + ". Giấy phép: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).");
        assertThat(vi.get("html").asString()).isEqualTo("“<a href=\"" + page + "\">Hàm số &lt;bậc nhất&gt;</a>” của "
                + "Nguyễn Thị Hoa, nguồn: " + library + ". Giấy phép: <a rel=\"license\" "
                + "href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>.");

        JsonNode en = Http.get(url("/api/v1/resources/" + id + "/attribution"), "Accept-Language", "en").json();
        assertThat(en.get("text").asString()).isEqualTo("“Hàm số <bậc nhất>” by Nguyễn Thị Hoa, source: " + library + ", "
                + page + ". Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).");

        // the page offers both languages, plain and HTML, ready to copy (escaped inside the text areas)
        String html = Http.get(page).body();
        assertThat(html).contains("Ghi nguồn (tiếng Việt)").contains("Ghi nguồn (tiếng Anh)")
                .contains("“Hàm số &lt;bậc nhất&gt;” by Nguyễn Thị Hoa")
                .contains("&lt;a rel=&quot;license&quot; href=&quot;https://creativecommons.org/licenses/by/4.0/&quot;&gt;");
    }

    @Test
    void attributionOfAnAllRightsReservedResourceSaysToAskFirst() {
        long id = published("Giáo án riêng").licence("ALL-RIGHTS-RESERVED").to(url("")).id();
        JsonNode vi = Http.get(url("/api/v1/resources/" + id + "/attribution")).json();
        assertThat(vi.get("text").asString()).startsWith("“Giáo án riêng”, nguồn: ")
                .endsWith(". Giấy phép: Bảo lưu mọi quyền — muốn dùng lại, hãy xin phép tác giả.");
        assertThat(vi.get("html").asString()).doesNotContain("rel=\"license\"");
        JsonNode en = Http.get(url("/api/v1/resources/" + id + "/attribution"), "Accept-Language", "en").json();
        assertThat(en.get("text").asString()).endsWith("Licence: All rights reserved — ask the author before reusing it.");
        assertThat(Http.get(url("/resources/" + id)).body()).contains("class=\"badge licence reserved\"");
    }

    @Test
    void attributionOfAResourceTheCallerMayNotSeeIsNotFound() {
        long id = Uploads.resource().licence("CC-BY-4.0").visibility("LIBRARY").by(uploader).to(url("")).id();
        assertThat(Http.get(url("/api/v1/resources/" + id + "/attribution")).status()).isEqualTo(404);
        assertThat(Http.get(url("/api/v1/resources/" + id + "/attribution"), "Authorization", uploader).status())
                .isEqualTo(200);
    }

    /** A public upload by the librarian, published at once. */
    private Uploads published(String title) {
        return Uploads.resource(title).visibility("PUBLIC").by(uploader);
    }
}
