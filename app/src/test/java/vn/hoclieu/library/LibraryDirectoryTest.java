package vn.hoclieu.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/** Administrators register libraries; everyone reads the directory and each library's page. */
class LibraryDirectoryTest extends IntegrationTest {

    private static final String ADMIN = Http.basic("admin", PASSWORD);

    @Test
    void anAdministratorRegistersALibraryOverTheApi() {
        String code = code();
        Http.Response created = Http.json("POST", url("/api/v1/admin/libraries"), ADMIN,
                "{\"code\":\"" + code + "\",\"name\":\"Trung tâm GDTX Thử\",\"type\":\"CONTINUING_EDUCATION_CENTRE\","
                        + "\"district\":\"Cầu Giấy\",\"ward\":\"Dịch Vọng\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("code").asString()).isEqualTo(code);

        Http.Response again = Http.json("POST", url("/api/v1/admin/libraries"), ADMIN,
                "{\"code\":\"" + code + "\",\"name\":\"Trùng\",\"type\":\"SCHOOL\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Http.json("POST", url("/api/v1/admin/libraries"), ADMIN,
                "{\"code\":\"có dấu\",\"name\":\"X\",\"type\":\"SCHOOL\"}").json().get("detail").asString())
                .contains("HN-THPT-BDM");
        assertThat(Http.json("POST", url("/api/v1/admin/libraries"), ADMIN, "{\"code\":\"" + code() + "\",\"type\":\"SCHOOL\"}")
                .status()).isEqualTo(400);
        String teacher = Http.basic(account("library-teacher", Role.TEACHER, "HN-TVHN"), PASSWORD);
        assertThat(Http.json("POST", url("/api/v1/admin/libraries"), teacher,
                "{\"code\":\"" + code() + "\",\"name\":\"X\",\"type\":\"SCHOOL\"}").status()).isEqualTo(403);

        Http.Response renamed = Http.json("PUT", url("/api/v1/admin/libraries/" + code), ADMIN,
                "{\"name\":\"Trung tâm GDTX Cầu Giấy\",\"type\":\"CONTINUING_EDUCATION_CENTRE\",\"district\":\"Cầu Giấy\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(Http.get(url("/api/v1/libraries/" + code)).json().get("name").asString())
                .isEqualTo("Trung tâm GDTX Cầu Giấy");
        assertThat(Http.get(url("/api/v1/libraries?type=CONTINUING_EDUCATION_CENTRE")).body()).contains(code);
        assertThat(Http.get(url("/api/v1/libraries?type=SCHOOL")).body()).doesNotContain(code)
                .contains("HN-THPT-BDM");
        assertThat(Http.get(url("/api/v1/libraries?district=" + Http.q("Cầu Giấy"))).body()).contains(code)
                .doesNotContain("HN-TVHN");
        assertThat(Http.get(url("/api/v1/libraries/NO-SUCH-LIB")).status()).isEqualTo(404);
    }

    @Test
    void aLibrarysPageShowsItsNewestMaterialsVisibleToTheViewer() {
        String code = code();
        assertThat(Http.json("POST", url("/api/v1/admin/libraries"), ADMIN,
                "{\"code\":\"" + code + "\",\"name\":\"Thư viện Phường Thử\",\"type\":\"PUBLIC\",\"district\":\"Đống Đa\"}")
                .status()).isEqualTo(201);
        String open = "Sách mở của phường " + UUID.randomUUID().toString().substring(0, 6);
        Uploads.resource(open).visibility("PUBLIC").library(code).by(ADMIN).to(url(""));
        Uploads.resource("Tài liệu nội bộ phường").visibility("LIBRARY").library(code).by(ADMIN).to(url(""));
        await(() -> Http.get(url("/api/v1/libraries/" + code), "Authorization", ADMIN).json().get("materials")
                .asLong() == 2, Duration.ofSeconds(30), "both uploads never counted");

        JsonNode anonymous = Http.get(url("/api/v1/libraries/" + code)).json();
        assertThat(anonymous.get("materials").asLong()).isEqualTo(1);
        assertThat(anonymous.get("newest").get(0).get("title").asString()).isEqualTo(open);
        assertThat(anonymous.get("type").asString()).isEqualTo("PUBLIC");

        String page = Http.get(url("/libraries/" + code)).body();
        assertThat(page).contains("Thư viện Phường Thử").contains("Thư viện công cộng").contains("Đống Đa")
                .contains(open).doesNotContain("Tài liệu nội bộ phường")
                .contains("name=\"library\" value=\"" + code + "\"");
        String directory = Http.get(url("/libraries")).body();
        assertThat(directory).contains("Thư viện Phường Thử").contains("Trung tâm học tập cộng đồng");
        assertThat(Http.get(url("/libraries?type=SCHOOL")).body()).doesNotContain("Thư viện Phường Thử")
                .contains("Thư viện Trường THPT Ba Đình Mẫu");
        assertThat(Http.get(url("/libraries?district=" + Http.q("Đống Đa"))).body()).contains("Thư viện Phường Thử")
                .doesNotContain("Thư viện Trường THPT Ba Đình Mẫu");
        assertThat(Http.get(url("/libraries/NO-SUCH-LIB")).status()).isEqualTo(404);
    }

    @Test
    void anAdministratorRegistersALibraryAndItsLibrarianOnThePages() throws Exception {
        Browser admin = new Browser(url(""));
        admin.signIn("admin", PASSWORD);
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/libraries\"");
        HttpResponse<String> list = admin.get("/admin/libraries");
        assertThat(list.statusCode()).isEqualTo(200);

        HttpResponse<String> bad = admin.postForm("/admin/libraries", Browser.csrf(list.body()), "code", "x",
                "name", "Thư viện sai mã", "type", "SCHOOL");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Mã thư viện gồm");

        String code = code();
        HttpResponse<String> created = admin.postForm("/admin/libraries", Browser.csrf(list.body()), "code", code,
                "name", "Thư viện Trường THCS Thử", "type", "SCHOOL", "district", "Tây Hồ", "ward", "Bưởi");
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/admin/libraries/" + code + "?created");
        String page = admin.get("/admin/libraries/" + code + "?created").body();
        assertThat(page).contains("Đã thêm thư viện")
                .contains("href=\"/admin/accounts/new?library=" + code + "&amp;role=LIBRARIAN\"");

        String accountForm = admin.get("/admin/accounts/new?library=" + code + "&role=LIBRARIAN").body();
        assertThat(accountForm).containsPattern("<option value=\"" + code + "\" selected=\"selected\"")
                .containsPattern("<option value=\"LIBRARIAN\" selected=\"selected\"");

        HttpResponse<String> saved = admin.postForm("/admin/libraries/" + code, Browser.csrf(page),
                "name", "Thư viện Trường THCS Bưởi", "type", "SCHOOL", "district", "Tây Hồ", "ward", "Bưởi");
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("?saved");
        assertThat(Http.get(url("/libraries/" + code)).body()).contains("Thư viện Trường THCS Bưởi").contains("Bưởi, Tây Hồ");

        assertThat(Http.get(url("/admin/libraries")).status()).isEqualTo(302);
    }

    private static String code() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
