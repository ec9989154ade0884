package vn.hoclieu.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.ResourceChanges;
import vn.hoclieu.exchange.Packages;
import vn.hoclieu.search.Made;

/**
 * Every read path, for every kind of viewer, shows exactly what the
 * visibility rule allows. Four materials with words of their own — PUBLIC, NETWORK, LIBRARY (of
 * library A, shared with B) and WITHDRAWN (not published) — are asked for by an anonymous visitor,
 * a reader in no library, members of A, B and C, A's librarian and an administrator, through
 * search (hits, totals, facets), suggestions, did-you-mean, related materials, search within,
 * the resource JSON, file content, thumbnail, OAI-PMH, exchange packages, reading programmes and the resource
 * page; then a share link
 * opens the LIBRARY material to a stranger's browser until it is revoked or expires.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag(TestGroups.POSTGRES)
class VisibilityMatrixTest extends IntegrationTest {

    private static final String A = "HN-TVHN", B = "HN-THPT-BDM", C = "HN-TTHTCD-BD";

    @Autowired
    ResourceChanges catalog;

    @Autowired
    JdbcTemplate jdbc;

    /** Kind of material → its id; and its own word. */
    private final Map<String, Long> ids = new LinkedHashMap<>();
    private final Map<String, String> words = new LinkedHashMap<>();
    /** A word all four share, for facet counts and related materials. */
    private final String batch = Made.word();
    private String librarianA;

    /** Viewer → the kinds of material it may see. */
    private final Map<String, Set<String>> expected = new LinkedHashMap<>();
    private final Map<String, String> auth = new LinkedHashMap<>();

    @BeforeAll
    void materials() throws IOException {
        librarianA = Http.basic(account("vm-librarian-a", Role.LIBRARIAN, A), PASSWORD);
        // published at once by the library's librarian (a teacher's upload would wait for review)
        String uploader = librarianA;
        for (String kind : List.of("PUBLIC", "NETWORK", "LIBRARY", "WITHDRAWN")) {
            String w = Made.word();
            words.put(kind, w);
            String visibility = kind.equals("WITHDRAWN") ? "PUBLIC" : kind;
            long id = Uploads.resource(w + " bài đọc " + batch).language("vi").visibility(visibility).library(A)
                    .file(w + ".txt", "Bài đọc " + w + " " + batch + " về thư viện và học tập, phần " + kind + ".")
                    .file(w + ".png", png(w)).by(uploader).to(url("")).id();
            ids.put(kind, id);
        }
        Http.Response shared = Http.json("POST", url("/api/v1/resources/" + ids.get("LIBRARY") + "/shares"),
                librarianA, "{\"library\":\"" + B + "\"}");
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        catalog.withdraw(ids.get("WITHDRAWN"), new Viewer(0L, "admin", Role.ADMIN, null));
        awaitIngestIdle();

        viewer("anonymous", null, "PUBLIC");
        viewer("reader in no library", Http.basic(account("vm-reader-none", Role.READER, null), PASSWORD), "PUBLIC");
        viewer("member of A", Http.basic(account("vm-reader-a", Role.READER, A), PASSWORD), "PUBLIC", "NETWORK", "LIBRARY");
        viewer("member of B", Http.basic(account("vm-reader-b", Role.READER, B), PASSWORD), "PUBLIC", "NETWORK", "LIBRARY");
        viewer("member of C", Http.basic(account("vm-reader-c", Role.READER, C), PASSWORD), "PUBLIC", "NETWORK");
        viewer("librarian of A", librarianA, "PUBLIC", "NETWORK", "LIBRARY", "WITHDRAWN");
        viewer("admin", Http.basic("admin", PASSWORD), "PUBLIC", "NETWORK", "LIBRARY", "WITHDRAWN");
    }

    private void viewer(String name, String authorization, String... kinds) {
        expected.put(name, Set.of(kinds));
        auth.put(name, authorization);
    }

    private Http.Response get(String viewer, String path, String... headers) {
        List<String> h = new ArrayList<>(List.of(headers));
        if (auth.get(viewer) != null) {
            h.add("Authorization");
            h.add(auth.get(viewer));
        }
        return Http.get(url(path), h.toArray(String[]::new));
    }

    private JsonNode json(String viewer, String path) {
        Http.Response r = get(viewer, path);
        assertThat(r.status()).as(viewer + " " + path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    /** A's public collection of the four materials. */
    private long collectionOfAll(String title) {
        long collection = Http.json("POST", url("/api/v1/collections"), librarianA, "{\"title\":\"" + title + " "
                + batch + "\",\"visibility\":\"PUBLIC\",\"library\":\"" + A + "\"}").json().get("id").asLong();
        ids.values().forEach(id -> Http.json("POST", url("/api/v1/collections/" + collection + "/items"), librarianA,
                "{\"resourceId\":" + id + "}"));
        return collection;
    }

    @Test
    void readingProgrammesListCountAndLetMarkOnlyWhatEachViewerMaySee() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        long programme = Http.json("POST", url("/api/v1/reading-programmes"), librarianA, "{\"collection\":"
                + collectionOfAll("Đọc") + ",\"title\":\"Đọc " + batch + "\",\"startsOn\":\"" + today
                + "\",\"endsOn\":\"" + today.plusDays(7) + "\"}").json().get("id").asLong();
        String path = "/api/v1/reading-programmes/" + programme;
        expected.forEach((viewer, kinds) -> {
            List<Long> materials = new ArrayList<>();
            json(viewer, path).get("materials").forEach(m -> materials.add(m.get("resourceId").asLong()));
            assertThat(materials).as(viewer).containsExactlyElementsOf(ids.entrySet().stream()
                    .filter(e -> kinds.contains(e.getKey())).map(Map.Entry::getValue).toList());
            if (auth.get(viewer) == null) {
                return;
            }
            assertThat(Http.json("POST", url(path + "/join"), auth.get(viewer), null).status()).isEqualTo(201);
            ids.forEach((kind, id) -> assertThat(Http.json("PUT", url(path + "/reads/" + id), auth.get(viewer), null)
                    .status()).as(viewer + " marks " + kind).isEqualTo(kinds.contains(kind) ? 201 : 404));
            JsonNode progress = json(viewer, path + "/progress");
            assertThat(progress.get("total").asInt()).as(viewer).isEqualTo(kinds.size());
            assertThat(progress.get("finished").asBoolean()).as(viewer).isTrue();
        });
    }

    @Test
    void exchangePackagesHoldOnlyPublishedMaterialTheViewerMaySee() {
        long collection = collectionOfAll("Gói");
        expected.forEach((viewer, kinds) -> {
            List<Long> exported = Packages.ids(Packages.manifest(Http.bytes(url("/api/v1/collections/" + collection
                    + "/export"), auth.get(viewer))));
            // withdrawn material is for its librarians' eyes: it never travels, whoever asks
            assertThat(exported).as(viewer).containsExactlyElementsOf(ids.entrySet().stream()
                    .filter(e -> kinds.contains(e.getKey()) && !e.getKey().equals("WITHDRAWN"))
                    .map(Map.Entry::getValue).toList());
        });
        List<Long> library = Packages.ids(Packages.manifest(Http.bytes(url("/api/v1/libraries/" + A + "/export"),
                librarianA)));
        assertThat(library).contains(ids.get("PUBLIC"), ids.get("NETWORK"), ids.get("LIBRARY"))
                .doesNotContain(ids.get("WITHDRAWN"));
    }

    @Test
    void searchHitsAndTotalsShowOnlyWhatEachViewerMaySee() {
        expected.forEach((viewer, kinds) -> words.forEach((kind, w) -> {
            JsonNode result = json(viewer, "/api/v1/search?q=" + w);
            boolean visible = kinds.contains(kind);
            assertThat(result.get("total").asLong()).as(viewer + " searching " + kind).isEqualTo(visible ? 1 : 0);
            assertThat(hitIds(result)).as(viewer + " " + kind)
                    .isEqualTo(visible ? List.of(ids.get(kind)) : List.of());
        }));
    }

    @Test
    void facetCountsCountOnlyVisibleMaterialAndTheLibraryFacetHoldsSharedInMaterial() {
        expected.forEach((viewer, kinds) -> {
            JsonNode all = json(viewer, "/api/v1/search?q=" + batch);
            assertThat(all.get("total").asLong()).as(viewer).isEqualTo(kinds.size());
            assertThat(count(all, "library", A)).as(viewer + " library A").isEqualTo(kinds.size());
            assertThat(count(all, "library", B)).as(viewer + " library B").isEqualTo(kinds.contains("LIBRARY") ? 1 : 0);
            assertThat(count(all, "materialType", "BOOK") + count(all, "materialType", "IMAGE")
                    + count(all, "materialType", "OTHER")).as(viewer).isEqualTo(kinds.size());
            // B's catalogue: what was shared with B, credited to A
            JsonNode inB = json(viewer, "/api/v1/search?q=" + batch + "&library=" + B);
            assertThat(hitIds(inB)).as(viewer + " in B's catalogue")
                    .isEqualTo(kinds.contains("LIBRARY") ? List.of(ids.get("LIBRARY")) : List.of());
            if (kinds.contains("LIBRARY")) {
                assertThat(inB.get("hits").get(0).get("library").asString()).isEqualTo(A);
            }
        });
    }

    @Test
    void suggestionsCompleteOnlyVisibleTitles() {
        expected.forEach((viewer, kinds) -> words.forEach((kind, w) -> {
            JsonNode suggestions = json(viewer, "/api/v1/suggest?q=" + w.substring(0, w.length() - 2));
            List<Long> suggested = new ArrayList<>();
            suggestions.forEach(s -> suggested.add(s.get("resourceId").isNull() ? -1 : s.get("resourceId").asLong()));
            assertThat(suggestions.toString().contains(w)).as(viewer + " suggest " + kind).isEqualTo(kinds.contains(kind));
            if (kinds.contains(kind)) {
                assertThat(suggested).contains(ids.get(kind));
            }
        }));
    }

    @Test
    void didYouMeanNeverSuggestsAWordOnlyInHiddenMaterial() {
        expected.forEach((viewer, kinds) -> words.forEach((kind, w) -> {
            String typo = w.substring(0, w.length() - 1) + (w.endsWith("z") ? "y" : "z");
            JsonNode dym = json(viewer, "/api/v1/search?q=" + typo).get("didYouMean");
            String suggestion = dym == null || dym.isNull() ? "" : dym.asString();
            if (kinds.contains(kind)) {
                assertThat(suggestion).as(viewer + " typo of " + kind).isEqualTo(w);
            } else {
                assertThat(suggestion).as(viewer + " typo of " + kind).doesNotContain(w);
            }
        }));
    }

    @Test
    void relatedMaterialsAndSearchWithinAnswerOnlyForVisibleMaterialAndListOnlyVisibleOnes() {
        expected.forEach((viewer, kinds) -> ids.forEach((kind, id) -> {
            Http.Response related = get(viewer, "/api/v1/resources/" + id + "/related?size=50");
            Http.Response within = get(viewer, "/api/v1/resources/" + id + "/search?q=" + words.get(kind));
            if (!kinds.contains(kind)) {
                assertThat(related.status()).as(viewer + " related " + kind).isEqualTo(404);
                assertThat(within.status()).as(viewer + " within " + kind).isEqualTo(404);
                return;
            }
            assertThat(related.status()).isEqualTo(200);
            assertThat(within.status()).isEqualTo(200);
            assertThat(within.json().get("total").asLong()).as(viewer + " within " + kind).isPositive();
            List<Long> relatedIds = new ArrayList<>();
            related.json().forEach(h -> relatedIds.add(h.get("id").asLong()));
            ids.forEach((other, otherId) -> {
                if (!kinds.contains(other)) {
                    assertThat(relatedIds).as(viewer + " related to " + kind).doesNotContain(otherId);
                }
            });
        }));
    }

    @Test
    void resourceJsonFilesAndThumbnailsAreServedOnlyToThoseWhoMaySeeThem() {
        expected.forEach((viewer, kinds) -> ids.forEach((kind, id) -> {
            int status = kinds.contains(kind) ? 200 : 404;
            Http.Response resource = get(viewer, "/api/v1/resources/" + id);
            assertThat(resource.status()).as(viewer + " resource " + kind).isEqualTo(status);
            String fileId = kinds.contains(kind) ? resource.json().get("files").get(0).get("id").asString()
                    : fileIdAsAdmin(id);
            assertThat(get(viewer, "/api/v1/resources/" + id + "/files/" + fileId + "/content").status())
                    .as(viewer + " file of " + kind).isEqualTo(status);
            assertThat(get(viewer, "/api/v1/resources/" + id + "/thumbnail").status())
                    .as(viewer + " thumbnail of " + kind).isEqualTo(status);
        }));
        JsonNode shared = json("member of B", "/api/v1/resources/" + ids.get("LIBRARY"));
        assertThat(shared.get("library").asString()).isEqualTo(A);
        assertThat(shared.get("sharedWith").get(0).asString()).isEqualTo(B);
    }

    @Test
    void oaiExposesOnlyPublicMaterial() {
        String identify = Http.get(url("/oai?verb=Identify")).body();
        Matcher m = Pattern.compile("<repositoryIdentifier>([^<]+)</repositoryIdentifier>").matcher(identify);
        assertThat(m.find()).isTrue();
        String prefix = "oai:" + m.group(1) + ":";
        ids.forEach((kind, id) -> {
            String record = Http.get(url("/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=" + prefix + id)).body();
            // the withdrawn one was public: harvesters are told it is deleted, without its metadata
            assertThat(record.contains(words.get(kind))).as("GetRecord " + kind).isEqualTo(kind.equals("PUBLIC"));
            assertThat(record.contains("<GetRecord>") && !record.contains("status=\"deleted\""))
                    .as("GetRecord " + kind).isEqualTo(kind.equals("PUBLIC"));
        });
        List<String> listed = new ArrayList<>();
        String next = "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=library:" + A;
        for (int page = 0; next != null && page < 500; page++) {
            String body = Http.get(url(next)).body();
            Matcher id = Pattern.compile("<identifier>([^<]+)</identifier>").matcher(body);
            while (id.find()) {
                listed.add(id.group(1));
            }
            Matcher token = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>").matcher(body);
            next = token.find() ? "/oai?verb=ListIdentifiers&resumptionToken=" + Http.q(token.group(1)) : null;
        }
        assertThat(listed).contains(prefix + ids.get("PUBLIC"))
                .doesNotContain(prefix + ids.get("NETWORK"), prefix + ids.get("LIBRARY"));
    }

    @Test
    void resourcePagesAreShownOnlyToThoseWhoMaySeeThemAndCreditTheOrigin() throws Exception {
        Browser anonymous = new Browser(url(""));
        ids.forEach((kind, id) -> {
            try {
                assertThat(anonymous.get("/resources/" + id).statusCode()).as("anonymous page " + kind)
                        .isEqualTo(kind.equals("PUBLIC") ? 200 : 404);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        Browser memberOfB = new Browser(url(""));
        memberOfB.signIn("vm-reader-b", PASSWORD);
        HttpResponse<String> page = memberOfB.get("/resources/" + ids.get("LIBRARY"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Chia sẻ từ Thư viện Công cộng Hà Nội Mở (mẫu)")
                .doesNotContain("id=\"chia-se\"");
        // the page's previews and downloads are API reads sent with the browser's session: served as that member
        long fileId = json("admin", "/api/v1/resources/" + ids.get("LIBRARY")).get("files").get(0).get("id").asLong();
        String content = "/api/v1/resources/" + ids.get("LIBRARY") + "/files/" + fileId + "/content?download=true";
        assertThat(memberOfB.get(content).statusCode()).isEqualTo(200);
        assertThat(memberOfB.get("/api/v1/resources/" + ids.get("LIBRARY")).statusCode()).isEqualTo(200);
        Browser memberOfC = new Browser(url(""));
        memberOfC.signIn("vm-reader-c", PASSWORD);
        assertThat(memberOfC.get("/resources/" + ids.get("LIBRARY")).statusCode()).isEqualTo(404);
        assertThat(memberOfC.get(content).statusCode()).isEqualTo(404);
        // a session cookie alone never changes anything through the API
        assertThat(memberOfB.postForm("/api/v1/resources/" + ids.get("LIBRARY") + "/links", "x", "days", "7")
                .statusCode()).isEqualTo(401);
    }

    @Test
    void aShareLinkOpensOneResourceToAnyBrowserUntilItIsRevokedOrExpires() throws Exception {
        long id = ids.get("LIBRARY");
        String fileId = fileIdAsAdmin(id);
        Http.Response created = Http.json("POST", url("/api/v1/resources/" + id + "/links"), librarianA, "{\"days\":7}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String link = created.json().get("url").asString();
        assertThat(link).matches(".*/s/[A-Za-z0-9_-]{43}");
        assertThat(created.json().get("expiresAt").asString()).isNotBlank();
        String path = link.substring(link.indexOf("/s/"));

        Browser stranger = new Browser(url(""));
        assertThat(stranger.get("/resources/" + id).statusCode()).isEqualTo(404);
        HttpResponse<String> opened = stranger.get(path);
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElse("")).endsWith("/resources/" + id);
        assertThat(stranger.get("/resources/" + id).statusCode()).isEqualTo(200);
        assertThat(stranger.get("/api/v1/resources/" + id + "/files/" + fileId + "/content").statusCode()).isEqualTo(200);
        assertThat(stranger.get("/api/v1/resources/" + id + "/files/" + fileId + "/content?download=true").statusCode())
                .isEqualTo(200);
        assertThat(stranger.get("/api/v1/resources/" + id + "/thumbnail").statusCode()).isEqualTo(200);
        // nothing else: no search, suggestion, related materials or OAI exposure
        assertThat(stranger.get("/api/v1/search?q=" + words.get("LIBRARY")).body()).contains("\"total\":0");
        assertThat(stranger.get("/api/v1/suggest?q=" + words.get("LIBRARY")).body()).doesNotContain(words.get("LIBRARY"));
        assertThat(stranger.get("/api/v1/resources/" + id + "/related").statusCode()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/resources/" + ids.get("NETWORK")).statusCode()).isEqualTo(404);

        long linkId = created.json().get("id").asLong();
        assertThat(Http.json("DELETE", url("/api/v1/resources/" + id + "/links/" + linkId), librarianA, null).status())
                .isEqualTo(204);
        assertThat(stranger.get("/resources/" + id).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/resources/" + id + "/files/" + fileId + "/content").statusCode()).isEqualTo(404);
        assertThat(new Browser(url("")).get(path).statusCode()).isEqualTo(410);

        // a second link, past its expiry
        Http.Response second = Http.json("POST", url("/api/v1/resources/" + id + "/links"), librarianA, "{\"days\":1}");
        String secondPath = second.json().get("url").asString().replaceFirst("^.*(/s/)", "$1");
        Browser late = new Browser(url(""));
        assertThat(late.get(secondPath).statusCode()).isEqualTo(302);
        assertThat(late.get("/api/v1/resources/" + id + "/thumbnail").statusCode()).isEqualTo(200);
        // a second ago, as a parameter: the same SQL on H2 and PostgreSQL
        jdbc.update("update share_link set expires_at = ? where id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1),
                second.json().get("id").asLong());
        assertThat(late.get("/api/v1/resources/" + id + "/thumbnail").statusCode()).isEqualTo(404);
        assertThat(late.get(secondPath).statusCode()).isEqualTo(410);
    }

    private String fileIdAsAdmin(long id) {
        return json("admin", "/api/v1/resources/" + id).get("files").get(0).get("id").asString();
    }

    private static List<Long> hitIds(JsonNode result) {
        List<Long> out = new ArrayList<>();
        result.get("hits").forEach(h -> out.add(h.get("id").asLong()));
        return out;
    }

    private static long count(JsonNode result, String facet, String value) {
        for (JsonNode v : result.get("facets").get(facet)) {
            if (v.get("value").asString().equals(value)) {
                return v.get("count").asLong();
            }
        }
        return 0;
    }

    /** A small picture of its own (so that no two are the same bytes), for a thumbnail. */
    private static byte[] png(String word) throws IOException {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(ThreadLocalRandom.current().nextInt(0xFFFFFF)));
        g.fillRect(0, 0, 120, 80);
        g.setColor(Color.WHITE);
        g.drawString(word, 5, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
