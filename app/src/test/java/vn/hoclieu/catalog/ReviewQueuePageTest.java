package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import vn.hoclieu.Browser;
import vn.hoclieu.Damage;
import vn.hoclieu.HostileCorpus;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.TestFiles;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/**
 * The review queue as a librarian decides from it: each submission with its files' read status,
 * format, size and warnings, its thumbnail and the submitter's name; several approved at once, and
 * only those the reviewer may approve.
 */
class ReviewQueuePageTest extends IntegrationTest {

    private static final String SCHOOL = "HN-THPT-BDM", OTHER = "HN-TVHN";

    @Test
    void eachSubmissionShowsWhatTheReviewerNeedsToDecide() throws Exception {
        String title = "Hàng đợi đủ thông tin " + ReviewFlowTest.word();
        String salt = UUID.randomUUID().toString();
        byte[] damaged = Damage.NOISE_AFTER_HEADER.apply(HostileCorpus.pdf("Bai doc " + salt));
        damaged = Arrays.copyOf(damaged, damaged.length + salt.length());
        System.arraycopy(salt.getBytes(StandardCharsets.US_ASCII), 0, damaged, damaged.length - salt.length(),
                salt.length());
        // 3,000 bytes of text: 2.9 KB
        String text = ("Bai doc " + salt + " ").repeat(200).substring(0, 3_000);
        long id = Uploads.resource(title).file("bai-doc.txt", text).file("phu-luc.pdf", damaged)
                .file("anh-bia.gif", TestFiles.gif()).by(teacher(SCHOOL)).to(url("")).id();
        awaitIngestIdle();

        HttpResponse<String> page = librarian(SCHOOL).get("/review");
        assertThat(page.statusCode()).isEqualTo(200);
        Element card = Jsoup.parse(page.body()).select("li.submission").stream()
                .filter(li -> li.text().contains(title)).findFirst().orElseThrow();
        String shown = card.text();
        assertThat(shown).as("the submitter's name, not the login").contains("Cô Nguyễn Thị Hoa")
                .doesNotContain("rq-teacher-" + SCHOOL.toLowerCase());
        assertThat(shown).contains("Văn bản thuần").contains("2,9 KB").contains("Đã đọc nội dung")
                .contains("PDF").contains("Không đọc được nội dung")
                .contains("Tệp PDF bị hỏng, không đọc được nội dung.");
        assertThat(card.select(".warning").text()).contains("Tệp PDF bị hỏng");
        assertThat(card.select("img.thumb").attr("src")).isEqualTo("/api/v1/resources/" + id + "/thumbnail");
        assertThat(card.select("input[type=checkbox][name=id][form=bulk]").attr("value")).isEqualTo(String.valueOf(id));
        assertThat(card.select("form[action$=/approve] button")).isNotEmpty();
    }

    @Test
    void aLibrarianApprovesSeveralAtOnceButOnlyTheirOwnLibrarys() throws Exception {
        long first = Uploads.resource("Duyệt cùng lúc một " + ReviewFlowTest.word()).by(teacher(SCHOOL)).to(url("")).id();
        long second = Uploads.resource("Duyệt cùng lúc hai " + ReviewFlowTest.word()).by(teacher(SCHOOL)).to(url("")).id();
        long elsewhere = Uploads.resource("Không phải của thư viện này " + ReviewFlowTest.word()).by(teacher(OTHER))
                .to(url("")).id();
        Browser librarian = librarian(SCHOOL);
        String queue = librarian.get("/review").body();
        assertThat(queue).contains("Duyệt các mục đã chọn");

        HttpResponse<String> done = librarian.postForm("/review/approve", Browser.csrf(queue),
                "id", String.valueOf(first), "id", String.valueOf(second), "id", String.valueOf(elsewhere));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/review");
        String after = librarian.get("/review").body();
        assertThat(after).contains("Đã duyệt và xuất bản 2 tài liệu.").contains("1 tài liệu không duyệt được");
        assertThat(status(first)).isEqualTo("PUBLISHED");
        assertThat(status(second)).isEqualTo("PUBLISHED");
        assertThat(status(elsewhere)).as("another library's submission is left waiting").isEqualTo("PENDING");

        HttpResponse<String> nothing = librarian.postForm("/review/approve", Browser.csrf(after));
        assertThat(nothing.statusCode()).isEqualTo(302);
        assertThat(librarian.get("/review").body()).contains("Chưa chọn tài liệu nào");
        // without the form's token nothing is approved
        assertThat(librarian.postForm("/review/approve", "no-token", "id", String.valueOf(elsewhere)).statusCode())
                .isEqualTo(403);
        assertThat(status(elsewhere)).isEqualTo("PENDING");
    }

    private String status(long id) {
        return Http.get(url("/api/v1/resources/" + id), "Authorization", Http.basic("admin", PASSWORD)).json()
                .get("status").asString();
    }

    /** A teacher of the library, with a display name unlike their login. */
    private String teacher(String library) {
        String username = "rq-teacher-" + library.toLowerCase();
        synchronized (IntegrationTest.class) {
            if (accounts.byUsername(username).isEmpty()) {
                accounts.create(username, PASSWORD, "Cô Nguyễn Thị Hoa", Role.TEACHER, library);
            }
        }
        return Http.basic(username, PASSWORD);
    }

    private Browser librarian(String library) throws Exception {
        String username = account("rq-librarian-" + library.toLowerCase(), Role.LIBRARIAN, library);
        Browser browser = new Browser(url(""));
        assertThat(browser.signIn(username, PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }
}
