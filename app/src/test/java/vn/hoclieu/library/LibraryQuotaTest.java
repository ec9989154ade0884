package vn.hoclieu.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.account.Role;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/**
 * A storage quota per library (V17): set by an administrator through the API and the library's
 * admin page; an upload that would take the library over it is refused with 507 saying what is
 * used and allowed; its librarians see the use on the library's page, nobody else does.
 */
@Tag(TestGroups.POSTGRES)
class LibraryQuotaTest extends IntegrationTest {

    private static final String ADMIN = Http.basic("admin", PASSWORD);

    @Test
    void aLibraryOverItsQuotaRefusesTheUploadWithWhatIsUsedAndAllowedAndItsLibrariansSeeTheUse() throws Exception {
        String code = "HN-HANMUC-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Http.Response created = Http.json("POST", url("/api/v1/admin/libraries"), ADMIN,
                "{\"code\":\"" + code + "\",\"name\":\"Thư viện có hạn mức\",\"type\":\"PUBLIC\",\"quotaBytes\":1024}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("quotaBytes").asLong()).isEqualTo(1024);
        // the JSON names a library by its code: the id other modules store is never shown, the quota
        // only to administrators
        assertThat(created.json().has("id")).isFalse();
        JsonNode listed = null;
        for (JsonNode l : Http.get(url("/api/v1/libraries")).json()) {
            if (l.get("code").asString().equals(code)) {
                listed = l;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.has("quotaBytes")).isFalse();
        assertThat(listed.has("id")).isFalse();
        String librarian = account("thu-thu-" + code.toLowerCase(), Role.LIBRARIAN, code);
        String auth = Http.basic(librarian, PASSWORD);

        Http.Response first = Http.upload(url("/api/v1/resources"), auth, Map.of("a.txt", text(600)), null);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Http.Response second = Http.upload(url("/api/v1/resources"), auth, Map.of("b.txt", text(600)), null);
        assertThat(second.status()).isEqualTo(507);
        assertThat(second.json().get("detail").asString())
                .isEqualTo("Thư viện “Thư viện có hạn mức” đã dùng 600 B trên 1 KB dung lượng được cấp; tệp này cần thêm 600 B. "
                        + "Hãy xoá bớt tài liệu hoặc nhờ quản trị viên nâng hạn mức.");

        // the library's librarians see the use, in the page and the JSON; a visitor does not
        Browser browser = new Browser(url(""));
        browser.signIn(librarian, PASSWORD);
        assertThat(HtmlUtils.htmlUnescape(browser.get("/libraries/" + code).body()))
                .contains("Dung lượng đã dùng: 600 B trên 1 KB được cấp.");
        JsonNode mine = Http.get(url("/api/v1/libraries/" + code), "Authorization", auth).json();
        assertThat(mine.get("storage").get("usedBytes").asLong()).isEqualTo(600);
        assertThat(mine.get("storage").get("quotaBytes").asLong()).isEqualTo(1024);
        assertThat(Http.get(url("/api/v1/libraries/" + code)).json().has("storage")).isFalse();
        assertThat(Http.get(url("/libraries/" + code)).body()).doesNotContain("Dung lượng đã dùng");

        // the administrator raises it on the library's admin page: the upload then goes in
        Browser admin = new Browser(url(""));
        admin.signIn("admin", PASSWORD);
        HttpResponse<String> page = admin.get("/admin/libraries/" + code);
        assertThat(page.body()).contains("id=\"quota\"").contains("value=\"1024\"");
        HttpResponse<String> bad = admin.postForm("/admin/libraries/" + code, Browser.csrf(page.body()),
                "name", "Thư viện có hạn mức", "type", "PUBLIC", "quota", "nhiều lắm");
        assertThat(HtmlUtils.htmlUnescape(bad.body())).contains("Hạn mức “nhiều lắm” không hợp lệ");
        HttpResponse<String> saved = admin.postForm("/admin/libraries/" + code, Browser.csrf(page.body()),
                "name", "Thư viện có hạn mức", "type", "PUBLIC", "quota", "2 KB");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(Http.get(url("/api/v1/admin/libraries/" + code), "Authorization", ADMIN).json().get("quotaBytes").asLong())
                .isEqualTo(2048);
        assertThat(Http.upload(url("/api/v1/resources"), auth, Map.of("b.txt", text(600)), null).status()).isEqualTo(201);
        assertThat(HtmlUtils.htmlUnescape(browser.get("/libraries/" + code).body()))
                .contains("Dung lượng đã dùng: 1,2 KB trên 2 KB được cấp.");

        // no quota: no limit, and the use is still shown
        Http.Response none = Http.json("PUT", url("/api/v1/admin/libraries/" + code), ADMIN,
                "{\"name\":\"Thư viện có hạn mức\",\"type\":\"PUBLIC\"}");
        assertThat(none.json().has("quotaBytes")).isFalse();
        assertThat(Http.upload(url("/api/v1/resources"), auth, Map.of("c.txt", text(2000)), null).status()).isEqualTo(201);
        assertThat(HtmlUtils.htmlUnescape(browser.get("/libraries/" + code).body())).contains("(không giới hạn)");
    }

    private static byte[] text(int bytes) {
        String unique = UUID.randomUUID() + " ";
        return (unique + "x".repeat(bytes - unique.length())).getBytes(StandardCharsets.UTF_8);
    }
}
