package vn.hoclieu.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.SmallFiles;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.TestFiles;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/**
 * Every endpoint × every kind of caller × every kind of target, compared with
 * the table in {@code src/test/resources/security/authorization-matrix.txt}.
 *
 * <p>The endpoints are read from Spring MVC's request mappings when the test runs, so an endpoint
 * added without a row in the table fails the test (and one removed leaves a stale row, which fails
 * too). Callers are the seven columns of the table: anonymous, a reader in no library, a reader who
 * is a member of library A, a teacher of A, A's librarian, B's librarian and an administrator. On the
 * API each column is called with that person's personal API token; on pages with that person's
 * signed-in browser session (and the form's CSRF token, so that what is tested is the permission,
 * not the token). Targets are resources of library A that are PUBLIC, NETWORK, LIBRARY, PENDING (a
 * teacher's upload), WITHDRAWN, or SHARED (LIBRARY, shared with B); and collections that are PUBLIC
 * (A's) or PRIVATE (the teacher's).
 *
 * <p>Besides the seven columns, each row is also checked for callers whose answer follows from them:
 * a revoked token is refused on every API call (401) — never treated as anonymous; a browser session
 * on the API reads as its person (GET) but changes nothing (POST, even with the page's CSRF token, is
 * answered as for anonymous); a token sent to a page is ignored (the page answers as for anonymous).
 *
 * <p>Outcomes are HTTP status codes, except {@code signin}: a redirect to the sign-in page. Every
 * change a call makes to the fixtures is undone before the next call, so rows do not depend on order.
 * Calls that would change the network itself (a new library) are sent with a body the endpoint
 * refuses (400) — reached only by someone allowed past the permission check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends IntegrationTest {

    static final Path TABLE = Path.of("src/test/resources/security/authorization-matrix.txt");
    static final Path OBSERVED = Path.of("target/authorization-matrix.observed.txt");
    private static final String A = "HN-TVHN", B = "HN-THPT-BDM";
    private static final long NONE = 99_999_999L;

    enum Caller { ANONYMOUS, READER, MEMBER, TEACHER, LIBRARIAN_A, LIBRARIAN_B, ADMIN }

    private static final List<String> RESOURCE_TARGETS = List.of("PUBLIC", "NETWORK", "LIBRARY", "PENDING",
            "WITHDRAWN", "SHARED");
    private static final List<String> COLLECTION_TARGETS = List.of("PUBLIC", "PRIVATE");
    /** A running, open reading programme of A's PUBLIC collection, which MEMBER joined and finished. */
    private static final List<String> PROGRAMME_TARGETS = List.of("PROGRAMME");

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    private final Map<Caller, String> users = new EnumMap<>(Caller.class);
    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    private final Map<Caller, Browser> browsers = new EnumMap<>(Caller.class);
    private final Map<Caller, String> csrf = new EnumMap<>(Caller.class);
    private String revokedToken;
    private long spareTokenId;

    private final Map<String, Long> resources = new LinkedHashMap<>();
    private final Map<String, Long> files = new LinkedHashMap<>();
    /** Each resource's PDF, whose pages the page-picture endpoint draws. */
    private final Map<String, Long> pdfs = new LinkedHashMap<>();
    private final Map<String, Long> resourceLinks = new LinkedHashMap<>();
    private final Map<String, Long> collections = new LinkedHashMap<>();
    private final Map<String, Long> collectionLinks = new LinkedHashMap<>();
    private String openLinkToken;
    private long programme;
    private long victimAccount;
    private long bulkImport;
    private final AtomicInteger unique = new AtomicInteger();

    @BeforeAll
    void fixtures() throws Exception {
        users.put(Caller.READER, account("am-reader", Role.READER, null));
        users.put(Caller.MEMBER, account("am-member", Role.READER, A));
        users.put(Caller.TEACHER, account("am-teacher", Role.TEACHER, A));
        users.put(Caller.LIBRARIAN_A, account("am-librarian-a", Role.LIBRARIAN, A));
        users.put(Caller.LIBRARIAN_B, account("am-librarian-b", Role.LIBRARIAN, B));
        users.put(Caller.ADMIN, "admin");
        victimAccount = accounts.byUsername(account("am-victim", Role.READER, null)).orElseThrow().getId();
        for (Caller c : Caller.values()) {
            Browser browser = new Browser(url(""));
            if (c != Caller.ANONYMOUS) {
                tokens.put(c, newToken(users.get(c)));
                assertThat(browser.signIn(users.get(c), PASSWORD).headers().firstValue("Location").orElse(""))
                        .doesNotContain("error");
            }
            browsers.put(c, browser);
            csrf.put(c, Browser.csrf(browser.get("/signin").body()));
        }
        revokedToken = newToken(users.get(Caller.LIBRARIAN_A));
        assertThat(Http.json("DELETE", url("/api/v1/account/tokens/" + lastTokenId(Caller.LIBRARIAN_A)),
                Http.bearer(revokedToken), null).status()).isEqualTo(204);
        newToken(users.get(Caller.LIBRARIAN_A));
        spareTokenId = lastTokenId(Caller.LIBRARIAN_A);

        String librarianA = Http.bearer(tokens.get(Caller.LIBRARIAN_A));
        for (String kind : RESOURCE_TARGETS) {
            String visibility = switch (kind) {
                case "NETWORK", "LIBRARY" -> kind;
                case "SHARED" -> "LIBRARY";
                default -> "PUBLIC";
            };
            String uploader = kind.equals("PENDING") ? Http.bearer(tokens.get(Caller.TEACHER)) : librarianA;
            String word = "am" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            Uploads.Created created = Uploads.resource(kind + " " + word).visibility(visibility).library(A)
                    .file(word + ".zip", TestFiles.scorm("<p>" + word + "</p>")).file(word + ".gif", TestFiles.gif())
                    .file(word + ".pdf", SmallFiles.pdf(word)).by(uploader).to(url(""));
            resources.put(kind, created.id());
            files.put(kind, created.fileId());
            created.json().get("files").forEach(f -> {
                if (f.get("name").asString().endsWith(".pdf")) {
                    pdfs.put(kind, f.get("id").asLong());
                }
            });
        }
        post("/api/v1/resources/" + resources.get("WITHDRAWN") + "/withdraw", librarianA, null, 200);
        post("/api/v1/resources/" + resources.get("SHARED") + "/shares", librarianA, "{\"library\":\"" + B + "\"}", 200);
        String admin = Http.bearer(tokens.get(Caller.ADMIN));
        for (String kind : RESOURCE_TARGETS) {
            Http.Response link = Http.json("POST", url("/api/v1/resources/" + resources.get(kind) + "/links"), admin,
                    "{\"days\":7}");
            resourceLinks.put(kind, link.status() == 201 ? link.json().get("id").asLong() : NONE);
        }
        // to PUBLIC material: opening it grants the session nothing that would change the rows after it
        JsonNode open = post("/api/v1/resources/" + resources.get("PUBLIC") + "/links", admin, "{\"days\":7}", 201);
        openLinkToken = open.get("url").asString().replaceFirst("^.*/s/", "");

        collections.put("PUBLIC", post("/api/v1/collections", librarianA, "{\"title\":\"Bộ sưu tập của A\","
                + "\"visibility\":\"PUBLIC\",\"library\":\"" + A + "\"}", 201).get("id").asLong());
        collections.put("PRIVATE", post("/api/v1/collections", Http.bearer(tokens.get(Caller.TEACHER)),
                "{\"title\":\"Của cô giáo\"}", 201).get("id").asLong());
        for (String kind : COLLECTION_TARGETS) {
            collectionLinks.put(kind, post("/api/v1/collections/" + collections.get(kind) + "/links", admin,
                    "{\"days\":7}", 201).get("id").asLong());
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        programme = post("/api/v1/reading-programmes", librarianA, "{\"collection\":" + collections.get("PUBLIC")
                + ",\"title\":\"Chương trình của A\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today.plusDays(30)
                + "\",\"open\":true}", 201).get("id").asLong();
        Http.Response imported = Http.upload(url("/api/v1/imports"), librarianA,
                Map.of("am.zip", zip("am-" + UUID.randomUUID() + ".txt")), null);
        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        bulkImport = imported.json().get("id").asLong();
        awaitIngestIdle();
        restore();
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheTableSays() throws Exception {
        Map<String, List<String>> table = readTable();
        List<String> endpoints = endpoints();
        List<String> failures = new ArrayList<>();
        Map<String, String> observed = new ConcurrentSkipListMap<>();

        // reads change nothing: their rows run side by side; then every change, one at a time
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Map<String, Future<List<String>>> reads = new LinkedHashMap<>();
        List<String[]> changes = new ArrayList<>();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
            for (String target : targetsOf(pattern)) {
                if (method.equals("GET")) {
                    reads.put(endpoint + " " + target, pool.submit(() -> check(method, pattern, target, table, observed)));
                } else {
                    changes.add(new String[] {method, pattern, target});
                }
            }
        }
        try {
            for (Future<List<String>> read : reads.values()) {
                failures.addAll(read.get());
            }
        } finally {
            pool.shutdown();
        }
        for (String[] change : changes) {
            failures.addAll(check(change[0], change[1], change[2], table, observed));
        }
        for (String row : table.keySet()) {
            if (!observed.containsKey(row)) {
                failures.add("a row for an endpoint or target that does not exist: " + row);
            }
        }
        Files.createDirectories(OBSERVED.getParent());
        Files.write(OBSERVED, observed.values());
        awaitRebuildIdle();
        awaitIngestIdle();
        assertThat(failures).as("differences from the table (what was observed is in " + OBSERVED + ")").isEmpty();
        assertThat(observed).as("rows checked").hasSizeGreaterThan(150);
    }

    /** One row: its seven callers, and the callers whose answer follows from them; the differences. */
    private List<String> check(String method, String pattern, String target, Map<String, List<String>> table,
                               Map<String, String> observed) throws Exception {
        String row = method + " " + pattern + " " + target;
        List<String> expected = table.get(row);
        List<String> outcomes = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            outcomes.add(call(method, pattern, target, caller));
            restoreAfter(method);
        }
        observed.put(row, String.format("%-7s %-55s %-9s", method, pattern, target) + " "
                + String.join(" ", outcomes.stream().map(o -> String.format("%-7s", o)).toList()).strip());
        if (expected == null) {
            return List.of("no row in " + TABLE + " for " + row + " (observed: " + outcomes + ")");
        }
        List<String> failures = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            if (!expected.get(caller.ordinal()).equals(outcomes.get(caller.ordinal()))) {
                failures.add(row + " as " + caller + ": expected " + expected.get(caller.ordinal()) + ", got "
                        + outcomes.get(caller.ordinal()));
            }
        }
        failures.addAll(derivedCallers(method, pattern, target, row, expected));
        return failures;
    }

    /** The callers whose answer follows from a row's seven columns. */
    private List<String> derivedCallers(String method, String pattern, String target, String row, List<String> expected)
            throws Exception {
        List<String> failures = new ArrayList<>();
        String anonymous = expected.get(Caller.ANONYMOUS.ordinal());
        if (pattern.startsWith("/api/")) {
            String revoked = outcome(send(method, pattern, target, Http.bearer(revokedToken), Caller.LIBRARIAN_A));
            restoreAfter(method);
            if (!revoked.equals("401")) {
                failures.add(row + " with a revoked token: expected 401, got " + revoked);
            }
            for (Caller c : List.of(Caller.LIBRARIAN_A)) {
                if (!method.equals("GET") && !method.equals("POST")) {
                    continue;
                }
                String want = method.equals("GET") ? expected.get(c.ordinal()) : anonymous;
                String got = viaBrowser(method, path(pattern, target, c), body(method, pattern, c), c);
                restoreAfter(method);
                if (!want.equals(got)) {
                    failures.add(row + " with " + c + "'s browser session: expected " + want + ", got " + got);
                }
            }
        } else if (method.equals("GET")) {
            String got = outcome(Http.get(url(path(pattern, target, Caller.ADMIN)), "Authorization",
                    Http.bearer(tokens.get(Caller.ADMIN))));
            if (!anonymous.equals(got)) {
                failures.add(row + " with the administrator's token on a page: expected " + anonymous + ", got " + got);
            }
        }
        return failures;
    }

    // --- the endpoints -----------------------------------------------------------------------------

    /** "METHOD /pattern" for every handler of every request mapping of the application. */
    private List<String> endpoints() {
        List<String> out = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("GET")
                        : info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList();
                for (String pattern : info.getPatternValues()) {
                    for (String m : methods) {
                        String endpoint = m + " " + pattern;
                        if (!out.contains(endpoint)) {
                            out.add(endpoint);
                        }
                    }
                }
            }
        }
        out.sort(null);
        assertThat(out).as("the application's endpoints").hasSizeGreaterThan(100);
        return out;
    }

    private static List<String> targetsOf(String pattern) {
        if (pattern.contains("/resources/{id}")) {
            return RESOURCE_TARGETS;
        }
        if (pattern.contains("/collections/{id}")) {
            return COLLECTION_TARGETS;
        }
        if (pattern.matches("/(api/v1/reading-programmes|reading)/\\{id}.*")) {
            return PROGRAMME_TARGETS;
        }
        return List.of("-");
    }

    private Map<String, List<String>> readTable() throws IOException {
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TABLE)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.strip().split("\\s+");
            assertThat(cells).as("method, path, target and %d outcomes: %s", Caller.values().length, line)
                    .hasSize(3 + Caller.values().length);
            String row = cells[0] + " " + cells[1] + " " + cells[2];
            assertThat(table.put(row, List.of(cells).subList(3, cells.length))).as("row twice: " + row).isNull();
        }
        return table;
    }

    // --- one call ------------------------------------------------------------------------------

    private String call(String method, String pattern, String target, Caller caller) throws Exception {
        String path = path(pattern, target, caller);
        if (pattern.startsWith("/api/")) {
            String auth = caller == Caller.ANONYMOUS ? null : Http.bearer(tokens.get(caller));
            return outcome(send(method, pattern, target, auth, caller));
        }
        return viaBrowser(method, path, body(method, pattern, caller), caller);
    }

    private Http.Response send(String method, String pattern, String target, String auth, Caller caller) {
        String path = path(pattern, target, caller);
        if (method.equals("POST") && pattern.equals("/api/v1/resources")) {
            return Http.upload(url(path), auth, Map.of("am-" + UUID.randomUUID() + ".txt",
                    ("Tài liệu " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)), null);
        }
        if (method.equals("POST") && pattern.endsWith("/files/{fileId}/replace")) {
            return Http.upload(url(path), auth, Map.of("thay-" + UUID.randomUUID() + ".txt",
                    ("Bản thay " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)), null);
        }
        if (method.equals("POST") && pattern.equals("/api/v1/imports")) {
            try {
                return Http.upload(url(path), auth, Map.of("am.zip", zip("am-" + UUID.randomUUID() + ".txt")), null);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        if (method.equals("POST") && pattern.equals("/api/v1/imports/folder")) {
            return Http.postForm(url(path), auth, "folder", "khong-co-thu-muc-nay");
        }
        if (method.equals("GET")) {
            return auth == null ? Http.get(url(path)) : Http.get(url(path), "Authorization", auth);
        }
        return Http.json(method, url(path), auth, json(method, pattern));
    }

    /** A page request (or an API request sent with a browser's session cookie): GET, or a form POST with CSRF. */
    private String viaBrowser(String method, String path, String[] fields, Caller caller) throws Exception {
        Browser browser = browsers.get(caller);
        HttpResponse<String> r = switch (method) {
            case "GET" -> browser.get(path);
            case "POST" -> browser.postForm(path, csrf.get(caller), fields);
            default -> throw new IllegalStateException("pages take GET and POST only: " + method + " " + path);
        };
        return outcome(r.statusCode(), r.headers().firstValue("Location"));
    }

    private static String outcome(Http.Response r) {
        return outcome(r.status(), Optional.ofNullable(r.header("Location")));
    }

    private static String outcome(int status, Optional<String> location) {
        if ((status == 302 || status == 303) && location.orElse("").matches(".*/signin([?#].*)?$")) {
            return "signin";
        }
        return String.valueOf(status);
    }

    private String path(String pattern, String target, Caller caller) {
        boolean collection = pattern.contains("/collections/{id}");
        long id;
        if (pattern.contains("/resources/{id}")) {
            id = resources.get(target);
        } else if (collection) {
            id = collections.get(target);
        } else if (PROGRAMME_TARGETS.contains(target)) {
            id = programme;
        } else if (pattern.contains("/admin/accounts/{id}")) {
            id = victimAccount;
        } else if (pattern.contains("/imports/{id}")) {
            id = bulkImport;
        } else if (pattern.contains("/account/tokens/{id}")) {
            id = spareTokenId;
        } else {
            // partners (none registered) and ingest jobs (a retry would re-read a file while the next call
            // runs): the permission check comes before the look-up, so an allowed caller gets 404
            id = NONE;
        }
        return pattern.replace("{id}", String.valueOf(id))
                .replace("{fileId}", String.valueOf((pattern.contains("/pages/") ? pdfs : files).getOrDefault(target, NONE)))
                .replace("{page}", "1")
                .replace("{linkId}", String.valueOf(collection ? collectionLinks.get(target)
                        : resourceLinks.getOrDefault(target, NONE)))
                .replace("{resourceId}", String.valueOf(resources.get("PUBLIC")))
                .replace("{library}", B)
                .replace("{code}", A)
                .replace("{token}", openLinkToken)
                .replace("/**", "/bai/index.html");
    }

    /** The JSON body of an API call: what a caller allowed to make it would send. */
    private String json(String method, String pattern) {
        String n = "am" + unique.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        return switch (method + " " + pattern) {
            case "POST /api/v1/resources/{id}/reject" -> "{\"reason\":\"Thiếu nguồn\"}";
            case "PATCH /api/v1/resources/{id}" -> "{\"description\":\"Sửa bởi bảng phân quyền\"}";
            case "POST /api/v1/resources/{id}/shares" -> "{\"library\":\"" + B + "\"}";
            case "POST /api/v1/resources/{id}/links", "POST /api/v1/collections/{id}/links" -> "{\"days\":1}";
            case "POST /api/v1/collections" -> "{\"title\":\"" + n + "\"}";
            case "PATCH /api/v1/collections/{id}" -> "{\"description\":\"" + n + "\"}";
            case "POST /api/v1/collections/{id}/items" -> "{\"resourceId\":" + resources.get("PUBLIC") + "}";
            case "PUT /api/v1/collections/{id}/items" -> "{\"resourceIds\":[" + resources.get("PUBLIC") + "]}";
            case "POST /api/v1/admin/accounts" -> "{\"username\":\"" + n + "\",\"displayName\":\"" + n
                    + "\",\"role\":\"READER\"}";
            case "PATCH /api/v1/admin/accounts/{id}" -> "{\"displayName\":\"Nạn nhân\"}";
            // a new or changed library would change the directory other tests read: a body refused with 400
            case "POST /api/v1/admin/libraries", "PUT /api/v1/admin/libraries/{code}" -> "{\"type\":\"NO_SUCH_TYPE\"}";
            case "POST /api/v1/admin/partners" -> "{\"name\":\"" + n + "\",\"baseUrl\":\"http://127.0.0.1:9/oai\"}";
            case "PATCH /api/v1/admin/partners/{id}" -> "{\"enabled\":false}";
            case "POST /api/v1/account/tokens" -> "{\"name\":\"" + n + "\"}";
            case "POST /api/v1/reading-programmes" -> "{\"collection\":" + collections.get("PUBLIC") + ",\"title\":\""
                    + n + "\",\"startsOn\":\"" + LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")) + "\",\"endsOn\":\""
                    + LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1) + "\"}";
            case "PUT /api/v1/reading-programmes/{id}/reads/{resourceId}" -> "{\"note\":\"Hay\"}";
            case "PATCH /api/v1/reading-programmes/{id}" -> "{\"description\":\"" + n + "\"}";
            default -> null;
        };
    }

    /** The fields of a form (page POST, or an API POST sent from a browser). */
    private String[] body(String method, String pattern, Caller caller) {
        if (!method.equals("POST")) {
            return new String[0];
        }
        String n = "am" + unique.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        return switch (pattern) {
            case "/collections", "/collections/{id}" -> new String[] {"title", n};
            case "/collections/items" -> new String[] {"collectionId", String.valueOf(collections.get("PUBLIC")),
                    "resourceId", String.valueOf(resources.get("PUBLIC"))};
            case "/resources/{id}/reject" -> new String[] {"reason", "Thiếu nguồn"};
            case "/resources/{id}/edit" -> new String[] {"title", "Sửa " + n};
            case "/resources/{id}/shares" -> new String[] {"library", B};
            case "/resources/{id}/links" -> new String[] {"days", "1"};
            case "/admin/accounts" -> new String[] {"username", n, "displayName", n, "role", "READER"};
            case "/admin/accounts/{id}" -> new String[] {"displayName", "Nạn nhân", "role", "READER"};
            case "/admin/accounts/{id}/enabled" -> new String[] {"enabled", "true"};
            // as on the API: refused (a library needs a name), so that the directory stays as it is
            case "/admin/libraries", "/admin/libraries/{code}" -> new String[] {"name", ""};
            case "/admin/partners" -> new String[] {"name", n, "baseUrl", "http://127.0.0.1:9/oai"};
            case "/admin/partners/{id}/enabled" -> new String[] {"enabled", "false"};
            case "/account/password" -> new String[] {"currentPassword", "not-it", "newPassword", "x", "confirmation", "x"};
            case "/account/tokens", "/api/v1/account/tokens" -> new String[] {"name", n};
            case "/register" -> new String[] {"username", n, "displayName", n, "password", "Mat-khau-" + n,
                    "confirmation", "Mat-khau-" + n};
            case "/imports/folder" -> new String[] {"folder", "khong-co-thu-muc-nay"};
            case "/oai" -> new String[] {"verb", "Identify"};
            case "/reading" -> new String[] {"collection", String.valueOf(collections.get("PUBLIC")), "title", n,
                    "startsOn", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString(),
                    "endsOn", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString()};
            case "/reading/{id}" -> new String[] {"title", n};
            case "/reading/{id}/delete" -> new String[] {"confirm", "true"};
            case "/reading/{id}/read", "/reading/{id}/unread" -> new String[] {"resourceId",
                    String.valueOf(resources.get("PUBLIC"))};
            default -> new String[0];
        };
    }

    // --- fixtures ------------------------------------------------------------------------------

    private void restoreAfter(String method) {
        if (!method.equals("GET")) {
            restore();
        }
    }

    /** Puts every fixture back as {@link #fixtures} made it, whatever the last call changed. */
    private void restore() {
        resources.forEach((kind, id) -> jdbc.update("update resource set status = ?, visibility = ? where id = ?",
                switch (kind) {
                    case "PENDING" -> "PENDING";
                    case "WITHDRAWN" -> "WITHDRAWN";
                    default -> "PUBLISHED";
                }, switch (kind) {
                    case "NETWORK", "LIBRARY" -> kind;
                    case "SHARED" -> "LIBRARY";
                    default -> "PUBLIC";
                }, id));
        jdbc.update("delete from resource_share where resource_id in (" + ids(resources.values()) + ")");
        jdbc.update("insert into resource_share (resource_id, library_id) select ?, id from library where code = ?",
                resources.get("SHARED"), B);
        collections.forEach((kind, id) -> {
            if (jdbc.queryForObject("select count(*) from collection where id = ?", Integer.class, id) == 0) {
                String owner = kind.equals("PUBLIC")
                        ? "null, (select id from library where code = '" + A + "')"
                        : "(select id from account where username = '" + users.get(Caller.TEACHER) + "'), null";
                jdbc.update("insert into collection (id, title, owner_account_id, owner_library_id, visibility, created_by,"
                        + " created_at, updated_at) values (?, ?, " + owner + ", ?, ?, current_timestamp, current_timestamp)",
                        id, kind, kind, "am");
            }
            jdbc.update("update collection set visibility = ? where id = ?", kind, id);
            if (jdbc.queryForObject("select count(*) from collection_item where collection_id = ? and resource_id = ?",
                    Integer.class, id, resources.get("PUBLIC")) == 0) {
                jdbc.update("insert into collection_item (collection_id, resource_id, position, added_at) "
                        + "values (?, ?, 0, current_timestamp)", id, resources.get("PUBLIC"));
            }
        });
        List<Long> links = new ArrayList<>(resourceLinks.values());
        links.addAll(collectionLinks.values());
        jdbc.update("update share_link set revoked_at = null where id in (" + ids(links) + ")");
        jdbc.update("update account set enabled = true, role = 'READER', library_id = null where id = ?", victimAccount);
        jdbc.update("update api_token set revoked_at = null where id = ?", spareTokenId);
        restoreProgramme();
    }

    /** The programme's one participant, MEMBER, who marked the PUBLIC material (its only one) read. */
    private void restoreProgramme() {
        if (programme == 0) {
            return;
        }
        long member = accounts.byUsername(users.get(Caller.MEMBER)).orElseThrow().getId();
        // deleting the collection (a row above) deleted its programme with it
        if (jdbc.queryForObject("select count(*) from reading_programme where id = ?", Integer.class, programme) == 0) {
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
            jdbc.update("insert into reading_programme (id, collection_id, title, starts_on, ends_on, listed, library_id,"
                    + " organiser_account_id, created_at) values (?, ?, ?, ?, ?, true, (select id from library where"
                    + " code = ?), (select id from account where username = ?), current_timestamp)", programme,
                    collections.get("PUBLIC"), "PROGRAMME", today, today.plusDays(30), A, users.get(Caller.LIBRARIAN_A));
        }
        jdbc.update("delete from reading_participant where programme_id = ? and account_id <> ?", programme, member);
        if (jdbc.queryForObject("select count(*) from reading_participant where programme_id = ?", Integer.class,
                programme) == 0) {
            jdbc.update("insert into reading_participant (programme_id, account_id, joined_at, last_activity_at)"
                    + " values (?, ?, current_timestamp, current_timestamp)", programme, member);
        }
        long participant = jdbc.queryForObject("select id from reading_participant where programme_id = ?", Long.class,
                programme);
        jdbc.update("delete from reading_mark where participant_id = ?", participant);
        jdbc.update("insert into reading_mark (participant_id, resource_id, note, read_at) values (?, ?, ?,"
                + " current_timestamp)", participant, resources.get("PUBLIC"), "Hay");
    }

    private static String ids(Collection<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private String newToken(String user) {
        return post("/api/v1/account/tokens", Http.basic(user, PASSWORD), "{\"name\":\"bảng phân quyền\"}", 201)
                .get("token").asString();
    }

    private long lastTokenId(Caller caller) {
        return jdbc.queryForObject("select max(t.id) from api_token t join account a on a.id = t.account_id "
                + "where a.username = ?", Long.class, users.get(caller));
    }

    private JsonNode post(String path, String auth, String json, int status) {
        Http.Response r = Http.json("POST", url(path), auth, json);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(status);
        return r.json();
    }

    private void awaitRebuildIdle() {
        await(() -> !Http.get(url("/api/v1/admin/reindex"), "Authorization", Http.bearer(tokens.get(Caller.ADMIN)))
                .body().contains("RUNNING"), Duration.ofMinutes(2), "the index rebuild never ended");
    }

    private static byte[] zip(String name) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(("Nhập hàng loạt " + name).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return buffer.toByteArray();
    }
}
