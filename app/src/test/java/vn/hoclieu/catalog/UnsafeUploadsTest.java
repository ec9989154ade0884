package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hoclieu.Browser;
import vn.hoclieu.HostileCorpus;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Multipart;
import vn.hoclieu.Zips;
import vn.hoclieu.account.Role;
import vn.hoclieu.storage.BlobStore;

/**
 * A program is refused on every way in — the REST API, the upload page (in Vietnamese and in English, the
 * form as it was typed), a bulk-import ZIP (that file reported, the others imported) — by what its bytes
 * are, whatever its name and the type its sender claims; nothing of it is kept.
 */
class UnsafeUploadsTest extends IntegrationTest {

    private static final String LIBRARY = "HN-TVHN";

    @Autowired
    BlobStore blobs;

    @Test
    void theApiRefusesAWindowsProgramSentAsAPdfWithAProblemThatSaysWhy() throws Exception {
        String teacher = Http.basic(account("gv-chuong-trinh", Role.TEACHER, LIBRARY), PASSWORD);
        byte[] program = HostileCorpus.pe(UUID.randomUUID().toString());
        Multipart body = new Multipart().file("file", "bai-giang.pdf", "application/pdf", program);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/resources")))
                .header("Content-Type", body.contentType()).header("Authorization", teacher)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(415);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(r.body());
        assertThat(problem.get("file").asString()).isEqualTo("bai-giang.pdf");
        assertThat(problem.get("kind").asString()).isEqualTo("program");
        assertThat(problem.get("mediaType").asString()).startsWith("application/x-msdownload");
        assertThat(problem.get("detail").asString()).contains("Không nhận “bai-giang.pdf”", "tệp chương trình");
        assertThat(blobs.exists(sha256(program))).as("nothing of it is kept").isFalse();
    }

    @Test
    void programsOfOtherSystemsAndProgramsInsideArchivesAreRefusedToo() {
        String librarian = Http.basic(account("tt-chuong-trinh", Role.LIBRARIAN, LIBRARY), PASSWORD);
        String salt = UUID.randomUUID().toString();
        Http.Response elf = Http.upload(url("/api/v1/resources"), librarian,
                Map.of("anh-lop-hoc.png", HostileCorpus.elf(salt)), null);
        assertThat(elf.status()).as(elf.body()).isEqualTo(415);
        assertThat(elf.json().get("mediaType").asString()).isEqualTo("application/x-executable");

        Http.Response script = Http.upload(url("/api/v1/resources"), librarian,
                Map.of("ghi-chu.txt", ("#!/bin/sh\n# " + salt + "\nrm -rf ~\n").getBytes(StandardCharsets.UTF_8)), null);
        assertThat(script.status()).as(script.body()).isEqualTo(415);

        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("doc-truoc.txt", ("Đọc trước " + salt).getBytes(StandardCharsets.UTF_8));
        entries.put("cai-dat/setup.exe", HostileCorpus.pe(salt));
        Http.Response zip = Http.upload(url("/api/v1/resources"), librarian, Map.of("phan-mem.zip", Zips.of(entries)),
                null);
        assertThat(zip.status()).as(zip.body()).isEqualTo(415);
        assertThat(zip.json().get("inside").asString()).isEqualTo("cai-dat/setup.exe");
        assertThat(zip.json().get("detail").asString()).contains("cai-dat/setup.exe");

        // a material with a program among its files is refused whole: nothing half-stored
        Map<String, byte[]> two = new LinkedHashMap<>();
        two.put("bai-" + salt + ".txt", ("Bài đọc " + salt).getBytes(StandardCharsets.UTF_8));
        two.put("kem-theo.exe", HostileCorpus.pe("kem-" + salt));
        assertThat(Http.upload(url("/api/v1/resources"), librarian, two, null).status()).isEqualTo(415);
        assertThat(Http.get(url("/api/v1/search?q=" + salt), "Authorization", librarian).json().get("total").asLong())
                .isZero();

        // material is still taken: the unknown file format of a teaching program, a lesson package
        byte[] unknown = ("\u007f\u0000 mo phong " + salt).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Http.upload(url("/api/v1/resources"), librarian, Map.of("mo-phong.cyp", unknown), null).status())
                .isEqualTo(201);
    }

    @Test
    void theUploadPageSaysWhyInTheReadersLanguageAndKeepsWhatWasTyped() throws Exception {
        account("gv-trang-tai-len", Role.TEACHER, LIBRARY);
        Browser browser = new Browser(url(""));
        browser.signIn("gv-trang-tai-len", PASSWORD);
        String salt = UUID.randomUUID().toString().substring(0, 8);

        Multipart form = new Multipart().field("_csrf", Browser.csrf(browser.get("/upload").body()))
                .field("title", "Bài giảng phân số " + salt).field("description", "Cho lớp 4A")
                .field("visibility", "PUBLIC")
                .file("file", "phan-so.pdf", "application/pdf", HostileCorpus.pe(salt));
        HttpResponse<String> vi = browser.postMultipart("/upload", form.boundary(), form.bytes());
        assertThat(vi.statusCode()).isEqualTo(415);
        assertThat(vi.body()).contains("Không nhận “phan-so.pdf”: đây là tệp chương trình");
        Document typed = Jsoup.parse(vi.body());
        assertThat(typed.getElementById("title").val()).isEqualTo("Bài giảng phân số " + salt);
        assertThat(typed.getElementById("description").text()).isEqualTo("Cho lớp 4A");

        Browser english = new Browser(url(""));
        english.signIn("gv-trang-tai-len", PASSWORD);
        Multipart again = new Multipart().field("_csrf", Browser.csrf(english.get("/upload?lang=en").body()))
                .field("title", "Fractions " + salt)
                .file("file", "fractions.pdf", "application/pdf", HostileCorpus.pe("en-" + salt));
        HttpResponse<String> en = english.postMultipart("/upload", again.boundary(), again.bytes());
        assertThat(en.statusCode()).isEqualTo(415);
        assertThat(en.body()).contains("“fractions.pdf” was not accepted: it is a program");
        assertThat(Jsoup.parse(en.body()).getElementById("title").val()).isEqualTo("Fractions " + salt);
    }

    @Test
    void aBulkImportReportsTheProgramWithTheReasonAndImportsTheOthers() {
        String librarian = Http.basic(account("tt-nhap-chuong-trinh", Role.LIBRARIAN, LIBRARY), PASSWORD);
        String word = "nhapcungchuongtrinh" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bai-doc.txt", ("Bài đọc về rừng " + word).getBytes(StandardCharsets.UTF_8));
        files.put("cai-dat.exe", HostileCorpus.pe(word));
        files.put("lenh.sh", ("#!/bin/sh\necho " + word + "\n").getBytes(StandardCharsets.UTF_8));
        Http.Response started = Http.upload(url("/api/v1/imports"), librarian, Map.of("lo.zip", Zips.of(files)), null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long id = started.json().get("id").asLong();
        await(() -> {
            JsonNode s = Http.get(url("/api/v1/imports/" + id), "Authorization", librarian).json();
            return !s.get("status").asString().equals("RECEIVED") && s.get("pending").asInt() == 0;
        }, Duration.ofMinutes(2), "the import never finished");

        JsonNode report = Http.get(url("/api/v1/imports/" + id), "Authorization", librarian).json();
        Map<String, JsonNode> items = new LinkedHashMap<>();
        report.get("items").forEach(i -> items.put(i.get("file").asString(), i));
        assertThat(items.get("bai-doc.txt").get("outcome").asString()).isEqualTo("IMPORTED");
        for (String program : new String[] {"cai-dat.exe", "lenh.sh"}) {
            JsonNode item = items.get(program);
            assertThat(item.get("outcome").asString()).as(program).isEqualTo("FAILED");
            assertThat(item.get("message").asString()).as(program).contains("tệp chương trình");
        }
        assertThat(report.get("failed").asInt()).isEqualTo(2);
        awaitIngestIdle();
        assertThat(Http.get(url("/api/v1/search?q=" + word)).json().get("total").asLong()).isEqualTo(1);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
