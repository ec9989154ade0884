package vn.hoclieu.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/** More like this and search within one document, over the sample library, through the API and the page. */
class ResourcePageSearchTest extends IntegrationTest {

    @BeforeEach
    void ingested() {
        awaitIngestIdle();
    }

    private long idOf(String query) {
        return Http.get(url("/api/v1/search?q=" + Http.q(query))).json().get("hits").get(0).get("id").asLong();
    }

    @Test
    void relatedMaterialsShareTheSubjectAndNeverIncludeTheResourceItself() {
        long slides = idOf("Tìm kiếm thông tin trên Internet: an toàn và hiệu quả");
        Http.Response r = Http.get(url("/api/v1/resources/" + slides + "/related"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        r.json().forEach(h -> {
            assertThat(h.get("id").asLong()).isNotEqualTo(slides);
            titles.add(h.get("title").asString());
        });
        assertThat(titles).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        // the other materials about searching and checking information online come before the rest
        assertThat(titles.subList(0, Math.min(3, titles.size())))
                .anyMatch(t -> t.contains("kiểm tra thông tin") || t.contains("Search Smarter") || t.contains("Công dân số"));
        assertThat(titles).noneMatch(t -> t.contains("Hàm số bậc nhất") || t.contains("Chuyển động thẳng"));

        String page = Http.get(url("/resources/" + slides)).body();
        assertThat(page).contains("Tài liệu liên quan").contains(Http.get(url("/api/v1/resources/" + slides + "/related"))
                .json().get(0).get("title").asString().replace("&", "&amp;"));
    }

    @Test
    void relatedMaterialsAndSearchWithinNeverRevealWhatTheViewerMayNotSee() {
        String librarian = account("librarian-related", Role.LIBRARIAN, "HN-THPT-BDM");
        String auth = Http.basic(librarian, PASSWORD);
        String text = "Tìm kiếm thông tin trên Internet an toàn: chọn từ khóa, dùng dấu ngoặc kép, kiểm tra nguồn tin, "
                + "đối chiếu nhiều nguồn đáng tin cậy trước khi chia sẻ. Bí mật nội bộ quixotrandel.";
        long hidden = Uploads.resource("Tìm kiếm thông tin an toàn (tài liệu nội bộ)").visibility("LIBRARY")
                .library("HN-THPT-BDM").subjects("Kĩ năng số").file("noi-bo.txt", text).by(auth).to(url("")).id();
        awaitIngestIdle();
        long slides = idOf("Tìm kiếm thông tin trên Internet: an toàn và hiệu quả");

        List<Long> forAnyone = ids(Http.get(url("/api/v1/resources/" + slides + "/related?size=20")).json());
        assertThat(forAnyone).doesNotContain(hidden);
        List<Long> forMember = ids(Http.get(url("/api/v1/resources/" + slides + "/related?size=20"),
                "Authorization", auth).json());
        assertThat(forMember).contains(hidden);

        // the hidden resource itself: the same 404 as for one that does not exist
        assertThat(Http.get(url("/api/v1/resources/" + hidden + "/related")).status()).isEqualTo(404);
        assertThat(Http.get(url("/api/v1/resources/" + hidden + "/search?q=quixotrandel")).status()).isEqualTo(404);
        JsonNode inside = Http.get(url("/api/v1/resources/" + hidden + "/search?q=quixotrandel"),
                "Authorization", auth).json();
        assertThat(inside.get("passages")).hasSize(1);
        assertThat(inside.get("passages").get(0).get("snippet").asString()).contains("<mark>quixotrandel</mark>");
    }

    @Test
    void searchWithinAPdfFindsEveryPlaceWithItsPageInReadingOrder() {
        long pdf = idOf("Học tập suốt đời là chìa khóa mở cửa tương lai");
        // typed without diacritics, "kĩ năng" is on page 2 only, several times
        JsonNode skills = Http.get(url("/api/v1/resources/" + pdf + "/search?q=" + Http.q("ky nang"))).json();
        assertThat(skills.get("total").asInt()).isGreaterThanOrEqualTo(3);
        skills.get("passages").forEach(p -> {
            assertThat(p.get("snippet").asString()).containsIgnoringCase("<mark>kĩ</mark> <mark>năng</mark>");
            assertThat(p.get("location").get("kind").asString()).isEqualTo("page");
            assertThat(p.get("location").get("page").asInt()).isEqualTo(2);
        });
        JsonNode learning = Http.get(url("/api/v1/resources/" + pdf + "/search?q=" + Http.q("học tập"))).json();
        List<Integer> pages = new ArrayList<>();
        learning.get("passages").forEach(p -> pages.add(p.get("location").get("page").asInt()));
        assertThat(pages).contains(1, 2).isSorted();
        JsonNode nothing = Http.get(url("/api/v1/resources/" + pdf + "/search?q=" + Http.q("photosynthesis"))).json();
        assertThat(nothing.get("total").asInt()).isZero();

        String page = Http.get(url("/resources/" + pdf + "?within=" + Http.q("da nang"))).body();
        assertThat(page).contains("<mark>Đà</mark> <mark>Nẵng</mark>")
                .containsPattern("href=\"/resources/" + pdf + "/read\\?file=\\d+&amp;page=1&amp;within=da%20nang#f\\d+-p1\"")
                .contains("Thấy ở trang 1")
                // the answer opens at the results: the form's address names them
                .contains("action=\"/resources/" + pdf + "#within-results\"").contains("id=\"within-results\"");
        String none = Http.get(url("/resources/" + pdf + "?within=photosynthesis")).body();
        assertThat(none).contains("Tài liệu này không có những từ đó");
        Http.Response tooLong = Http.get(url("/resources/" + pdf + "?within=" + "a".repeat(1200)));
        assertThat(tooLong.status()).isEqualTo(200);
        assertThat(tooLong.body()).contains("quá dài");
        assertThat(Http.get(url("/api/v1/resources/" + pdf + "/search?q=" + "a".repeat(1200))).status()).isEqualTo(400);
    }

    @Test
    void searchWithinAVideoNamesTheMomentOfEachCue() {
        long video = idOf("Ba bước kiểm tra thông tin trên mạng");
        JsonNode found = Http.get(url("/api/v1/resources/" + video + "/search?q=" + Http.q("chia se"))).json();
        assertThat(found.get("total").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode location = found.get("passages").get(0).get("location");
        assertThat(location.get("kind").asString()).isEqualTo("moment");
        assertThat(location.get("timecode").asString()).isEqualTo("00:12");
    }

    private static List<Long> ids(JsonNode hits) {
        List<Long> ids = new ArrayList<>();
        hits.forEach(h -> ids.add(h.get("id").asLong()));
        return ids;
    }
}
