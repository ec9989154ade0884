package vn.hoclieu.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.Imports;
import vn.hoclieu.InProcessInstance;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Multipart;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Role;
import vn.hoclieu.catalog.CatalogFeeds;
import vn.hoclieu.ingest.ImportCommand;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryType;

/**
 * Two learning centres without a network between them: a community learning centre's instance (its own
 * application context, data folder and port) exports, and the package is carried, byte for byte as a USB
 * stick would, to this test's shared instance, which imports it — once with a file damaged on the way, then
 * the same package again — and the same through both shells.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeTwoInstancesTest extends IntegrationTest {

    private static final String CENTRE = "AP-HTCD";
    private static final String CENTRE_NAME = "Trung tâm học tập cộng đồng xã An Phú";
    private static final String INSTANCE = "Hoclieu xã An Phú";

    @Autowired
    CatalogFeeds catalog;

    @Autowired
    ImportCommand importCommand;

    private InProcessInstance centre;
    private Path dir;
    private String librarian;
    private String member;
    private long collection;
    private String libraryOnlySha;
    private String damagedSha;
    private String waterText;

    @BeforeAll
    void startTheCentreWithItsMaterials() throws Exception {
        dir = Files.createTempDirectory("hoclieu-centre-");
        centre = InProcessInstance.start(dir.resolve("data"), "--hoclieu.exchange.instance-name=" + INSTANCE);
        centre.bean(LibraryService.class).register(CENTRE, CENTRE_NAME, LibraryType.COMMUNITY_LEARNING_CENTRE,
                "Huyện Củ Chi", "Xã An Phú");
        AccountService people = centre.bean(AccountService.class);
        people.create("ap-thu-thu", PASSWORD, "Chị Mai", Role.LIBRARIAN, CENTRE);
        people.create("ap-hoc-vien", PASSWORD, "Anh Tư", Role.READER, CENTRE);
        librarian = Http.basic("ap-thu-thu", PASSWORD);
        member = Http.basic("ap-hoc-vien", PASSWORD);

        long fish = Uploads.resource("Nuôi cá lồng bè trên sông").description("Kĩ thuật chọn giống, cho ăn và phòng bệnh.")
                .creators("Tổ khuyến nông xã An Phú", "Kĩ sư Lê Văn Bình").licence("CC-BY-SA-4.0")
                .subjects("Nông nghiệp", "Thủy sản").audience("Người học suốt đời").language("vi").materialType("BOOK")
                .file("nuoi-ca-long-be.txt", "Nuôi cá lồng bè " + UUID.randomUUID()).by(librarian).to(centre.url("")).id();
        Uploads.Created handbook = Uploads.resource("Sổ tay nội bộ của trung tâm").visibility("LIBRARY")
                .file("so-tay-noi-bo.txt", "Chỉ dành cho học viên " + UUID.randomUUID()).by(librarian).to(centre.url(""));
        libraryOnlySha = handbook.json().get("files").get(0).get("sha256").asString();
        Uploads.Created calendar = Uploads.resource("Lịch gieo trồng vụ đông")
                .file("lich-gieo-trong.txt", "Tháng mười: gieo cải, trồng su hào " + UUID.randomUUID())
                .by(librarian).to(centre.url(""));
        damagedSha = calendar.json().get("files").get(0).get("sha256").asString();
        waterText = "Cẩm nang nước sạch " + UUID.randomUUID();
        Uploads.resource("Cẩm nang nước sạch").file("nuoc-sach.txt", waterText).by(librarian).to(centre.url(""));

        collection = collectionOf("{\"title\":\"Nông nghiệp vụ đông\",\"visibility\":\"PUBLIC\",\"library\":\"" + CENTRE
                + "\"}", fish, handbook.id(), calendar.id());
    }

    /** A private collection of the centre's librarian holding these resources. */
    private long newCollection(String title, long... items) {
        return collectionOf("{\"title\":\"" + title + "\"}", items);
    }

    /** A collection of the centre, made by its librarian as {@code json} describes it, holding these resources. */
    private long collectionOf(String json, long... items) {
        long id = Http.json("POST", centre.url("/api/v1/collections"), librarian, json).json().get("id").asLong();
        for (long item : items) {
            Http.Response added = Http.json("POST", centre.url("/api/v1/collections/" + id + "/items"), librarian,
                    "{\"resourceId\":" + item + "}");
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
        return id;
    }

    @AfterAll
    void stopTheCentre() {
        if (centre != null) {
            centre.close();
        }
    }

    @Test
    void aCollectionExportHoldsOnlyWhatTheCallerMaySee() {
        String export = centre.url("/api/v1/collections/" + collection + "/export");

        byte[] anonymous = Http.bytes(export, null);
        JsonNode manifest = Packages.manifest(anonymous);
        assertThat(manifest.get("format").asString()).isEqualTo("hoclieu-exchange");
        assertThat(manifest.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(manifest.get("source").get("instance").asString()).isEqualTo(INSTANCE);
        assertThat(manifest.get("source").get("library").asString()).isEqualTo(CENTRE);
        assertThat(manifest.get("scope").get("kind").asString()).isEqualTo("COLLECTION");
        assertThat(Packages.titles(manifest)).as("the learners' own handbook stays home")
                .containsExactly("Nuôi cá lồng bè trên sông", "Lịch gieo trồng vụ đông");
        assertThat(Packages.entries(anonymous)).doesNotContainKey("files/" + libraryOnlySha)
                .containsKey("files/" + damagedSha).containsKey("manifest.json");
        JsonNode file = manifest.get("resources").get(0).get("files").get(0);
        assertThat(file.get("name").asString()).isEqualTo("nuoi-ca-long-be.txt");
        assertThat(Packages.entries(anonymous).get("files/" + file.get("sha256").asString())).hasSize(file.get("size").asInt());

        assertThat(Packages.titles(Packages.manifest(Http.bytes(export, member)))).as("a learner of the centre sees it")
                .contains("Sổ tay nội bộ của trung tâm");

        long secret = newCollection("Nháp riêng");
        assertThat(Http.get(centre.url("/api/v1/collections/" + secret + "/export")).status()).isEqualTo(404);
        assertThat(Http.get(centre.url("/api/v1/collections/" + secret + "/export"), "Authorization", member).status())
                .isEqualTo(404);
        assertThat(Http.get(centre.url("/collections/" + collection)).body())
                .contains("action=\"/api/v1/collections/" + collection + "/export\"").contains("Xuất gói trao đổi");
    }

    @Test
    void aWholeLibraryIsExportedForItsLibrariansAndAdministratorsOnly() throws Exception {
        String export = centre.url("/api/v1/libraries/" + CENTRE + "/export");

        assertThat(Http.get(export).status()).isEqualTo(401);
        Http.Response refused = Http.get(export, "Authorization", member);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains(CENTRE_NAME);
        Http.Response answered = Http.get(export, "Authorization", librarian);
        assertThat(answered.header("Content-Type")).isEqualTo("application/zip");
        assertThat(answered.header("Content-Disposition")).contains("hoclieu-" + CENTRE + "-");

        JsonNode manifest = Packages.manifest(Http.bytes(export, librarian));
        assertThat(manifest.get("scope").get("kind").asString()).isEqualTo("LIBRARY");
        assertThat(manifest.get("source").get("libraryName").asString()).isEqualTo(CENTRE_NAME);
        // everything the centre published (another test adds to it), its learners' handbook included
        assertThat(Packages.titles(manifest)).contains("Nuôi cá lồng bè trên sông", "Sổ tay nội bộ của trung tâm",
                "Lịch gieo trồng vụ đông", "Cẩm nang nước sạch");
        assertThat(Packages.titles(Packages.manifest(Http.bytes(export, Http.basic("admin", PASSWORD)))))
                .contains("Sổ tay nội bộ của trung tâm");

        Browser staff = new Browser(centre.url(""));
        staff.signIn("ap-thu-thu", PASSWORD);
        assertThat(staff.get("/libraries/" + CENTRE).body()).contains("action=\"/api/v1/libraries/" + CENTRE + "/export\"");
        assertThat(Http.get(centre.url("/libraries/" + CENTRE)).body()).doesNotContain("/export");
    }

    @Test
    void aPackageCarriedToAnotherInstanceIsImportedOnceNamingItsDamagedFile() {
        String admin = Http.basic("admin", PASSWORD);
        // this instance holds the water handbook's bytes already: the package's copy is linked to it, not stored
        long held = Uploads.resource("Cẩm nang nước sạch (bản của thư viện)").file("nuoc-sach.txt", waterText)
                .library("HN-TVHN").by(admin).to(url("")).id();
        byte[] carried = Packages.damaged(Http.bytes(centre.url("/api/v1/libraries/" + CENTRE + "/export"), librarian),
                damagedSha);
        String here = Http.basic(account("ex-thu-thu", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        long before = catalog.resourceCount();

        JsonNode first = Imports.send(url(""), here, "an-phu.zip", carried);

        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("STORED");
        assertThat(Imports.item(first, "nuoi-ca-long-be.txt").get("outcome").asString()).isEqualTo("IMPORTED");
        assertThat(Imports.item(first, "so-tay-noi-bo.txt").get("outcome").asString()).isEqualTo("IMPORTED");
        JsonNode damaged = Imports.item(first, "lich-gieo-trong.txt");
        assertThat(damaged.get("outcome").asString()).isEqualTo("FAILED");
        assertThat(damaged.get("message").asString()).contains("“lich-gieo-trong.txt” bị hỏng").contains("SHA-256");
        JsonNode linked = Imports.item(first, "nuoc-sach.txt");
        assertThat(linked.get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(linked.get("resourceId").asLong()).isEqualTo(held);
        assertThat(catalog.resourceCount()).isEqualTo(before + 2);

        long fish = Imports.item(first, "nuoi-ca-long-be.txt").get("resourceId").asLong();
        JsonNode copy = Http.get(url("/api/v1/resources/" + fish)).json();
        assertThat(copy.get("title").asString()).isEqualTo("Nuôi cá lồng bè trên sông");
        assertThat(copy.get("description").asString()).isEqualTo("Kĩ thuật chọn giống, cho ăn và phòng bệnh.");
        assertThat(copy.get("licence").asString()).isEqualTo("CC-BY-SA-4.0");
        assertThat(copy.get("creators").toString()).isEqualTo("[\"Tổ khuyến nông xã An Phú\",\"Kĩ sư Lê Văn Bình\"]");
        assertThat(copy.get("subjects").toString()).isEqualTo("[\"Nông nghiệp\",\"Thủy sản\"]");
        assertThat(copy.get("materialType").asString()).isEqualTo("BOOK");
        assertThat(copy.get("library").asString()).as("the importer's library").isEqualTo("HN-TVHN");
        assertThat(copy.get("origin").get("instance").asString()).isEqualTo(INSTANCE);
        assertThat(copy.get("origin").get("library").asString()).isEqualTo(CENTRE_NAME);
        assertThat(copy.get("origin").get("packagedAt").isNull()).isFalse();
        assertThat(Http.get(url("/resources/" + fish)).body())
                .contains("Gói trao đổi của " + CENTRE_NAME + " (" + INSTANCE + "), đóng gói lúc");
        long handbook = Imports.item(first, "so-tay-noi-bo.txt").get("resourceId").asLong();
        assertThat(Http.get(url("/api/v1/resources/" + handbook)).status()).as("still for members only").isEqualTo(404);
        assertThat(Http.get(url("/api/v1/resources/" + handbook), "Authorization", here).json().get("visibility")
                .asString()).isEqualTo("LIBRARY");

        JsonNode second = Imports.send(url(""), here, "an-phu.zip", carried);

        assertThat(catalog.resourceCount()).as("the same package twice changes nothing").isEqualTo(before + 2);
        assertThat(Imports.item(second, "nuoi-ca-long-be.txt").get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(Imports.item(second, "nuoi-ca-long-be.txt").get("resourceId").asLong()).isEqualTo(fish);
        assertThat(Imports.item(second, "so-tay-noi-bo.txt").get("resourceId").asLong()).isEqualTo(handbook);
        assertThat(Imports.item(second, "nuoc-sach.txt").get("resourceId").asLong()).isEqualTo(held);
        assertThat(Imports.item(second, "lich-gieo-trong.txt").get("outcome").asString()).isEqualTo("FAILED");
    }

    @Test
    void theBulkImportPageTakesAPackageToo() throws Exception {
        // its words stay clear of the sample library's, which other tests search for in this shared instance
        long vegetables = Uploads.resource("Gieo rau mầm trong thùng xốp")
                .file("rau-sach.txt", "Rau mầm " + UUID.randomUUID()).by(librarian).to(centre.url("")).id();
        byte[] carried = Http.bytes(centre.url("/api/v1/collections/" + newCollection("Rau", vegetables) + "/export"),
                librarian);
        account("ex-trang-nhap", Role.LIBRARIAN, "HN-TVHN");
        Browser browser = new Browser(url(""));
        browser.signIn("ex-trang-nhap", PASSWORD);
        Multipart form = new Multipart().field("_csrf", Browser.csrf(browser.get("/imports/new").body()))
                .file("file", "nong-nghiep.zip", "application/zip", carried);

        HttpResponse<String> posted = browser.postMultipart("/imports", form.boundary(), form.bytes());

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String page = posted.headers().firstValue("Location").orElseThrow().replace(url(""), "");
        await(() -> {
            try {
                return browser.get(page).body().contains("1 tệp: 1 xong");
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(60), "the import page never listed the package's resources");
        assertThat(browser.get(page).body()).as("one item per resource, named by its file, not the package's entries")
                .contains("rau-sach.txt").doesNotContain("manifest.json").doesNotContain("files/");
    }

    @Test
    void oneCentresShellExportsAPackageAndTheOthersImportsIt() throws Exception {
        String text = "Ủ phân hữu cơ từ rơm rạ " + UUID.randomUUID();
        Uploads.Created compost = Uploads.resource("Ủ phân hữu cơ").file("u-phan.txt", text).by(librarian)
                .to(centre.url(""));
        long list = newCollection("Phân bón", compost.id());
        ExportCommand export = centre.bean(ExportCommand.class);
        Path usb = Files.createDirectories(dir.resolve("usb"));
        Path file = usb.resolve("phan-bon.zip");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        assertThat(export.run(String.valueOf(list), null, file, out)).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("1 resources, 1 files")
                .contains("] 1/1 files written").contains("Wrote " + file);
        assertThat(Packages.titles(Packages.manifest(Files.readAllBytes(file)))).containsExactly("Ủ phân hữu cơ");
        assertThat(Files.exists(usb.resolve("phan-bon.zip.part"))).isFalse();

        printed.reset();
        assertThat(export.run(String.valueOf(list), null, file, out)).isEqualTo(2);
        assertThat(export.run("bon", null, usb.resolve("a.zip"), out)).isEqualTo(2);
        assertThat(export.run("99999999", null, usb.resolve("b.zip"), out)).isEqualTo(2);
        assertThat(export.run(null, "KHONG-CO", usb.resolve("c.zip"), out)).isEqualTo(2);
        assertThat(export.run(null, CENTRE, usb.resolve("thieu/d.zip"), out)).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("already exists").contains("Not a collection id: bon")
                .contains("There is no collection number 99999999.").contains("There is no library with the code \"KHONG-CO\"")
                .contains("No such folder");
        assertThat(usb.resolve("a.zip")).doesNotExist();

        printed.reset();
        Path damaged = Files.write(usb.resolve("hong.zip"), Packages.damaged(Files.readAllBytes(file),
                compost.json().get("files").get(0).get("sha256").asString()));
        assertThat(importCommand.run(damaged, "HN-TVHN", out)).isEqualTo(1);
        assertThat(importCommand.run(file, "HN-TVHN", out)).isZero();
        assertThat(importCommand.run(file, "HN-TVHN", out)).isZero();
        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("The file “u-phan.txt” is damaged").contains("1 files: 0 imported, 0 duplicates, 1 failed")
                .contains("1 files: 1 imported").contains("1 files: 0 imported, 1 duplicates, 0 failed");
    }
}
