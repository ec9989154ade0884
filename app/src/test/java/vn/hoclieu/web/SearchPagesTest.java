package vn.hoclieu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;
import vn.hoclieu.search.Made;
import vn.hoclieu.search.internal.QueryLog;
import vn.hoclieu.search.internal.QuerySuggestions;

/**
 * The student's pages without JavaScript, as a browser's first request sees them: the search form
 * with facet checkboxes and filter chips, the page without results, the text-only view (and who may
 * read it), the collection's share links, and what each page weighs.
 */
class SearchPagesTest extends IntegrationTest {

    /** What a page may cost a phone on a slow connection: its HTML and every stylesheet, script, image and font. */
    private static final long PAGE_BUDGET_BYTES = 200 * 1024;

    @Autowired
    QueryLog queryLog;
    @Autowired
    QuerySuggestions querySuggestions;

    private static Document page(Browser browser, String path) throws Exception {
        HttpResponse<String> r = browser.get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return Jsoup.parse(r.body(), "http://localhost" + path);
    }

    private static long total(Document d) {
        return Long.parseLong(d.selectFirst(".summary").text().replaceAll("^\\D*(\\d+).*$", "$1"));
    }

    @Test
    void facetsAreCheckboxesInTheSearchFormAndTwoValuesOfOneFacetAddUp() throws Exception {
        awaitIngestIdle();
        Browser browser = new Browser(url(""));
        Document all = page(browser, "/search?q=" + Http.q("thu vien"));
        Element form = all.getElementById("search-form");
        assertThat(form.attr("method")).isEqualTo("get");
        List<Element> types = form.select("aside.facets input[type=checkbox][name=materialType]");
        assertThat(types).hasSizeGreaterThanOrEqualTo(2);
        // every checkbox has its label, the label its count; the form has its button for browsers without script
        for (Element box : form.select("aside.facets input[type=checkbox]")) {
            Element label = all.selectFirst("label[for=" + box.id() + "]");
            assertThat(label).as("label of " + box.id()).isNotNull();
            assertThat(label.selectFirst(".count")).isNotNull();
            assertThat(box.hasAttr("checked")).isFalse();
        }
        assertThat(form.selectFirst("button.apply[type=submit]").text()).isEqualTo("Lọc");
        assertThat(all.select(".filter-chips")).isEmpty();

        String a = types.get(0).val();
        String b = types.get(1).val();
        long countA = count(all, types.get(0));
        long countB = count(all, types.get(1));
        // what the form sends when both are ticked: one parameter per value, OR-ed within the facet
        Document both = page(browser, "/search?q=" + Http.q("thu vien") + "&materialType=" + a + "&materialType=" + b);
        assertThat(total(both)).isEqualTo(countA + countB);
        assertThat(both.select("aside.facets input[name=materialType][checked]").eachAttr("value"))
                .containsExactlyInAnyOrder(a, b);
        assertThat(both.getElementById("q").val()).isEqualTo("thu vien");

        // a chip per filter: each removes only itself, "clear all" removes every filter and keeps the words
        List<Element> chips = both.select(".filter-chips a.chip.removable");
        assertThat(chips).hasSize(2);
        assertThat(chips.get(0).text()).contains("Loại tài liệu:");
        Document onlyB = page(browser, chips.get(0).attr("href"));
        assertThat(onlyB.select("aside.facets input[name=materialType][checked]").eachAttr("value")).containsExactly(b);
        assertThat(total(onlyB)).isEqualTo(countB);
        Document cleared = page(browser, both.selectFirst(".filter-chips a.clear-all").attr("href"));
        assertThat(cleared.select("aside.facets input[checked]")).isEmpty();
        assertThat(total(cleared)).isEqualTo(total(all));
        assertThat(cleared.getElementById("q").val()).isEqualTo("thu vien");

        // the order chosen survives a new set of filters: it travels as a hidden field of the form
        Document sorted = page(browser, "/search?q=" + Http.q("thu vien") + "&sort=title&materialType=" + a);
        assertThat(sorted.select("#search-form input[type=hidden][name=sort]").eachAttr("value")).containsExactly("title");
    }

    private static long count(Document d, Element box) {
        return Long.parseLong(d.selectFirst("label[for=" + box.id() + "] .count").text());
    }

    @Test
    void aSearchWithoutResultsKeepsTheQueryAndFiltersAndTeachesHowToSearch() throws Exception {
        awaitIngestIdle();
        // two people found something with this query: it may be offered as a popular one
        for (int i = 0; i < 2; i++) {
            assertThat(Http.get(url("/api/v1/search?q=" + Http.q("hoc tap suot doi"))).json().get("total").asLong())
                    .isPositive();
        }
        queryLog.flush();
        querySuggestions.refresh();

        Browser browser = new Browser(url(""));
        String words = "qzxv khongcodau";
        Document none = page(browser, "/search?q=" + Http.q(words) + "&language=vi");
        assertThat(total(none)).isZero();
        Element help = none.selectFirst(".no-results");
        assertThat(help.text()).contains("Không tìm thấy", "“" + words + "”", "Mẹo tìm kiếm", "ngoặc kép",
                "gõ dấu", "bộ lọc");
        assertThat(help.select(".tips li")).hasSizeGreaterThanOrEqualTo(5);
        // the words and the filter are still in the form
        assertThat(none.getElementById("q").val()).isEqualTo(words);
        assertThat(none.select("aside.facets input[name=language][checked]").eachAttr("value")).containsExactly("vi");
        assertThat(none.select(".filter-chips a.chip")).hasSize(1);
        // ways out: without the filter, a popular query
        String withoutFilters = help.select("a").stream().filter(l -> l.text().contains("không dùng bộ lọc"))
                .findFirst().orElseThrow().attr("href");
        assertThat(withoutFilters).contains("q=").doesNotContain("language");
        // (the most asked of all the tests' queries: which ones depends on the other tests)
        assertThat(help.select("ul.popular a")).isNotEmpty();
        assertThat(total(page(browser, help.selectFirst("ul.popular a").attr("href")))).isPositive();

        Document english = page(browser, "/search?q=" + Http.q(words) + "&lang=en");
        assertThat(english.selectFirst(".no-results").text()).contains("Tips for searching well", "quotes",
                "without accents");
    }

    @Test
    void theTextOnlyViewHasEveryPageWithAnAnchorAndNoPictures() throws Exception {
        awaitIngestIdle();
        JsonNode hit = firstHitWithLocation("hoc tap suot doi", "page");
        long id = hit.get("id").asLong();
        Browser browser = new Browser(url(""));
        Document resource = page(browser, "/resources/" + id);
        String textLink = resource.select("a").stream().filter(a -> a.attr("href").equals("/resources/" + id + "/text"))
                .findFirst().orElseThrow().attr("href");
        Document text = page(browser, textLink);
        assertThat(text.select("img, video, audio, iframe, picture")).isEmpty();
        assertThat(text.select("section.segment[id]")).isNotEmpty();
        JsonNode location = hit.get("location");
        String anchor = "f" + location.get("fileId").asLong() + "-p" + location.get("page").asInt();
        assertThat(text.getElementById(anchor)).as(anchor).isNotNull();
        assertThat(text.getElementById(anchor).selectFirst("h3 a").attr("href")).isEqualTo("#" + anchor);

        // the search hit links to the same place in the text view
        Document results = page(browser, "/search?q=" + Http.q("hoc tap suot doi"));
        String fromHit = results.select("p.location a.text-only").stream()
                .filter(a -> a.attr("href").startsWith("/resources/" + id + "/text")).findFirst().orElseThrow()
                .attr("href");
        assertThat(fromHit).endsWith("#" + anchor);
        // and so do the places a search within the document lists
        Document within = page(browser, "/resources/" + id + "?within=" + Http.q("hoc tap"));
        assertThat(within.select(".within-results a.text-only").eachAttr("href"))
                .isNotEmpty().allMatch(h -> h.startsWith("/resources/" + id + "/text?file="));

        // a video's subtitles: one section per cue, named by its moment
        JsonNode moment = firstHitWithLocation("doi chieu voi it nhat hai nguon", "moment");
        long video = moment.get("id").asLong();
        long second = (long) Math.floor(moment.get("location").get("seconds").asDouble());
        Document cues = page(browser, "/resources/" + video + "/text?file="
                + moment.get("location").get("fileId").asLong() + "&t=" + second);
        Element cue = cues.getElementById("f" + moment.get("location").get("fileId").asLong() + "-t" + second);
        assertThat(cue).isNotNull();
        assertThat(cue.selectFirst("h3").text()).isEqualTo("Phút " + moment.get("location").get("timecode").asString());
    }

    private JsonNode firstHitWithLocation(String q, String kind) {
        for (JsonNode h : Http.get(url("/api/v1/search?q=" + Http.q(q))).json().get("hits")) {
            if (h.hasNonNull("location") && kind.equals(h.get("location").get("kind").asString())) {
                return h;
            }
        }
        throw new AssertionError("no hit for " + q + " found at a " + kind);
    }

    @Test
    void theTextOnlyViewShowsOnlyWhatTheResourcePageWouldAndShareLinksOpenIt() throws Exception {
        String librarian = Http.basic(account("searchui-librarian", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        String secret = "Ghi chú nội bộ " + Made.word();
        long id = Uploads.resource("Tài liệu nội bộ").visibility("LIBRARY").library("HN-TVHN")
                .file("noi-bo-" + System.nanoTime() + ".txt", secret).by(librarian).to(url("")).id();
        awaitIngestIdle();

        Browser stranger = new Browser(url(""));
        assertThat(stranger.get("/resources/" + id).statusCode()).isEqualTo(404);
        HttpResponse<String> hidden = stranger.get("/resources/" + id + "/text");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain(secret);

        Browser member = new Browser(url(""));
        member.signIn("searchui-librarian", PASSWORD);
        assertThat(page(member, "/resources/" + id + "/text").text()).contains(secret);

        Http.Response link = Http.json("POST", url("/api/v1/resources/" + id + "/links"), librarian, "{\"days\":1}");
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        String address = link.json().get("url").asString();
        assertThat(stranger.get(address.substring(address.indexOf("/s/"))).statusCode()).isEqualTo(302);
        assertThat(page(stranger, "/resources/" + id + "/text").text()).contains(secret);
        // ... for that browser only
        assertThat(new Browser(url("")).get("/resources/" + id + "/text").statusCode()).isEqualTo(404);
    }

    @Test
    void whoeverMayChangeACollectionMakesAShareLinkOnItsPage() throws Exception {
        account("searchui-teacher", Role.TEACHER, "HN-TVHN");
        Browser owner = new Browser(url(""));
        owner.signIn("searchui-teacher", PASSWORD);
        String title = "Lớp 10A đọc thêm " + Made.word();
        HttpResponse<String> created = owner.postForm("/collections", Browser.csrf(owner.get("/collections").body()),
                "title", title, "description", "", "visibility", "PRIVATE");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String path = created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        Document mine = page(owner, path);
        Element form = mine.selectFirst("#chia-se form[action=" + path + "/links]");
        assertThat(form).as("the share-link form").isNotNull();
        assertThat(form.selectFirst("label[for=link-days]")).isNotNull();

        HttpResponse<String> made = owner.postForm(path + "/links", Browser.csrf(mine.html()), "days", "7");
        assertThat(made.statusCode()).isEqualTo(302);
        assertThat(made.headers().firstValue("Location").orElseThrow()).endsWith(path + "#chia-se");
        Document after = page(owner, path);
        Matcher address = Pattern.compile("/s/[A-Za-z0-9_-]{43}").matcher(after.select("#chia-se #new-share-link").attr("value"));
        assertThat(address.find()).as("the new link is shown once").isTrue();
        assertThat(after.select("#chia-se form[action$=/revoke]")).hasSize(1);

        Browser friend = new Browser(url(""));
        assertThat(friend.get(path).statusCode()).isEqualTo(404);
        assertThat(friend.get(address.group()).statusCode()).isEqualTo(302);
        Document shared = page(friend, path);
        assertThat(shared.select("h1").text()).isEqualTo(title);
        // opening a link gives the page, not its sharing
        assertThat(shared.getElementById("chia-se")).isNull();

        String revoke = after.selectFirst("#chia-se form[action$=/revoke]").attr("action");
        assertThat(owner.postForm(revoke, Browser.csrf(after.html())).statusCode()).isEqualTo(302);
        assertThat(new Browser(url("")).get(address.group()).statusCode()).isEqualTo(410);
    }

    @Test
    void theHomeSearchAndResourcePagesEachTransferUnder200KilobytesOfAssets() throws Exception {
        awaitIngestIdle();
        Browser browser = new Browser(url(""));
        Set<Long> resources = new LinkedHashSet<>();
        for (String q : List.of("hoc tap suot doi", "doi chieu voi it nhat hai nguon", "thu vien")) {
            Http.get(url("/api/v1/search?q=" + Http.q(q))).json().get("hits").forEach(h -> resources.add(h.get("id").asLong()));
        }
        List<String> pages = new ArrayList<>(List.of("/", "/search?q=" + Http.q("thu vien"), "/search"));
        resources.stream().limit(4).forEach(id -> pages.add("/resources/" + id));
        for (String path : pages) {
            long bytes = weight(browser, path);
            assertThat(bytes).as(path + " weighs " + bytes + " bytes").isLessThan(PAGE_BUDGET_BYTES);
        }
    }

    /** The page's HTML and every stylesheet, script, image, icon and font it (or its CSS) references, once each. */
    private long weight(Browser browser, String path) throws Exception {
        HttpResponse<byte[]> html = bytes(path);
        Document d = Jsoup.parse(new String(html.body(), StandardCharsets.UTF_8), url(path));
        Set<String> assets = new LinkedHashSet<>();
        d.select("link[rel=stylesheet][href], link[rel~=icon][href]").forEach(e -> assets.add(e.attr("abs:href")));
        d.select("script[src], img[src], video[poster], input[type=image][src]")
                .forEach(e -> assets.add(e.hasAttr("poster") ? e.attr("abs:poster") : e.attr("abs:src")));
        long total = html.body().length;
        Pattern cssUrl = Pattern.compile("url\\(['\"]?([^)'\"]+)['\"]?\\)");
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(assets);
        while (!queue.isEmpty()) {
            String asset = queue.poll();
            if (!seen.add(asset) || asset.startsWith("data:")) {
                continue;
            }
            assertThat(asset).as("assets come from this server").startsWith(url(""));
            HttpResponse<byte[]> r = bytes(asset.substring(url("").length()));
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            total += r.body().length;
            if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/css")) {
                Matcher m = cssUrl.matcher(new String(r.body(), StandardCharsets.UTF_8));
                while (m.find()) {
                    queue.add(URI.create(asset).resolve(m.group(1)).toString());
                }
            }
        }
        assertThat(seen).as("the page's own stylesheet and script are counted").anyMatch(a -> a.endsWith(".css"))
                .anyMatch(a -> a.endsWith("/js/search.js"));
        return total;
    }

    private HttpResponse<byte[]> bytes(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
