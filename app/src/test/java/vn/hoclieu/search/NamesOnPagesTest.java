package vn.hoclieu.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;
import vn.hoclieu.catalog.internal.V23__LanguageCodes;
import vn.hoclieu.search.internal.ResourceIndexer;

/**
 * What a student, a teacher and a librarian read on the pages: languages, libraries, types of
 * library and file formats by their names, in the page's language, while the API keeps the codes;
 * and {@code vi} and {@code vie} as one language, in the API's facets and on the page, for new
 * uploads and for rows stored before (the migration and the start-up reconciliation).
 */
class NamesOnPagesTest extends IntegrationTest {

    private static final String SCHOOL = "HN-THPT-BDM";
    private static final String SCHOOL_NAME = "Thư viện Trường THPT Ba Đình Mẫu";

    @Autowired
    DataSource dataSource;
    @Autowired
    ResourceIndexer indexer;

    private String librarian() {
        return Http.basic(account("names-librarian", Role.LIBRARIAN, SCHOOL), PASSWORD);
    }

    private long upload(String word, String language, String text) {
        return Uploads.resource("Tài liệu " + word).language(language).visibility("PUBLIC")
                .file(Made.word() + ".txt", text + " " + word).by(librarian()).to(url("")).id();
    }

    private JsonNode api(String query) {
        return Http.get(url("/api/v1/search?" + query)).json();
    }

    private void awaitTotal(String word, long total) {
        await(() -> api("q=" + word).get("total").asLong() == total, Duration.ofSeconds(20),
                "the uploads are not searchable");
    }

    /** A facet's values and counts in the API's answer, in its order. */
    private static Map<String, Long> facet(JsonNode result, String name) {
        Map<String, Long> values = new LinkedHashMap<>();
        result.get("facets").get(name).forEach(v -> values.put(v.get("value").asString(), v.get("count").asLong()));
        return values;
    }

    private Document page(String path) {
        Http.Response r = Http.get(url(path));
        assertThat(r.status()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    /** A facet's checkboxes on the results page: value → the name its label shows. */
    private static Map<String, String> facetLabels(Document page, String facet) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Element box : page.select("aside.facets input[name=" + facet + "]")) {
            Element label = page.selectFirst("label[for=" + box.id() + "] a > span:not(.count)");
            labels.put(box.val(), label.text());
        }
        return labels;
    }

    @Test
    void viAndVieAreOneLanguageInTheApiAndOneNameOnThePage() {
        String word = Made.word();
        long vi = upload(word, "vi", "Bài đọc về nước sạch");
        long vie = upload(word, "vie", "Bài đọc về rừng ngập mặn");
        upload(word, "eng", "A reading about clean water");
        awaitTotal(word, 3);

        JsonNode result = api("q=" + word);
        assertThat(facet(result, "language")).containsExactly(Map.entry("vi", 2L), Map.entry("en", 1L));
        assertThat(Http.get(url("/api/v1/resources/" + vie)).json().get("language").asString()).isEqualTo("vi");
        // the API answers codes where it always has
        assertThat(result.get("hits")).allSatisfy(h -> assertThat(h.get("language").asString()).isIn("vi", "en"));
        assertThat(result.get("hits")).allSatisfy(h -> assertThat(h.get("library").asString()).isEqualTo(SCHOOL));
        assertThat(api("q=" + word + "&language=vie").get("total").asLong()).as("a filter in ISO 639-2").isEqualTo(2);

        Document page = page("/search?q=" + word);
        assertThat(facetLabels(page, "language")).containsExactly(Map.entry("vi", "Tiếng Việt"),
                Map.entry("en", "Tiếng Anh"));
        assertThat(page.select("label[for=" + page.selectFirst("aside.facets input[name=language]").id() + "] .count")
                .text()).isEqualTo("2");
        Element hit = page.selectFirst("a[href=\"/resources/" + vi + "\"]").closest("li");
        assertThat(hit.select(".meta span").eachText()).contains("Tiếng Việt", SCHOOL_NAME)
                .doesNotContain("vi", SCHOOL);

        Document english = page("/search?q=" + word + "&lang=en");
        assertThat(facetLabels(english, "language")).containsExactly(Map.entry("vi", "Vietnamese"),
                Map.entry("en", "English"));

        // a link written with the ISO 639-2 code chooses the one language, and its chip and box take it off again
        Document vieChosen = page("/search?q=" + word + "&language=vie");
        assertThat(vieChosen.select("aside.facets input[name=language][checked]").eachAttr("value")).containsExactly("vi");
        Element chip = vieChosen.selectFirst(".filter-chips a.chip");
        assertThat(chip.text()).contains("Tiếng Việt");
        assertThat(chip.attr("href")).doesNotContain("language");
        Element box = vieChosen.selectFirst("aside.facets input[name=language][checked]");
        assertThat(vieChosen.selectFirst("label[for=" + box.id() + "] a").attr("href")).doesNotContain("language");
    }

    @Test
    void librariesTheirTypesAndFileFormatsAreNamedInFacetsChipsAndHits() {
        String word = Made.word();
        upload(word, "vi", "Phiếu học tập về phân số");
        awaitTotal(word, 1);
        Document page = page("/search?q=" + word + "&library=" + SCHOOL);

        assertThat(facetLabels(page, "library")).containsEntry(SCHOOL, SCHOOL_NAME);
        assertThat(facetLabels(page, "libraryType")).containsExactly(Map.entry("SCHOOL", "Thư viện trường học"));
        assertThat(facetLabels(page, "mediaType")).containsExactly(Map.entry("text/plain", "Văn bản thuần"));
        assertThat(page.selectFirst(".filter-chips a.chip").text()).contains(SCHOOL_NAME).doesNotContain(SCHOOL);
        assertThat(page.select("ol.results .meta").text()).contains(SCHOOL_NAME).doesNotContain(SCHOOL);

        Document english = page("/search?q=" + word + "&lang=en");
        assertThat(facetLabels(english, "libraryType")).containsExactly(Map.entry("SCHOOL", "School library"));
        assertThat(facetLabels(english, "mediaType")).containsExactly(Map.entry("text/plain", "Plain text"));

        Document home = page("/");
        assertThat(home.select("a[href^=\"/search?library=\"] span:not(.count)").eachText())
                .contains(SCHOOL_NAME).doesNotContain(SCHOOL);
    }

    @Test
    void theResourcePageNamesItsLanguageAndTheFormatOfEachFile() {
        JsonNode pdf = sample("mediaType=application/pdf&language=en");
        Document page = page("/resources/" + pdf.get("id").asLong());
        assertThat(language(page)).isEqualTo("Tiếng Anh");
        assertThat(page.select("ul.files li").text()).contains("PDF").doesNotContain("application/pdf");
        assertThat(language(page("/resources/" + pdf.get("id").asLong() + "?lang=en"))).isEqualTo("English");

        String word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        JsonNode docx = sample("mediaType=" + Http.q(word) + "&language=vi");
        Document wordPage = page("/resources/" + docx.get("id").asLong());
        assertThat(language(wordPage)).isEqualTo("Tiếng Việt");
        assertThat(wordPage.select("ul.files li").text()).contains("Word").doesNotContain(word);
    }

    /** The first of the sample library's materials that these filters find, once it is imported. */
    private JsonNode sample(String filters) {
        await(() -> api("q=&" + filters).get("total").asLong() > 0, Duration.ofSeconds(90), "no sample for " + filters);
        return api("q=&" + filters).get("hits").get(0);
    }

    private static String language(Document page) {
        Element dt = page.select("dl.metadata dt").stream().filter(d -> d.text().equals("Ngôn ngữ")
                || d.text().equals("Language")).findFirst().orElseThrow();
        return dt.nextElementSibling().text();
    }

    @Test
    void languagesStoredInIso6392BeforeAreRewrittenAndTheIndexCatchesUpAtStart() throws Exception {
        String word = Made.word();
        long first = upload(word, "vi", "Bài đọc về ong mật");
        long second = upload(word, "vi", "Bài đọc về nấm rơm");
        awaitTotal(word, 2);
        // as a harvest or an import stored them before languages were kept in one spelling
        try (Connection c = dataSource.getConnection();
             PreparedStatement old = c.prepareStatement("update resource set language = 'vie' where id = ?");
             PreparedStatement file = c.prepareStatement(
                     "update resource_file set extracted_language = 'vie' where resource_id = ?")) {
            old.setLong(1, second);
            old.executeUpdate();
            file.setLong(1, second);
            file.executeUpdate();
        }
        indexer.index(second);
        assertThat(facet(api("q=" + word), "language")).containsOnlyKeys("vi", "vie");

        try (Connection c = dataSource.getConnection()) {
            new V23__LanguageCodes().migrate(context(c));
        }
        indexer.reconcile(); // what the next start does

        assertThat(facet(api("q=" + word), "language")).containsExactly(Map.entry("vi", 2L));
        JsonNode resource = Http.get(url("/api/v1/resources/" + second)).json();
        assertThat(resource.get("language").asString()).isEqualTo("vi");
        assertThat(resource.get("files").get(0).get("extraction").get("language").asString()).isEqualTo("vi");
        assertThat(facetLabels(page("/search?q=" + word), "language")).containsExactly(Map.entry("vi", "Tiếng Việt"));
        assertThat(Http.get(url("/api/v1/resources/" + first)).json().get("language").asString()).isEqualTo("vi");
    }

    /** What Flyway hands a Java migration: the connection to run on. */
    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }

    @Test
    void aLibraryCodeNobodyKnowsIsShownAsItIs() {
        Document page = page("/search?q=" + Made.word() + "&library=HN-KHONG-CO");
        assertThat(page.selectFirst(".filter-chips a.chip").text()).contains("HN-KHONG-CO");
        assertThat(facetLabels(page, "library")).containsEntry("HN-KHONG-CO", "HN-KHONG-CO");
    }
}
