package vn.hoclieu.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/** {@code GET /api/v1/search} and {@code /suggest} over the sample library. */
class SearchApiTest extends IntegrationTest {

    @BeforeEach
    void ingested() {
        awaitIngestIdle();
    }

    private JsonNode search(String query) {
        Http.Response r = Http.get(url("/api/v1/search?" + query));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hoc tap suot doi", "học tập suốt đời", "HỌC TẬP SUỐT ĐỜI", "hoc tap suot đoi"})
    void lifelongLearningComesFirstWithOrWithoutDiacritics(String q) {
        JsonNode result = search("q=" + Http.q(q));
        assertThat(result.get("hits").get(0).get("title").asString()).startsWith("Học tập suốt đời");
        assertThat(result.get("hits").get(0).get("snippet").asString()).contains("<mark>");
    }

    @Test
    void decomposedQueryFindsComposedText() {
        String nfd = Normalizer.normalize("học tập suốt đời", Normalizer.Form.NFD);
        assertThat(search("q=" + Http.q(nfd)).get("hits").get(0).get("title").asString()).startsWith("Học tập suốt đời");
    }

    @Test
    void resultsCarryTheContractFields() {
        JsonNode result = search("q=" + Http.q("thu vien") + "&size=3");
        assertThat(result.get("total").asLong()).isGreaterThan(3);
        assertThat(result.get("hits")).hasSize(3);
        JsonNode hit = result.get("hits").get(0);
        for (String field : List.of("id", "title", "snippet", "materialType", "language", "library", "score")) {
            assertThat(hit.has(field)).as(field).isTrue();
        }
        assertThat(result.has("didYouMean")).isTrue();
        assertThat(result.get("tookMs").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(result.get("facets").get("materialType")).isNotEmpty();
        assertThat(result.get("facets").get("language")).isNotEmpty();
    }

    @Test
    void pagesDoNotOverlap() {
        List<Long> first = ids(search("q=&size=5&page=0"));
        List<Long> second = ids(search("q=&size=5&page=1"));
        assertThat(first).hasSize(5);
        assertThat(second).hasSize(5).doesNotContainAnyElementsOf(first);
    }

    private static long count(JsonNode result, String facet, String value) {
        for (JsonNode v : result.get("facets").get(facet)) {
            if (v.get("value").asString().equals(value)) {
                return v.get("count").asLong();
            }
        }
        return 0;
    }

    @Test
    void facetFiltersNarrowAndOtherValuesOfTheSameFacetStayVisible() {
        // other tests upload into the same instance: compare with the counts, not with fixed numbers
        JsonNode all = search("q=");
        JsonNode videos = search("q=&materialType=VIDEO");
        assertThat(videos.get("total").asLong()).isEqualTo(count(all, "materialType", "VIDEO")).isPositive();
        assertThat(videos.get("hits").get(0).get("materialType").asString()).isEqualTo("VIDEO");
        // drill sideways: the material-type facet still lists every type with its full count
        assertThat(videos.get("facets").get("materialType").size())
                .isEqualTo(all.get("facets").get("materialType").size());
        // other facets are counted within the filter
        long englishVideos = 0;
        for (JsonNode v : videos.get("facets").get("language")) {
            englishVideos += v.get("value").asString().equals("en") ? v.get("count").asLong() : 0;
        }
        assertThat(englishVideos).isZero();

        JsonNode english = search("q=&language=en");
        assertThat(english.get("total").asLong()).isEqualTo(count(all, "language", "en")).isGreaterThanOrEqualTo(4);
        JsonNode firstType = english.get("facets").get("materialType").get(0);
        JsonNode narrowed = search("q=&language=en&materialType=" + firstType.get("value").asString());
        assertThat(narrowed.get("total").asLong()).isEqualTo(firstType.get("count").asLong())
                .isLessThan(english.get("total").asLong());
        JsonNode either = search("q=&materialType=VIDEO&materialType=AUDIO");
        assertThat(either.get("total").asLong())
                .isEqualTo(count(all, "materialType", "VIDEO") + count(all, "materialType", "AUDIO"));
    }

    @Test
    void sortsByTitleAndNewest() {
        List<String> titles = new ArrayList<>();
        search("q=&sort=title&size=20").get("hits").forEach(h -> titles.add(h.get("title").asString()));
        // the filing rule of a catalogue: diacritics and case folded, punctuation ignored (a title
        // beginning with "=" or a quotation mark files under its first word)
        List<String> folded = titles.stream()
                .map(t -> Normalizer.normalize(t.replace('Đ', 'D').replace('đ', 'd'),
                        Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase()
                        .replaceAll("[^\\p{L}\\p{N}]+", " ").strip())
                .toList();
        assertThat(folded).isSorted();
        assertThat(search("q=&sort=newest").get("total").asLong()).isGreaterThan(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"hoc tap", "(hoc tap", "title:(hoc AND", "hoc* ~2 ^3 {a TO z]", "📚 sách 🙂",
            "\u0000\u0007hoc\u001b tap", "   ", "AND OR NOT", "\\\\", "a\"b\"c\"d"})
    void oddQueriesStillAnswer(String q) {
        Http.Response r = Http.get(url("/api/v1/search?q=" + Http.q(q)));
        assertThat(r.status()).as(q + " → " + r.body()).isEqualTo(200);
    }

    @Test
    void manyQuotedPhrasesAreCutNotA500() {
        String q = "\"a\" ".repeat(330);
        Http.Response r = Http.get(url("/api/v1/search?q=" + Http.q(q.substring(0, 990))));
        assertThat(r.status()).as(r.body()).isIn(200, 400);
        assertThat(r.header("Content-Type")).contains("json");
    }

    @Test
    void phraseWithSomeAccentsMatchesTheAccentedText() {
        JsonNode result = search("q=" + Http.q("\"lược sử Thang Long\""));
        assertThat(result.get("total").asLong()).isPositive();
        assertThat(result.get("hits").get(0).get("title").asString()).contains("Thăng Long");
    }

    @Test
    void phraseDoesNotMatchScatteredWords() {
        // "Học sinh tập …" has both words, not adjacent; the design's own example (docs/search.md)
        JsonNode result = search("q=" + Http.q("\"hoc tap\""));
        result.get("hits").forEach(h -> assertThat(h.get("snippet").asString().toLowerCase())
                .satisfiesAnyOf(s -> assertThat(s).contains("<mark>học</mark> <mark>tập</mark>"),
                        s -> assertThat(s).contains("<mark>hoc</mark> <mark>tap</mark>")));
    }

    @Test
    void unknownApiAddressIsAProblemJson404() {
        Http.Response r = Http.get(url("/api/v1/no-such-thing"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void unbalancedQuoteIsReadAsWords() {
        assertThat(search("q=" + Http.q("\"hoc tap suot doi")).get("hits").get(0).get("title").asString())
                .startsWith("Học tập suốt đời");
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=-1", "size=0", "size=1000", "page=abc", "sort=bogus", "page=5000&size=100",
            "color=red&materialType=BOOK"})
    void badParametersAreA400WithAClearMessage(String query) {
        Http.Response r = Http.get(url("/api/v1/search?q=sach&" + query));
        if (query.startsWith("color")) {
            assertThat(r.status()).isEqualTo(200); // unknown parameters are ignored, like any web API
            return;
        }
        assertThat(r.status()).as(query).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void aTenThousandCharacterQueryIsRefusedInTheCallersLanguage() {
        String q = "học ".repeat(2500);
        Http.Response vi = Http.get(url("/api/v1/search?q=" + Http.q(q)));
        assertThat(vi.status()).isEqualTo(400);
        assertThat(vi.json().get("detail").asString()).contains("quá dài");
        Http.Response en = Http.get(url("/api/v1/search?q=" + Http.q(q)), "Accept-Language", "en-US,en;q=0.8");
        assertThat(en.json().get("detail").asString()).contains("too long");
    }

    @Test
    void suggestionsCompleteTitlesAccentInsensitively() {
        Http.Response r = Http.get(url("/api/v1/suggest?q=" + Http.q("hoc t")));
        assertThat(r.status()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        r.json().forEach(s -> texts.add(s.get("text").asString()));
        assertThat(texts).anyMatch(t -> t.startsWith("Học tập suốt đời"));
        assertThat(r.json().get(0).has("resourceId")).isTrue();
        assertThat(Http.get(url("/api/v1/suggest?q=")).json()).isEmpty();
    }

    @Test
    void aHitInSubtitlesNamesTheMomentAndLinksToIt() {
        JsonNode hit = search("q=" + Http.q("doi chieu voi it nhat hai nguon")).get("hits").get(0);
        assertThat(hit.get("materialType").asString()).isEqualTo("VIDEO");
        JsonNode location = hit.get("location");
        assertThat(location.get("kind").asString()).isEqualTo("moment");
        assertThat(location.get("seconds").asDouble()).isEqualTo(9.098);
        assertThat(location.get("timecode").asString()).isEqualTo("00:09");

        String page = Http.get(url("/search?q=" + Http.q("doi chieu voi it nhat hai nguon"))).body();
        assertThat(page).contains("href=\"/resources/" + hit.get("id").asLong() + "?t=9\"").contains("00:09");
        String player = Http.get(url("/resources/" + hit.get("id").asLong() + "?t=9")).body();
        assertThat(player).containsPattern("<video[^>]+src=\"[^\"]+#t=9\"");
    }

    @Test
    void aHitInAPdfNamesItsPageAndOpensThePreviewThere() throws Exception {
        String librarian = Http.basic(account("librarian-pdf-pages", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        byte[] pdf;
        try (PDDocument doc = new PDDocument();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String[] pages = {"Chapter one is about reading every day.", "Chapter two is about libraries.",
                    "Chapter three explains the zyxwquorble method of note taking."};
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (var content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(text);
                    content.endText();
                }
            }
            doc.save(out);
            pdf = out.toByteArray();
        }
        Uploads.resource("Three chapters").visibility("PUBLIC").file("chapters.pdf", pdf).by(librarian).to(url(""));
        awaitIngestIdle();

        JsonNode hit = search("q=zyxwquorble").get("hits").get(0);
        assertThat(hit.get("location").get("kind").asString()).isEqualTo("page");
        assertThat(hit.get("location").get("page").asInt()).isEqualTo(3);
        long id = hit.get("id").asLong();
        long file = hit.get("location").get("fileId").asLong();
        String page = Http.get(url("/search?q=zyxwquorble")).body();
        // the reader at that page: pictures of the pages, which a phone shows where it shows no PDF
        assertThat(page).contains("href=\"/resources/" + id + "/read?file=" + file + "&amp;page=3#f" + file + "-p3\"")
                .contains("Thấy ở trang 3");
        String reader = Http.get(url("/resources/" + id + "/read?file=" + file + "&page=3")).body();
        assertThat(reader).contains("id=\"f" + file + "-p3\"").contains("/files/" + file + "/pages/3\"")
                .contains("Trang 3/3");
        // an older link to the resource page: the picture of that page, and the PDF itself at that page
        String resource = Http.get(url("/resources/" + id + "?page=3")).body();
        assertThat(resource).contains("/files/" + file + "/pages/3\"").containsPattern("href=\"[^\"]+/content#page=3\"");
        assertThat(Http.get(url("/resources/" + id + "?page=3%22%3E")).body()).doesNotContain("#page=");
    }

    private static List<Long> ids(JsonNode result) {
        List<Long> ids = new ArrayList<>();
        result.get("hits").forEach(h -> ids.add(h.get("id").asLong()));
        return ids;
    }
}
