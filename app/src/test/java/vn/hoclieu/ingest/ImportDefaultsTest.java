package vn.hoclieu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.Imports;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Zips;
import vn.hoclieu.account.Role;
import vn.hoclieu.ingest.internal.FolderImporter;

/**
 * A bulk import as a librarian prepares it: the metadata.csv template, the licence, type and visibility
 * chosen for every file, files already in the catalogue skipped and said so, titles the files carry kept;
 * and the queue counted the same on its page and on the dashboard.
 */
class ImportDefaultsTest extends IntegrationTest {

    private static final String LIBRARY = "HN-TVHN";

    @Test
    void batchDefaultsFillWhatMetadataCsvLeavesOutAndASecondImportIsSkippedNotDone() throws Exception {
        account("idt-librarian", Role.LIBRARIAN, LIBRARY);
        String librarian = Http.basic("idt-librarian", PASSWORD);
        Browser browser = new Browser(url(""));
        browser.signIn("idt-librarian", PASSWORD);
        String form = browser.get("/imports/new").body();
        assertThat(form).contains("href=\"/imports/metadata.csv\"").contains("name=\"licence\"")
                .contains("name=\"materialType\"").contains("name=\"visibility\"");

        // the template as a spreadsheet saves it: its byte order mark and header, then the librarian's rows
        String template = browser.get("/imports/metadata.csv").body();
        assertThat(template).startsWith("\uFEFF" + String.join(",", FolderImporter.COLUMNS) + "\r\n");
        String header = template.substring(0, template.indexOf("\r\n"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("metadata.csv", (header + "\r\nrieng.txt,Bài có giấy phép riêng,,,vi,,,,CC0-1.0,,,,\r\n"
                + "chung.txt,,,,,,,,,,,,\r\n").getBytes(StandardCharsets.UTF_8));
        entries.put("rieng.txt", ("Bài đọc " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        entries.put("chung.txt", ("Bài đọc " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        byte[] zip = Zips.of(entries);
        String withDefaults = url("/api/v1/imports?licence=CC-BY-4.0&materialType=WORKSHEET&visibility=NETWORK");

        JsonNode first = await(Http.upload(withDefaults, librarian, Map.of("lop-6.zip", zip), null), librarian);
        assertThat(first.get("done").asInt()).isEqualTo(2);
        assertThat(first.get("skipped").asInt()).isZero();
        JsonNode own = resource(Imports.item(first, "rieng.txt"), librarian);
        assertThat(own.get("title").asString()).isEqualTo("Bài có giấy phép riêng");
        assertThat(own.get("licence").asString()).as("the row's own licence").isEqualTo("CC0-1.0");
        assertThat(own.get("materialType").asString()).isEqualTo("WORKSHEET");
        assertThat(own.get("visibility").asString()).isEqualTo("NETWORK");
        JsonNode batch = resource(Imports.item(first, "chung.txt"), librarian);
        assertThat(batch.get("licence").asString()).as("the batch's licence").isEqualTo("CC-BY-4.0");
        assertThat(batch.get("materialType").asString()).isEqualTo("WORKSHEET");
        assertThat(batch.get("visibility").asString()).isEqualTo("NETWORK");

        Http.Response again = Http.upload(withDefaults, librarian, Map.of("lop-6.zip", zip), null);
        JsonNode second = await(again, librarian);
        assertThat(second.get("skipped").asInt()).isEqualTo(2);
        assertThat(Imports.item(second, "chung.txt").get("outcome").asString()).isEqualTo("DUPLICATE");
        String page = HtmlUtils.htmlUnescape(browser.get("/imports/" + second.get("id").asLong()).body());
        assertThat(page).contains("2 tệp: 0 xong, 2 bỏ qua (trùng), 0 lỗi, 0 đang xử lý")
                .contains("<td>Bỏ qua (trùng)</td>").doesNotContain("<td>Xong</td>");
        String dashboard = HtmlUtils.htmlUnescape(browser.get("/dashboard").body());
        assertThat(dashboard).contains("2 tệp: 0 đã nhập, 2 bỏ qua (trùng), 0 lỗi, 0 chưa nhập");

        Http.Response refused = Http.upload(url("/api/v1/imports?materialType=SACH"), librarian,
                Map.of("lop-6.zip", zip), null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("materialType").contains("SACH");
    }

    @Test
    void aFileKeepsTheTitleItCarriesAndAPlaceholderTitleFallsBackToTheFileName() {
        String librarian = Http.basic(account("idt-titles", Role.LIBRARIAN, LIBRARY), PASSWORD);
        String word = UUID.randomUUID().toString();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("giao-an-ls8.html", html("Giáo án Lịch sử lớp 8 – Bài 3", word));
        entries.put("bai-tap-ve-nha.html", html("Microsoft Word - bai-tap.doc", word));
        entries.put("phieu-hoc-tap.html", html("Untitled document", word));
        JsonNode status = Imports.send(url(""), librarian, "tieu-de.zip", Zips.of(entries));

        assertThat(resource(Imports.item(status, "giao-an-ls8.html"), librarian).get("title").asString())
                .isEqualTo("Giáo án Lịch sử lớp 8 – Bài 3");
        assertThat(resource(Imports.item(status, "bai-tap-ve-nha.html"), librarian).get("title").asString())
                .isEqualTo("Bai tap ve nha");
        assertThat(resource(Imports.item(status, "phieu-hoc-tap.html"), librarian).get("title").asString())
                .isEqualTo("Phieu hoc tap");
    }

    @Test
    void theQueuePageAndTheDashboardCountTheSameJobsAndSayWhose() throws Exception {
        account("idt-queue", Role.LIBRARIAN, LIBRARY);
        awaitIngestIdle();
        Browser browser = new Browser(url(""));
        browser.signIn("idt-queue", PASSWORD);
        String queue = HtmlUtils.htmlUnescape(browser.get("/ingest").body());
        String dashboard = HtmlUtils.htmlUnescape(browser.get("/dashboard").body());
        Map<String, String> onQueue = counts(queue);
        assertThat(onQueue).containsOnlyKeys("QUEUED", "RUNNING", "DONE", "FAILED", "DISCARDED");
        assertThat(counts(dashboard)).isEqualTo(onQueue);
        assertThat(Long.parseLong(onQueue.get("DONE"))).isPositive();
        for (String page : new String[] {queue, dashboard}) {
            assertThat(page).contains("Tệp của Thư viện").contains(">Xong</span>: <strong")
                    .contains(">Đã gác lại</span>");
        }
        assertThat(Http.get(url("/api/v1/ingest/queue"), "Authorization", Http.basic("idt-queue", PASSWORD))
                .json().get("counts").get("DONE").asString()).isEqualTo(onQueue.get("DONE"));
    }

    private JsonNode await(Http.Response accepted, String librarian) {
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return Imports.await(url(""), accepted.json().get("id").asLong(), librarian);
    }

    private JsonNode resource(JsonNode item, String librarian) {
        return Http.get(url("/api/v1/resources/" + item.get("resourceId").asLong()), "Authorization", librarian).json();
    }

    private static byte[] html(String title, String word) {
        return ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body><p>Nội dung " + word + " " + title.hashCode() + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> counts(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("data-count=\"([A-Z]+)\">(\\d+)<").matcher(html);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }
}
