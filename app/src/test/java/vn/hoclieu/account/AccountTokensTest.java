package vn.hoclieu.account;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoclieu.account.AccountRegistrationTest.unique;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Uploads;

/** Personal API tokens: created on the account page or the API, used as Bearer, revoked, expired. */
@Tag(TestGroups.POSTGRES)
class AccountTokensTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTokenUploadsAsItsTeacherUntilRevoked() {
        String teacher = account(unique("gv-token"), Role.TEACHER, "HN-TVHN");
        Http.Response created = Http.json("POST", url("/api/v1/account/tokens"), Http.basic(teacher, PASSWORD),
                "{\"name\":\"máy chủ trường\",\"expiresInDays\":30}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().get("token").asString();
        long id = created.json().get("id").asLong();
        assertThat(token).startsWith("hl_").hasSize(46);
        assertThat(created.json().get("expiresAt").isNull()).isFalse();

        Http.Response upload = upload(token);
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        assertThat(Http.get(url("/api/v1/account"), "Authorization", Http.bearer(token)).json()
                .get("username").asString()).isEqualTo(teacher);

        JsonNode listed = Http.get(url("/api/v1/account/tokens"), "Authorization", Http.bearer(token)).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asString()).isEqualTo("máy chủ trường");
        assertThat(listed.get(0).get("prefix").asString()).isEqualTo(token.substring(0, 9));
        assertThat(listed.get(0).get("lastUsedAt").isNull()).as("last use recorded").isFalse();
        assertThat(listed.toString()).doesNotContain(token);

        assertThat(Http.json("DELETE", url("/api/v1/account/tokens/" + id), Http.bearer(token), null).status())
                .isEqualTo(204);
        Http.Response refused = upload(token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("đã bị thu hồi");
    }

    @Test
    void aReadersTokenAuthenticatesButMayNotUpload() {
        String reader = account(unique("bd-token"), Role.READER, null);
        String token = create(reader, "đọc");
        assertThat(upload(token).status()).isEqualTo(403);
    }

    @Test
    void onlyTheTokensHashIsStored() {
        String teacher = account(unique("gv-hash"), Role.TEACHER, "HN-TVHN");
        String token = create(teacher, "hash");
        List<Map<String, Object>> rows = jdbc.queryForList("select * from api_token");
        assertThat(rows).isNotEmpty();
        assertThat(rows.toString()).doesNotContain(token).doesNotContain(token.substring(3));
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Long.class,
                sha256(token))).isEqualTo(1L);
    }

    @Test
    void anExpiredTokenIsRefusedAndSaysSo() {
        String teacher = account(unique("gv-exp"), Role.TEACHER, "HN-TVHN");
        String token = create(teacher, "cũ");
        // a minute ago, as a parameter: the same SQL on H2 and PostgreSQL
        jdbc.update("update api_token set expires_at = ? where token_hash = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), sha256(token));
        Http.Response refused = upload(token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("đã hết hạn");
        assertThat(Http.get(url("/api/v1/account"), "Authorization", Http.bearer(token), "Accept-Language", "en")
                .json().get("detail").asString()).contains("expired");
    }

    @Test
    void anUnknownTokenIsRefused() {
        Http.Response refused = Http.get(url("/api/v1/account"), "Authorization", Http.bearer("hl_not-a-real-token"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("không đúng");
        assertThat(refused.header("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void aDisabledAccountsTokensStopWorking() {
        String teacher = account(unique("gv-khoa"), Role.TEACHER, "HN-TVHN");
        String token = create(teacher, "khóa");
        long id = accounts.byUsername(teacher).orElseThrow().getId();
        assertThat(Http.json("PATCH", url("/api/v1/admin/accounts/" + id), Http.basic("admin", PASSWORD),
                "{\"enabled\":false}").status()).isEqualTo(200);
        Http.Response refused = upload(token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("đã bị khóa");
    }

    @Test
    void theAccountPageShowsANewTokenOnceAndRevokesIt() throws Exception {
        String teacher = account(unique("gv-web"), Role.TEACHER, "HN-TVHN");
        Browser browser = new Browser(url(""));
        browser.signIn(teacher, PASSWORD);
        HttpResponse<String> page = browser.get("/account");
        assertThat(page.body()).contains("Bạn chưa có mã truy cập nào").contains("Giáo viên");

        HttpResponse<String> refused = browser.postForm("/account/tokens", Browser.csrf(page.body()), "name", " ",
                "expiresInDays", "");
        assertThat(refused.body()).contains("Hãy đặt tên cho mã truy cập");
        HttpResponse<String> notANumber = browser.postForm("/account/tokens", Browser.csrf(page.body()), "name", "x",
                "expiresInDays", "mãi mãi");
        assertThat(notANumber.body()).contains("Giá trị này không hợp lệ").doesNotContain("class=\"secret\"");

        HttpResponse<String> created = browser.postForm("/account/tokens", Browser.csrf(page.body()),
                "name", "script của tôi", "expiresInDays", "90");
        assertThat(created.statusCode()).isEqualTo(302);
        String shown = browser.get("/account").body();
        Matcher m = Pattern.compile("<code class=\"secret\">(hl_[^<]+)</code>").matcher(shown);
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        assertThat(browser.get("/account").body()).as("shown once").doesNotContain(token)
                .contains("script của tôi").contains(token.substring(0, 9));
        assertThat(upload(token).status()).isEqualTo(201);

        Matcher revoke = Pattern.compile("action=\"(/account/tokens/\\d+/revoke)\"").matcher(shown);
        assertThat(revoke.find()).isTrue();
        HttpResponse<String> revoked = browser.postForm(revoke.group(1), Browser.csrf(shown));
        assertThat(revoked.headers().firstValue("Location").orElseThrow()).contains("revoked");
        assertThat(upload(token).status()).isEqualTo(401);
    }

    @Test
    void oneAccountCannotRevokeAnothersToken() {
        String owner = account(unique("chu"), Role.TEACHER, "HN-TVHN");
        String other = account(unique("khac"), Role.READER, null);
        long id = Http.json("POST", url("/api/v1/account/tokens"), Http.basic(owner, PASSWORD), "{\"name\":\"a\"}")
                .json().get("id").asLong();
        assertThat(Http.json("DELETE", url("/api/v1/account/tokens/" + id), Http.basic(other, PASSWORD), null).status())
                .isEqualTo(404);
        assertThat(Http.get(url("/api/v1/account/tokens"), "Authorization", Http.basic(owner, PASSWORD)).json())
                .hasSize(1);
        assertThat(Http.get(url("/api/v1/account/tokens")).status()).isEqualTo(401);
    }

    private String create(String username, String name) {
        Http.Response created = Http.json("POST", url("/api/v1/account/tokens"), Http.basic(username, PASSWORD),
                "{\"name\":\"" + name + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("token").asString();
    }

    /** An upload made with the token, whatever its answer. */
    private Http.Response upload(String token) {
        return Uploads.resource("Thử mã truy cập").visibility("PUBLIC").by(Http.bearer(token)).send(url(""));
    }

    private static String sha256(String raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
