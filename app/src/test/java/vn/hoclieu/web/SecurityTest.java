package vn.hoclieu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.TestFiles;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/**
 * The security headers and refusals, over real HTTP: the headers every kind of
 * answer carries, a strict Content-Security-Policy that the templates can live with, CSRF on forms
 * (and none needed with a token), the session id changing at sign-in, the session cookie's flags,
 * a revoked or expired token refused at once, and user files served as downloads unless they are a
 * type a browser only shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest extends IntegrationTest {

    private static final String LIBRARY = "HN-TVHN";

    @Autowired
    JdbcTemplate jdbc;

    private String librarian;
    private long resource;
    private final Map<String, String> files = new LinkedHashMap<>();

    @BeforeAll
    void material() {
        librarian = Http.basic(account("sec-librarian", Role.LIBRARIAN, LIBRARY), PASSWORD);
        String word = UUID.randomUUID().toString();
        Uploads.Created created = Uploads.resource("Bảo mật " + word).visibility("PUBLIC")
                .file("Bài giảng " + word + ".txt", "Văn bản " + word)
                .file("trang.html", "<html><body><script>parent.alert(1)</script>" + word + "</body></html>")
                .file("hinh.svg", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script><text>" + word
                        + "</text></svg>")
                .file("chay.js", "alert('" + word + "')")
                .file("anh.gif", TestFiles.gif())
                .by(librarian).to(url(""));
        resource = created.id();
        created.json().get("files").forEach(f -> files.put(f.get("name").asString(),
                "/api/v1/resources/" + resource + "/files/" + f.get("id").asString() + "/content"));
    }

    /** Every chain and every kind of answer: pages, errors, static files, JSON, problems, OAI-PMH, health, files. */
    private List<String> addresses() {
        return List.of("/", "/search?q=" + Http.q("thư viện"), "/signin", "/resources/" + resource,
                "/resources/99999999", "/no-such-page", "/css/hoclieu.css", "/api/v1/search?q=x",
                "/api/v1/resources/" + resource, "/api/v1/resources/99999999", "/api/v1/account",
                "/oai?verb=Identify", "/actuator/health", files.values().iterator().next(),
                "/resources/" + resource + "/files/1/package/index.html");
    }

    @Test
    void everyAnswerCarriesTheUsualSecurityHeaders() {
        for (String address : addresses()) {
            Http.Response r = Http.get(url(address));
            String what = address + " (" + r.status() + ")";
            assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("same-origin");
            assertThat(r.header("X-Frame-Options")).as(what).isEqualTo("SAMEORIGIN");
            assertThat(r.header("Permissions-Policy")).as(what).contains("camera=()", "microphone=()",
                    "geolocation=()", "fullscreen=(self)");
            assertThat(r.headers().allValues("Content-Security-Policy")).as(what).hasSize(1);
            String csp = r.header("Content-Security-Policy");
            assertThat(csp).as(what).matches(".*(frame-ancestors 'self'|sandbox).*");
            // HSTS only over HTTPS: a browser would ignore it here, and a plain-HTTP install must stay reachable
            assertThat(r.header("Strict-Transport-Security")).as(what).isNull();
        }
    }

    @Test
    void pagesAndTheApiAreUnderAStrictPolicyWithoutInlineScripts() {
        for (String address : List.of("/", "/signin", "/resources/" + resource, "/api/v1/search?q=x", "/oai?verb=Identify",
                "/no-such-page")) {
            String csp = Http.get(url(address)).header("Content-Security-Policy");
            assertThat(csp).as(address).startsWith("default-src 'self';").contains("object-src 'none'",
                    "frame-ancestors 'self'", "base-uri 'self'", "form-action 'self'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "script-src", "style-src", "*");
        }
    }

    @Test
    void htstsIsSentWhenTheRequestCameOverHttps() {
        // as behind a proxy that ended TLS and said so
        for (String address : List.of("/", "/api/v1/search?q=x", "/oai?verb=Identify", "/actuator/health")) {
            Http.Response r = Http.get(url(address), "X-Forwarded-Proto", "https");
            assertThat(r.header("Strict-Transport-Security")).as(address).isEqualTo("max-age=31536000");
        }
    }

    /** CSP would stop them; this says where, before a browser test has to. */
    @Test
    void templatesHoldNoInlineScriptStyleOrEventHandler() throws Exception {
        Pattern inline = Pattern.compile("<script(?![^>]*\\b(src|type=\"application/ld\\+json\")=?)[^>]*>|<style\\b"
                + "|\\sstyle=|\\sth:style=|\\son[a-z]+=|\\sth:on[a-z]+=|javascript:", Pattern.CASE_INSENSITIVE);
        List<String> found = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path t : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(t).replaceAll("(?s)<!--.*?-->", "");
                Matcher m = inline.matcher(html);
                while (m.find()) {
                    found.add(t + ": " + m.group());
                }
            }
        }
        assertThat(found).as("move these to static/js or static/css").isEmpty();
    }

    @Test
    void aFormSentWithoutItsTokenIsRefusedWithAPageThatSaysWhatToDoAndChangesNothing() throws Exception {
        String user = account("sec-csrf-" + UUID.randomUUID().toString().substring(0, 8), Role.READER, null);
        Browser browser = new Browser(url(""));
        browser.signIn(user, PASSWORD);
        int before = tokensOf(user);
        HttpResponse<String> refused = browser.postForm("/account/tokens", "not-the-token", "name", "kịch bản",
                "expiresInDays", "30");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.body()).contains("Biểu mẫu này đã hết hạn", "tải lại trang rồi gửi lại");
        assertThat(tokensOf(user)).isEqualTo(before);
        // in English when English is chosen
        browser.get("/?lang=en");
        HttpResponse<String> english = browser.postForm("/account/tokens", "not-the-token", "name", "x");
        assertThat(english.body()).contains("This form has expired");
        // with its token the same form works
        HttpResponse<String> accepted = browser.postForm("/account/tokens", Browser.csrf(browser.get("/account").body()),
                "name", "kịch bản", "expiresInDays", "30");
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(tokensOf(user)).isEqualTo(before + 1);
        // any other refusal of a page says so too
        HttpResponse<String> forbidden = browser.postForm("/admin/accounts", Browser.csrf(browser.get("/account").body()),
                "username", "x");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Your account may not do this.");
    }

    @Test
    void theApiWithATokenNeedsNoCsrfButASessionCookieAloneChangesNothing() throws Exception {
        String user = account("sec-api-" + UUID.randomUUID().toString().substring(0, 8), Role.TEACHER, LIBRARY);
        String token = newToken(user);
        Http.Response created = Http.json("POST", url("/api/v1/collections"), Http.bearer(token),
                "{\"title\":\"Không cần CSRF\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Browser browser = new Browser(url(""));
        browser.signIn(user, PASSWORD);
        assertThat(browser.get("/api/v1/account").statusCode()).as("safe reads use the session").isEqualTo(200);
        HttpResponse<String> write = browser.postForm("/api/v1/account/tokens", Browser.csrf(browser.get("/account").body()),
                "name", "x");
        assertThat(write.statusCode()).as("even with the page's CSRF token").isEqualTo(401);
        assertThat(tokensOf(user)).isEqualTo(1);
    }

    @Test
    void theSessionIdChangesAtSignInAndTheCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        String user = account("sec-fixation", Role.READER, null);
        CookieManager jar = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(jar).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(url("/signin"))).build(),
                HttpResponse.BodyHandlers.ofString());
        String before = session(jar);
        assertThat(before).as("the sign-in form's session (it holds the CSRF token)").isNotNull();
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(url("/signin")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD + "&_csrf="
                        + Browser.csrf(form.body()))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String after = session(jar);
        assertThat(after).isNotNull().isNotEqualTo(before);
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Lax");
        // the id an attacker could have planted is worth nothing; the new one is signed in
        assertThat(Http.get(url("/account"), "Cookie", "JSESSIONID=" + before).status()).isEqualTo(302);
        assertThat(Http.get(url("/account"), "Cookie", "JSESSIONID=" + after).status()).isEqualTo(200);
    }

    @Test
    void anAdministratorsTokenOpensTheHealthDetailsAndNobodyElsesDoes() {
        // the first administrator: a second one would let other tests' "last administrator" checks pass
        String admin = "admin";
        String reader = account("sec-monitor-reader", Role.READER, null);
        Http.Response withAdmin = Http.get(url("/actuator/health"), "Authorization", Http.bearer(newToken(admin)));
        assertThat(withAdmin.status()).isEqualTo(200);
        assertThat(withAdmin.body()).as("details for an administrator").contains("\"components\"");
        Http.Response withReader = Http.get(url("/actuator/health"), "Authorization", Http.bearer(newToken(reader)));
        assertThat(withReader.status()).isEqualTo(200);
        assertThat(withReader.body()).as("the status only").doesNotContain("\"components\"");
        assertThat(Http.get(url("/actuator/health"), "Authorization", Http.bearer("hl_not-a-token")).status())
                .as("a token that is no token is refused, not taken as anonymous").isEqualTo(401);
    }

    @Test
    void aRevokedOrExpiredTokenIsRefusedAtOnceEvenForPublicReads() {
        String user = account("sec-revoke", Role.LIBRARIAN, LIBRARY);
        String token = newToken(user);
        String read = url("/api/v1/resources/" + resource);
        assertThat(Http.get(read, "Authorization", Http.bearer(token)).status()).isEqualTo(200);
        long id = jdbc.queryForObject("select t.id from api_token t join account a on a.id = t.account_id "
                + "where a.username = ? and t.revoked_at is null order by t.id desc limit 1", Long.class, user);
        assertThat(Http.json("DELETE", url("/api/v1/account/tokens/" + id), Http.bearer(token), null).status())
                .isEqualTo(204);
        // not treated as anonymous (which could read this): refused, and told why
        Http.Response revoked = Http.get(read, "Authorization", Http.bearer(token));
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("detail").asString()).isNotBlank();

        String second = newToken(user);
        assertThat(Http.get(read, "Authorization", Http.bearer(second)).status()).isEqualTo(200);
        jdbc.update("update api_token set expires_at = dateadd('SECOND', -1, current_timestamp) "
                + "where revoked_at is null and account_id = (select id from account where username = ?)", user);
        assertThat(Http.get(read, "Authorization", Http.bearer(second)).status()).isEqualTo(401);
    }

    @Test
    void userFilesAreShownInlineOnlyWhenABrowserCannotRunThem() {
        record Served(String disposition, String type, String sandbox) {
        }
        Map<String, Served> expected = Map.of(
                "txt", new Served("inline", "text/plain;charset=UTF-8", "sandbox"),
                "gif", new Served("inline", "image/gif", "sandbox"),
                "html", new Served("attachment", "application/octet-stream", "sandbox"),
                "svg", new Served("attachment", "application/octet-stream", "sandbox"),
                "js", new Served("attachment", "application/octet-stream", "sandbox"));
        files.forEach((name, address) -> {
            Http.Response r = Http.get(url(address));
            Served want = expected.get(name.substring(name.lastIndexOf('.') + 1));
            assertThat(r.status()).as(name).isEqualTo(200);
            assertThat(r.header("Content-Disposition")).as(name).startsWith(want.disposition() + ";");
            assertThat(r.header("Content-Type").replace(" ", "")).as(name).isEqualToIgnoringCase(want.type());
            assertThat(r.header("Content-Security-Policy")).as(name).startsWith(want.sandbox());
            assertThat(r.header("X-Content-Type-Options")).as(name).isEqualTo("nosniff");
            Http.Response download = Http.get(url(address + "?download=true"));
            assertThat(download.header("Content-Disposition")).as(name).startsWith("attachment;");
        });
        // RFC 6266: the Vietnamese name travels as UTF-8 in filename*
        String text = files.keySet().stream().filter(n -> n.endsWith(".txt")).findFirst().orElseThrow();
        String disposition = Http.get(url(files.get(text))).header("Content-Disposition");
        assertThat(disposition).contains("filename*=UTF-8''B%C3%A0i%20gi%E1%BA%A3ng%20");
    }

    private int tokensOf(String user) {
        return jdbc.queryForObject("select count(*) from api_token t join account a on a.id = t.account_id "
                + "where a.username = ?", Integer.class, user);
    }

    private String newToken(String user) {
        Http.Response created = Http.json("POST", url("/api/v1/account/tokens"), Http.basic(user, PASSWORD),
                "{\"name\":\"test\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode json = created.json();
        return json.get("token").asString();
    }

    private static String session(CookieManager jar) {
        return jar.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
