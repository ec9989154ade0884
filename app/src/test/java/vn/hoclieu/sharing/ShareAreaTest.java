package vn.hoclieu.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;
import vn.hoclieu.QrSvg;

/**
 * The resource page's one share area: the page's address for every reader, the libraries and the share
 * links below it for those who may share; a new link in a field to copy (a button copies it with script)
 * and as a QR code when the link opens something.
 */
class ShareAreaTest extends IntegrationTest {

    private static final String A = "HN-TVHN";
    private static final Pattern NEW_LINK = Pattern.compile("id=\"new-share-link\"[^>]*value=\"([^\"]+/s/[A-Za-z0-9_-]{43})\"");

    @Test
    void theResourcePageHasOneShareAreaAndANewLinkComesToCopyAndAsAQrCode() throws Exception {
        account("sa-librarian", Role.LIBRARIAN, A);
        long id = Uploads.resource("Chia sẻ một chỗ " + UUID.randomUUID()).visibility("PUBLIC").library(A)
                .by(Http.basic("sa-librarian", PASSWORD)).to(url("")).id();

        String readers = new Browser(url("")).get("/resources/" + id).body();
        assertThat(count(readers, "class=\"sharing\"")).as("one share area for a reader").isEqualTo(1);
        assertThat(readers).contains("id=\"page-url\"").doesNotContain("id=\"chia-se\"");

        Browser librarian = new Browser(url(""));
        librarian.signIn("sa-librarian", PASSWORD);
        String page = librarian.get("/resources/" + id).body();
        assertThat(count(page, "class=\"sharing\"")).as("one share area for whoever may share").isEqualTo(1);
        assertThat(page).contains("id=\"page-url\"").contains("id=\"chia-se\"").doesNotContain("id=\"new-share-link\"");
        HttpResponse<String> made = librarian.postForm("/resources/" + id + "/links", Browser.csrf(page), "days", "7");
        assertThat(made.statusCode()).isEqualTo(302);

        String after = librarian.get("/resources/" + id).body();
        Matcher link = NEW_LINK.matcher(after);
        assertThat(link.find()).as("the new link, in a field to select").isTrue();
        assertThat(after).contains("data-copy=\"new-share-link\"").contains("/js/share.js");
        assertThat(QrSvg.decode(after.substring(after.indexOf("class=\"qr\""))))
                .as("the QR code holds the link").isEqualTo(link.group(1));
        assertThat(new Browser(url("")).get(link.group(1).replaceFirst("^.*/s/", "/s/")).statusCode())
                .as("and the link opens the page").isEqualTo(302);
        assertThat(librarian.get("/resources/" + id).body()).as("shown once").doesNotContain("id=\"new-share-link\"");
    }

    @Test
    void aLinkToMaterialAwaitingReviewHasNoQrCodeYetAndACollectionLinkHasOne() throws Exception {
        account("sa-teacher", Role.TEACHER, A);
        String teacher = Http.basic("sa-teacher", PASSWORD);
        long pending = Uploads.resource("Chờ duyệt " + UUID.randomUUID()).library(A).by(teacher).to(url("")).id();
        Browser browser = new Browser(url(""));
        browser.signIn("sa-teacher", PASSWORD);
        String page = browser.get("/resources/" + pending).body();
        browser.postForm("/resources/" + pending + "/links", Browser.csrf(page), "days", "1");
        String after = browser.get("/resources/" + pending).body();
        assertThat(NEW_LINK.matcher(after).find()).isTrue();
        assertThat(after).doesNotContain("class=\"qr\"");

        long collection = Http.json("POST", url("/api/v1/collections"), teacher, "{\"title\":\"Lớp 6A đọc thêm\"}")
                .json().get("id").asLong();
        String mine = browser.get("/collections/" + collection).body();
        browser.postForm("/collections/" + collection + "/links", Browser.csrf(mine), "days", "7");
        String shared = browser.get("/collections/" + collection).body();
        Matcher link = NEW_LINK.matcher(shared);
        assertThat(link.find()).isTrue();
        assertThat(QrSvg.decode(shared.substring(shared.indexOf("class=\"qr\"")))).isEqualTo(link.group(1));
    }

    private static int count(String html, String what) {
        return html.split(Pattern.quote(what), -1).length - 1;
    }
}
