package vn.hoclieu.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/**
 * The results page as a reader on a phone meets it: the filters behind a button above the results, long
 * value lists shortened behind "show more", numbered page links, and a page past the last that says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultPagesTest extends IntegrationTest {

    private final String word = Made.word();

    @BeforeAll
    void material() {
        Uploads.resource("Tám môn " + word).visibility("PUBLIC")
                .subjects("Toán " + word, "Ngữ văn", "Lịch sử", "Địa lí", "Sinh học", "Vật lí", "Hóa học", "Tin học")
                .text("Bài đọc " + word + " cho mọi môn học.")
                .by(Http.basic(account("pages-librarian", Role.LIBRARIAN, "HN-TVHN"), PASSWORD)).to(url(""));
        awaitIngestIdle();
    }

    @Test
    void thePageNumbersAreTheFirstTheLastAndTwoEitherSideOfThisOne() {
        assertThat(SearchController.pageNumbers(0, 1)).containsExactly(0);
        assertThat(SearchController.pageNumbers(1, 4)).containsExactly(0, 1, 2, 3);
        assertThat(SearchController.pageNumbers(5, 20)).containsExactly(0, null, 3, 4, 5, 6, 7, null, 19);
        assertThat(SearchController.pageNumbers(3, 6)).containsExactly(0, 1, 2, 3, 4, 5);

        long total = Http.get(url("/api/v1/search?q=&size=2")).json().get("total").asLong();
        int pages = (int) ((total + 1) / 2);
        assertThat(pages).as("the sample library fills more than seven pages of two").isGreaterThan(7);
        Document page = Jsoup.parse(Http.get(url("/search?q=&size=2&page=3")).body());
        Element numbers = page.selectFirst("nav.pages ol.page-numbers");
        assertThat(numbers.select("[aria-current=page]").text()).isEqualTo("4");
        assertThat(numbers.select("a").eachText()).containsExactly("1", "2", "3", "5", "6", String.valueOf(pages));
        assertThat(numbers.select(".gap")).hasSize(1);
        assertThat(numbers.select("a").last().attr("href")).contains("page=" + (pages - 1)).contains("size=2");
        assertThat(numbers.select("a").first().attr("aria-label")).isEqualTo("Trang 1");
    }

    @Test
    void aPagePastTheLastSaysThereIsNothingThereAndLinksBack() {
        long total = Http.get(url("/api/v1/search?q=&size=2")).json().get("total").asLong();
        int pages = (int) ((total + 1) / 2);
        Http.Response answer = Http.get(url("/search?q=&size=2&page=999"));
        assertThat(answer.status()).isEqualTo(404);
        Document page = Jsoup.parse(answer.body());
        Element beyond = page.selectFirst(".beyond");
        assertThat(beyond.text()).contains("không có kết quả nào").contains(pages + " trang");
        assertThat(beyond.select("a").eachAttr("href")).anyMatch(h -> h.contains("page=" + (pages - 1)))
                .anyMatch(h -> h.contains("page=0"));
        assertThat(page.select("nav.pages")).isEmpty();
        // nothing found at all is not a page past the end
        assertThat(Http.get(url("/search?q=" + Made.word() + "&page=999")).status()).isEqualTo(200);
    }

    @Test
    void theFiltersButtonComesBeforeTheResultsAndLongListsFoldBehindShowMore() {
        String html = Http.get(url("/search?q=" + word)).body();
        Document page = Jsoup.parse(html);
        Element open = page.selectFirst("a.filters-open");
        assertThat(open.attr("href")).isEqualTo("#filters");
        assertThat(open.text()).isEqualTo("Bộ lọc");
        assertThat(page.getElementById("filters").tagName()).isEqualTo("aside");
        assertThat(html.indexOf("filters-open")).isLessThan(html.indexOf("<ol class=\"results\""));

        Element subjects = page.select("aside.facets fieldset").stream()
                .filter(f -> !f.select("input[name=subject]").isEmpty()).findFirst().orElseThrow();
        assertThat(subjects.select("input[name=subject]")).hasSize(8);
        assertThat(subjects.selectFirst("ul").select("li")).hasSize(SearchController.FACET_SHOWN);
        Element more = subjects.selectFirst("details.more");
        assertThat(more.selectFirst("summary").text()).isEqualTo("Xem thêm (2)");
        assertThat(more.hasAttr("open")).isFalse();

        // a value behind "show more" that is chosen is not hidden: its list opens
        String hidden = more.selectFirst("input").attr("value");
        Document chosen = Jsoup.parse(Http.get(url("/search?q=" + word + "&subject=" + Http.q(hidden))).body());
        assertThat(chosen.selectFirst("a.filters-open").text()).isEqualTo("Bộ lọc (1)");
        Element box = chosen.select("aside.facets input[name=subject]").stream()
                .filter(i -> i.attr("value").equals(hidden)).findFirst().orElseThrow();
        assertThat(box.hasAttr("checked")).isTrue();
        Element folded = box.closest("details.more");
        assertThat(folded == null || folded.hasAttr("open")).as("the chosen value is in view").isTrue();
        chosen.select("details.more").forEach(d -> assertThat(d.hasAttr("open"))
                .isEqualTo(!d.select("input[checked]").isEmpty()));
    }
}
