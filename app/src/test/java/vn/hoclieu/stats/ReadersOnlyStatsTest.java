package vn.hoclieu.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;
import vn.hoclieu.catalog.UsageService;

/**
 * The statistics count readers: not the library's staff, administrators or the uploader looking at a
 * material, nor anyone looking at material not yet published. The dashboard's figures download as CSV.
 */
class ReadersOnlyStatsTest extends IntegrationTest {

    private static final String LIBRARY = "HN-GDTX-CG";

    @Autowired
    UsageService usage;

    @Test
    void viewsByTheMaterialsOwnPeopleAndOfUnpublishedMaterialAreNotCounted() throws Exception {
        String librarian = account("ros-librarian", Role.LIBRARIAN, LIBRARY);
        String teacher = account("ros-teacher", Role.TEACHER, LIBRARY);
        account("ros-reader", Role.READER, LIBRARY);
        long published = Uploads.resource("Đếm lượt đọc " + UUID.randomUUID()).library(LIBRARY)
                .by(Http.basic(librarian, PASSWORD)).to(url("")).id();
        long pending = Uploads.resource("Chưa duyệt " + UUID.randomUUID()).library(LIBRARY)
                .by(Http.basic(teacher, PASSWORD)).to(url("")).id();

        for (String who : new String[] {librarian, "admin", teacher}) {
            Browser b = new Browser(url(""));
            b.signIn(who, PASSWORD);
            assertThat(b.get("/resources/" + pending).statusCode()).as(who).isEqualTo(200);
            if (!who.equals(teacher)) { // a teacher is a reader of the library's other materials
                assertThat(b.get("/resources/" + published).statusCode()).isEqualTo(200);
            }
        }
        // the uploader's own download is not a reader's either
        Browser uploader = new Browser(url(""));
        uploader.signIn(librarian, PASSWORD);
        String file = Http.get(url("/api/v1/resources/" + published)).json().get("files").get(0).get("id").asString();
        uploader.get("/api/v1/resources/" + published + "/files/" + file + "/content?download=true");
        assertThat(usage.usage(published)).isEqualTo(new UsageService.Usage(0, 0));
        assertThat(usage.usage(pending)).isEqualTo(new UsageService.Usage(0, 0));

        Browser reader = new Browser(url(""));
        reader.signIn("ros-reader", PASSWORD);
        reader.get("/resources/" + published);
        Http.get(url("/resources/" + published), "User-Agent", "ros-" + UUID.randomUUID());
        assertThat(usage.usage(published)).isEqualTo(new UsageService.Usage(2, 0));
    }

    @Test
    void theDashboardsFiguresDownloadAsCsvForExcelWithTheSameRights() throws Exception {
        String librarian = account("ros-csv", Role.LIBRARIAN, LIBRARY);
        String title = "=HYPERLINK(\"x\") Sổ tay " + UUID.randomUUID().toString().substring(0, 6);
        long id = Uploads.resource(title).visibility("PUBLIC").library(LIBRARY)
                .by(Http.basic(librarian, PASSWORD)).to(url("")).id();
        for (int i = 0; i < 15; i++) { // among the library's ten most used, whatever other tests read
            Http.get(url("/resources/" + id), "User-Agent", "ros-csv-" + UUID.randomUUID());
        }
        usage.flush();
        Browser browser = new Browser(url(""));
        browser.signIn(librarian, PASSWORD);
        String dashboard = browser.get("/dashboard").body();
        assertThat(dashboard).contains("/dashboard/statistics.csv?").contains("table=most-used");

        LocalDate today = LocalDate.now();
        HttpResponse<String> series = browser.get("/dashboard/statistics.csv?from=" + today.minusDays(6) + "&to=" + today);
        assertThat(series.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(series.headers().firstValue("Content-Disposition").orElse("")).contains("attachment")
                .contains("thong-ke-" + LIBRARY);
        String text = series.body();
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> rows = CSVFormat.EXCEL.parse(new StringReader(text.substring(1))).getRecords();
        assertThat(rows.get(0).values()).containsExactly("Từ ngày", "Đến ngày", "Lượt xem", "Lượt tải xuống",
                "Lượt tìm (toàn hệ thống)", "Không tìm thấy gì");
        assertThat(rows).hasSize(8);
        CSVRecord last = rows.get(7);
        assertThat(last.get(0)).isEqualTo(today.toString());
        assertThat(Long.parseLong(last.get(2))).isPositive();

        String used = browser.get("/dashboard/statistics.csv?table=most-used").body();
        assertThat(used).contains(id + ",\"'" + title.replace("\"", "\"\"") + "\"");

        assertThat(browser.get("/dashboard/statistics.csv?table=khong-co").statusCode()).isEqualTo(400);
        assertThat(browser.get("/dashboard/statistics.csv?library=HN-TVHN").statusCode())
                .as("another library's figures").isEqualTo(403);
    }
}
