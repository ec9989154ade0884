package vn.hoclieu.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.account.Role;

/** "Did you mean" over the sample library and a few uploads: accents restored, spelling corrected, nothing leaked. */
class DidYouMeanTest extends IntegrationTest {

    private String uploader;
    private String colleague;

    @BeforeEach
    void material() {
        uploader = Http.basic(account("librarian-dym", Role.LIBRARIAN, "HN-THPT-BDM"), PASSWORD);
        colleague = Http.basic(account("librarian-dym", Role.LIBRARIAN, "HN-THPT-BDM"), PASSWORD);
        synchronized (DidYouMeanTest.class) {
            if (!uploaded) {
                Made.upload(url(""), uploader, "Du lịch miền Trung", "Thành phố Đà Nẵng bên bờ biển, cầu Rồng.", "PUBLIC");
                Made.upload(url(""), uploader, "Ẩm thực Đà Nẵng", "Mì Quảng ở thành phố Đà Nẵng.", "PUBLIC");
                Made.upload(url(""), uploader, "Thiết bị văn phòng", "Máy in đa năng cho trường học.", "PUBLIC");
                uploaded = true;
            }
        }
        awaitIngestIdle();
    }

    private static boolean uploaded;

    private JsonNode search(String q, String... headers) {
        Http.Response r = Http.get(url("/api/v1/search?q=" + Http.q(q)), headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private String didYouMean(String q, String... headers) {
        JsonNode value = search(q, headers).get("didYouMean");
        return value == null || value.isNull() ? null : value.asString();
    }

    @Test
    void unaccentedQueryIsOfferedTheAccentsTheCatalogueUsesMostForThePair() {
        assertThat(didYouMean("da nang")).isEqualTo("đà nẵng");
        assertThat(didYouMean("Da Nang")).isEqualTo("Đà Nẵng");
    }

    @Test
    void restorationChainsThePairsAcrossTheWholeQuery() {
        assertThat(didYouMean("thanh pho da nang")).isEqualTo("thành phố đà nẵng");
        assertThat(didYouMean("hoc tap suot doi")).isEqualTo("học tập suốt đời");
        // a half-accented query keeps the marks typed on real words and completes the rest
        assertThat(didYouMean("hoc tap suot đoi")).isEqualTo("học tập suốt đời");
    }

    @Test
    void aMisspelledQueryThatFindsNothingIsCorrectedAndItsAccentsRestored() {
        assertThat(search("thu vienn").get("total").asLong()).isZero();
        assertThat(didYouMean("thu vienn")).isEqualTo("thư viện");
        assertThat(didYouMean("thư việnn")).isEqualTo("thư viện");
        assertThat(didYouMean("hoc tapp suot doi")).isEqualTo("học tập suốt đời");
    }

    @Test
    void noSuggestionWhenTheQueryIsAlreadyGood() {
        assertThat(didYouMean("học tập suốt đời")).isNull();
        assertThat(didYouMean("Thành phố Đà Nẵng")).isNull();
        assertThat(didYouMean("reading challenge")).isNull();
        assertThat(didYouMean("present perfect")).isNull();
        // nothing similar anywhere: no suggestion rather than a wild one
        assertThat(didYouMean(Made.word())).isNull();
    }

    @Test
    void accentsOnlyInRestrictedMaterialAreNeverSuggestedToOthers() {
        String a = Made.accentedSyllable();
        String b = Made.accentedSyllable();
        String folded = fold(a) + " " + fold(b);
        for (int i = 0; i < 3; i++) {
            // visible to all: both words, never side by side, never with marks
            Made.upload(url(""), uploader, "Ghi chép " + i, "Ghi chép số " + i + ": " + fold(a) + " là gì? Còn " + fold(b) + " là gì?", "PUBLIC");
        }
        Made.upload(url(""), uploader, "Nội bộ", "Kế hoạch " + a + " " + b + " của thư viện.", "LIBRARY");
        awaitIngestIdle();

        assertThat(search(folded).get("total").asLong()).isEqualTo(3);
        // the made-up words may happen to lie near a real phrase of the shared catalogue ("bắt buộc"), which is a
        // fair correction; what must never be offered to those who may not see it is the restricted spelling
        String restricted = a + " " + b;
        assertThat(didYouMean(folded)).isNotEqualTo(restricted);
        String outsider = Http.basic(account("teacher-dym-far", Role.TEACHER, "HN-TVHN"), PASSWORD);
        assertThat(didYouMean(folded, "Authorization", outsider)).isNotEqualTo(restricted);
        assertThat(didYouMean(folded, "Authorization", colleague)).isEqualTo(restricted);
    }

    @Test
    void spellingIsNeverCorrectedToAWordOnlyInRestrictedMaterial() {
        String secret = Made.word();
        Made.upload(url(""), uploader, "Nội bộ", "Mật khẩu phòng máy: " + secret, "LIBRARY");
        awaitIngestIdle();
        String typo = secret.substring(0, secret.length() - 1) + (secret.endsWith("z") ? "y" : "z");

        assertThat(didYouMean(typo)).isNull();
        assertThat(didYouMean(typo, "Authorization", colleague)).isEqualTo(secret);
    }

    @Test
    void theResultsPageOffersTheSuggestionAsALinkThatKeepsTheFilters() {
        String page = Http.get(url("/search?q=da+nang&language=vi&sort=newest")).body();
        Matcher offer = Pattern.compile("(?s)<p class=\"did-you-mean\">(.*?)</p>").matcher(page);
        assertThat(offer.find()).as(page).isTrue();
        assertThat(offer.group(1)).contains("Có phải bạn muốn tìm:").contains(">đà nẵng</a>")
                .contains("language=vi").contains("sort=newest")
                .contains("q=%C4%91%C3%A0%20n%E1%BA%B5ng");
        String english = Http.get(url("/search?q=da+nang"), "Cookie", "hoclieu-lang=en").body();
        assertThat(english).contains("Did you mean:");
        assertThat(Http.get(url("/search?q=" + Http.q("học tập suốt đời"))).body()).doesNotContain("did-you-mean");
    }

    @Test
    void aSearchThatFindsNothingShowsWhatItsSuggestionFindsAndSaysSo() {
        // the API answers the query as asked, its suggestion beside
        JsonNode api = search("thu vienn");
        assertThat(api.get("total").asLong()).isZero();
        assertThat(api.get("hits").size()).isZero();
        assertThat(api.get("didYouMean").asString()).isEqualTo("thư viện");
        long found = Http.get(url("/api/v1/search?language=vi&q=" + Http.q("thư viện"))).json().get("total").asLong();

        Document page = Jsoup.parse(Http.get(url("/search?q=thu+vienn&language=vi")).body());
        Element instead = page.selectFirst("p.showing-instead");
        assertThat(instead).as(page.html()).isNotNull();
        assertThat(instead.text()).startsWith("Đang hiển thị kết quả cho thư viện").contains("Tìm chính xác thu vienn");
        assertThat(instead.select("a").get(1).attr("href")).contains("q=thu%20vienn").contains("language=vi")
                .contains("exact=true");
        assertThat(page.select("ol.results > li")).isNotEmpty();
        assertThat(page.selectFirst(".no-results")).isNull();
        assertThat(page.selectFirst("p.did-you-mean")).isNull();
        assertThat(page.selectFirst(".summary").text().replaceAll("^\\D*(\\d+).*$", "$1"))
                .as("the suggestion's results, counted").isEqualTo(Long.toString(found));
        assertThat(page.selectFirst("#q").attr("value")).as("the words typed stay in the box").isEqualTo("thu vienn");

        Document exact = Jsoup.parse(Http.get(url("/search?q=thu+vienn&language=vi&exact=true")).body());
        assertThat(exact.selectFirst("p.showing-instead")).isNull();
        assertThat(exact.selectFirst(".no-results")).isNotNull();
        assertThat(exact.selectFirst("p.did-you-mean a").text()).isEqualTo("thư viện");
        assertThat(exact.selectFirst("p.did-you-mean a").attr("href")).doesNotContain("exact");

        String english = Http.get(url("/search?q=thu+vienn"), "Cookie", "hoclieu-lang=en").body();
        assertThat(Jsoup.parse(english).selectFirst("p.showing-instead").text()).startsWith("Showing results for")
                .contains("Search instead for");
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
