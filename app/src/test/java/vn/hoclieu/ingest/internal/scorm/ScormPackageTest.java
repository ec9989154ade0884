package vn.hoclieu.ingest.internal.scorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real SCORM packages built in a temporary folder: what is read, and what a hostile package cannot do. */
class ScormPackageTest {

    @TempDir
    Path dir;

    private static final String SCORM_12_MANIFEST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest identifier="HAM_SO_BAC_NHAT" version="1.0"
                xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
                xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd
                    http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
              <metadata>
                <schema>ADL SCORM</schema>
                <schemaversion>1.2</schemaversion>
                <imsmd:lom>
                  <imsmd:general>
                    <imsmd:title><imsmd:langstring xml:lang="vi">Tiêu đề LOM</imsmd:langstring></imsmd:title>
                    <imsmd:description>
                      <imsmd:langstring xml:lang="vi">Bài giảng về hàm số bậc nhất
                        y = ax + b dành cho lớp 8.</imsmd:langstring>
                    </imsmd:description>
                  </imsmd:general>
                </imsmd:lom>
              </metadata>
              <organizations default="TOAN8">
                <organization identifier="TOAN8">
                  <title>Toán 8: Hàm số bậc nhất</title>
                  <item identifier="I1" identifierref="R1"><title>Khái niệm hàm số bậc nhất</title></item>
                  <item identifier="I2" identifierref="R2"><title>Đồ thị của hàm số</title></item>
                </organization>
              </organizations>
              <resources>
                <resource identifier="R2" type="webcontent" adlcp:scormtype="sco" href="sco2/index.html">
                  <file href="sco2/index.html"/>
                  <dependency identifierref="SHARED"/>
                </resource>
                <resource identifier="R1" type="webcontent" adlcp:scormtype="sco" href="sco1/index.html">
                  <file href="sco1/index.html"/>
                  <file href="sco1/style.css"/>
                  <dependency identifierref="SHARED"/>
                </resource>
                <resource identifier="SHARED" type="webcontent" adlcp:scormtype="asset">
                  <file href="shared/apiwrapper.js"/>
                  <file href="shared/glossary.html"/>
                </resource>
              </resources>
            </manifest>
            """;

    private static final String SCORM_2004_MANIFEST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest identifier="vn.hoclieu.phuong-trinh" version="1"
                xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
                xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
                xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
                xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
                xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
                xmlns:lom="http://ltsc.ieee.org/xsd/LOM">
              <metadata>
                <schema>ADL SCORM</schema>
                <schemaversion>2004 4th Edition</schemaversion>
                <lom:lom>
                  <lom:general>
                    <lom:title><lom:string language="vi">Tiêu đề LOM 2004</lom:string></lom:title>
                    <lom:description>
                      <lom:string language="vi">Giải phương trình bậc hai bằng công thức nghiệm.</lom:string>
                    </lom:description>
                  </lom:general>
                </lom:lom>
              </metadata>
              <organizations default="TOC">
                <organization identifier="KHAC">
                  <title>Tổ chức không mặc định</title>
                  <item identifier="X" identifierref="RES_L21"><title>Không được liệt kê</title></item>
                </organization>
                <organization identifier="TOC" adlseq:objectivesGlobalToSystem="false">
                  <title>Phương trình bậc hai</title>
                  <item identifier="CH1">
                    <title>Chương 1: Khái niệm</title>
                    <item identifier="L11" identifierref="RES_L11"><title>Bài 1.1: Định nghĩa</title></item>
                    <item identifier="L12" identifierref="RES_L12"><title>Bài 1.2: Ví dụ</title></item>
                  </item>
                  <item identifier="CH2">
                    <title>Chương 2: Công thức nghiệm</title>
                    <item identifier="L21" identifierref="RES_L21">
                      <title>Bài 2.1: Biệt thức Δ</title>
                      <item identifier="L211" identifierref="RES_L211"><title>Trường hợp Δ &gt; 0</title></item>
                    </item>
                  </item>
                  <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
                </organization>
              </organizations>
              <resources xml:base="noi-dung/">
                <resource identifier="RES_L11" type="webcontent" adlcp:scormType="sco" href="l11.html">
                  <file href="l11.html"/>
                </resource>
                <resource identifier="RES_L12" type="webcontent" adlcp:scormType="sco" href="l12.html">
                  <file href="l12.html"/>
                </resource>
                <resource identifier="RES_L21" type="webcontent" adlcp:scormType="sco" href="l21.html">
                  <file href="l21.html"/>
                </resource>
                <resource identifier="RES_L211" type="webcontent" adlcp:scormType="sco" href="l211.html">
                  <file href="l211.html"/>
                </resource>
              </resources>
            </manifest>
            """;

    /** A minimal 1.2 manifest whose SCOs have the given hrefs, in this order. */
    private static String manifestWithScos(String... hrefs) {
        StringBuilder items = new StringBuilder();
        StringBuilder resources = new StringBuilder();
        for (int i = 0; i < hrefs.length; i++) {
            items.append("<item identifier=\"I%d\" identifierref=\"R%d\"><title>Bài %d</title></item>"
                    .formatted(i, i, i + 1));
            resources.append("<resource identifier=\"R%d\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"%s\">"
                    .formatted(i, hrefs[i]))
                    .append("<file href=\"%s\"/></resource>".formatted(hrefs[i]));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest identifier="M" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
                <organizations default="O"><organization identifier="O"><title>Khóa học</title>%s</organization>
                </organizations><resources>%s</resources></manifest>
                """.formatted(items, resources);
    }

    private Path write(String name, ScormZip zip) throws Exception {
        return zip.writeTo(dir.resolve(name));
    }

    private static ScormManifest read(Path zip) {
        Optional<ScormManifest> manifest = ScormPackage.read(zip);
        assertThat(manifest).as("a SCORM manifest in %s", zip.getFileName()).isPresent();
        return manifest.get();
    }

    @Test
    void readsAScorm12PackageWithItsLomMetadataScosAndText() throws Exception {
        Path zip = write("ham-so.zip", ScormZip.withManifest(SCORM_12_MANIFEST)
                .html("sco1/index.html", "Khái niệm", "<h1>Hàm số bậc nhất</h1><p>Hàm số có dạng y = ax + b.</p>")
                .file("sco1/style.css", "h1 { color: navy; }")
                .html("sco2/index.html", "Đồ thị", "<h1>Đồ thị hàm số</h1><p>Đồ thị là một đường thẳng.</p>")
                .file("shared/apiwrapper.js", "function LMSInitialize() {}")
                .html("shared/glossary.html", "Thuật ngữ", "<p>Hệ số góc: số a.</p>"));

        ScormManifest manifest = read(zip);

        assertThat(manifest.version()).isEqualTo("1.2");
        assertThat(manifest.title()).isEqualTo("Toán 8: Hàm số bậc nhất");
        assertThat(manifest.description()).isEqualTo("Bài giảng về hàm số bậc nhất y = ax + b dành cho lớp 8.");
        assertThat(manifest.organization()).containsExactly("Khái niệm hàm số bậc nhất", "Đồ thị của hàm số");
        assertThat(manifest.launchHref()).isEqualTo("sco1/index.html");
        assertThat(manifest.htmlFiles())
                .containsExactly("sco1/index.html", "sco2/index.html", "shared/glossary.html");
        assertThat(manifest.truncated()).isFalse();
        assertThat(manifest.text())
                .containsSubsequence("Hàm số bậc nhất", "Hàm số có dạng y = ax + b.", "\n\n",
                        "Đồ thị hàm số", "Đồ thị là một đường thẳng.", "\n\n", "Hệ số góc: số a.")
                .doesNotContain("mã kịch bản", "Kịch bản CSS", "LMSInitialize", "color: navy");
    }

    @Test
    void readsAScorm2004FourthEditionPackageWithNestedItemsFlattenedInOrder() throws Exception {
        Path zip = write("phuong-trinh.zip", ScormZip.withManifest(SCORM_2004_MANIFEST)
                .html("noi-dung/l11.html", "1.1", "<p>Phương trình bậc hai có dạng ax² + bx + c = 0.</p>")
                .html("noi-dung/l12.html", "1.2", "<p>Ví dụ: x² − 5x + 6 = 0.</p>")
                .html("noi-dung/l21.html", "2.1", "<p>Biệt thức Δ = b² − 4ac.</p>")
                .html("noi-dung/l211.html", "2.1.1", "<p>Khi Δ > 0 phương trình có hai nghiệm phân biệt.</p>"));

        ScormManifest manifest = read(zip);

        assertThat(manifest.version()).isEqualTo("2004");
        assertThat(manifest.title()).isEqualTo("Phương trình bậc hai");
        assertThat(manifest.description()).isEqualTo("Giải phương trình bậc hai bằng công thức nghiệm.");
        assertThat(manifest.organization()).containsExactly(
                "Chương 1: Khái niệm",
                "  Bài 1.1: Định nghĩa",
                "  Bài 1.2: Ví dụ",
                "Chương 2: Công thức nghiệm",
                "  Bài 2.1: Biệt thức Δ",
                "    Trường hợp Δ > 0");
        assertThat(manifest.launchHref()).isEqualTo("noi-dung/l11.html");
        assertThat(manifest.htmlFiles()).containsExactly(
                "noi-dung/l11.html", "noi-dung/l12.html", "noi-dung/l21.html", "noi-dung/l211.html");
        assertThat(manifest.text()).containsSubsequence("ax² + bx + c = 0", "x² − 5x + 6 = 0", "Δ = b² − 4ac",
                "hai nghiệm phân biệt");
    }

    @Test
    void titleFallsBackToTheLomTitleThenToTheManifestIdentifier() throws Exception {
        String withoutOrganizationTitle = SCORM_2004_MANIFEST.replace("<title>Phương trình bậc hai</title>", "");
        String withoutAnyTitle = withoutOrganizationTitle
                .replace("<lom:title><lom:string language=\"vi\">Tiêu đề LOM 2004</lom:string></lom:title>", "");

        assertThat(read(write("lom.zip", ScormZip.withManifest(withoutOrganizationTitle))).title())
                .isEqualTo("Tiêu đề LOM 2004");
        ScormManifest bare = read(write("bare.zip", ScormZip.withManifest(withoutAnyTitle)));
        assertThat(bare.title()).isEqualTo("vn.hoclieu.phuong-trinh");
        assertThat(bare.launchHref()).as("hrefs that name no file in the package").isNull();
        assertThat(bare.text()).isEmpty();
    }

    @Test
    void lomMetadataInAFileNamedByTheManifestIsRead() throws Exception {
        String manifest = """
                <manifest identifier="M" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
                  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion>
                    <adlcp:location>meta/khoa-hoc.xml</adlcp:location></metadata>
                  <organizations/><resources/>
                </manifest>
                """;
        String lom = """
                <lom xmlns="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"><general>
                  <title><langstring xml:lang="vi">Lịch sử Việt Nam</langstring></title>
                  <description><langstring xml:lang="vi">Từ thời Hùng Vương.</langstring></description>
                </general></lom>
                """;

        ScormManifest read = read(write("meta.zip", ScormZip.withManifest(manifest).file("meta/khoa-hoc.xml", lom)));

        assertThat(read.title()).isEqualTo("Lịch sử Việt Nam");
        assertThat(read.description()).isEqualTo("Từ thời Hùng Vương.");
        assertThat(read.organization()).isEmpty();
    }

    @Test
    void aZipWithoutAManifestAtItsRootIsNotAPackage() throws Exception {
        Path noManifest = write("no-manifest.zip", ScormZip.empty().html("index.html", "Trang", "<p>Xin chào</p>"));
        Path nested = write("nested.zip", ScormZip.empty().file("khoa-hoc/imsmanifest.xml", SCORM_12_MANIFEST));

        assertThat(ScormPackage.read(noManifest)).isEmpty();
        assertThat(ScormPackage.read(nested)).isEmpty();
    }

    @Test
    void aFileThatIsNotAZipIsNotAPackage() throws Exception {
        Path text = Files.writeString(dir.resolve("khong-phai-zip.zip"), "Đây không phải tệp ZIP");
        Path emptyFile = Files.write(dir.resolve("rong.zip"), new byte[0]);
        byte[] zip = ScormZip.withManifest(SCORM_12_MANIFEST).bytes();
        Path truncated = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(zip, zip.length / 2));

        assertThat(ScormPackage.read(text)).isEmpty();
        assertThat(ScormPackage.read(emptyFile)).isEmpty();
        assertThat(ScormPackage.read(truncated)).isEmpty();
        assertThat(ScormPackage.read(dir.resolve("khong-ton-tai.zip"))).isEmpty();
    }

    @Test
    void aManifestWithExternalEntitiesNeverLeaksLocalFiles() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "BI-MAT-CUA-MAY-CHU");
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE manifest [
                  <!ENTITY e SYSTEM "file:///etc/passwd">
                  <!ENTITY s SYSTEM "%s">
                ]>
                <manifest identifier="XXE" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2">
                  <organizations default="O"><organization identifier="O"><title>&e;&s;</title></organization>
                  </organizations><resources/>
                </manifest>
                """.formatted(secret.toUri());

        Path zip = write("xxe.zip", ScormZip.withManifest(manifest));
        Optional<ScormManifest> read = ScormPackage.read(zip);

        assertThat(read.map(ScormManifest::toString).orElse(""))
                .doesNotContain("root:")
                .doesNotContain("BI-MAT-CUA-MAY-CHU");
        assertThat(read).as("a manifest with a DOCTYPE is refused").isEmpty();
    }

    @Test
    void aManifestWithAnEntityExpansionBombIsRefusedWithoutThrowing() throws Exception {
        String manifest = """
                <?xml version="1.0"?>
                <!DOCTYPE manifest [
                  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
                  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
                ]>
                <manifest identifier="BOMB"><organizations default="O"><organization identifier="O">
                <title>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</title></organization></organizations><resources/></manifest>
                """;
        Path zip = write("bomb.zip", ScormZip.withManifest(manifest));

        assertThatCode(() -> ScormPackage.read(zip)).doesNotThrowAnyException();
        assertThat(ScormPackage.read(zip)).isEmpty();
    }

    @Test
    void entriesAndHrefsThatEscapeThePackageRootAreIgnored() throws Exception {
        String manifest = manifestWithScos("../evil.html", "/tuyet-doi.html", "con\\windows.html",
                "bai/../../evil.html", "bai/./../index.html");
        Path zip = write("escape.zip", ScormZip.withManifest(manifest)
                .html("../evil.html", "Ác", "<p>NỘI DUNG NGOÀI GÓI</p>")
                .html("/tuyet-doi.html", "Ác", "<p>ĐƯỜNG DẪN TUYỆT ĐỐI</p>")
                .html("con\\windows.html", "Ác", "<p>DẤU GẠCH NGƯỢC</p>")
                .html("index.html", "Trang chính", "<p>Nội dung hợp lệ</p>"));

        ScormManifest read = read(zip);

        assertThat(read.htmlFiles()).containsExactly("index.html");
        assertThat(read.launchHref()).isEqualTo("index.html");
        assertThat(read.text()).isEqualTo("Nội dung hợp lệ");
    }

    @Test
    void aLaunchHrefThatClimbsOutOfThePackageIsNeverReturned() throws Exception {
        Path onlyEscaping = write("x.zip", ScormZip.withManifest(manifestWithScos("../../x.html"))
                .html("x.html", "x", "<p>x</p>")
                .html("../../x.html", "x", "<p>x</p>"));
        Path escapingThenSafe = write("y.zip", ScormZip.withManifest(manifestWithScos("../../x.html", "bai/start.html"))
                .html("bai/start.html", "Bắt đầu", "<p>Bắt đầu</p>"));

        assertThat(read(onlyEscaping).launchHref()).isNull();
        assertThat(read(escapingThenSafe).launchHref()).isEqualTo("bai/start.html");
    }

    @Test
    void hrefsAreUrlsWhoseEscapesAreDecodedAndWhoseQueryAndFragmentAreDropped() throws Exception {
        Path zip = write("url.zip", ScormZip.withManifest(manifestWithScos("b%C3%A0i%201+2.html?lan=1#dau"))
                .html("bài 1+2.html", "Bài", "<p>Cộng hai số</p>"));

        ScormManifest read = read(zip);

        assertThat(read.launchHref()).isEqualTo("bài 1+2.html");
        assertThat(read.text()).isEqualTo("Cộng hai số");
    }

    @Test
    void aManifestWithAnUndeclaredPrefixIsStillRead() throws Exception {
        String sloppy = manifestWithScos("index.html")
                .replace("xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\"", "")
                .replace("<organizations", "<metadata><schemaversion>1.2</schemaversion></metadata><organizations");
        Path zip = write("sloppy.zip", ScormZip.withManifest(sloppy).html("index.html", "T", "<p>Vẫn đọc được</p>"));

        ScormManifest read = read(zip);

        assertThat(read.version()).isEqualTo("1.2");
        assertThat(read.title()).isEqualTo("Khóa học");
        assertThat(read.launchHref()).isEqualTo("index.html");
        assertThat(read.text()).isEqualTo("Vẫn đọc được");
    }

    @Test
    void aMalformedManifestGivesNothingWithoutThrowing() throws Exception {
        Path truncated = write("cut-manifest.zip", ScormZip.withManifest(
                "<?xml version=\"1.0\"?><manifest identifier=\"M\"><organizations><organization><title>Bài học"));
        Path notXml = write("not-xml.zip", ScormZip.withManifest("{\"day\": \"không phải XML\"}"));
        Path wrongRoot = write("wrong-root.zip", ScormZip.withManifest("<html><body>Trang</body></html>"));
        Path binary = write("binary.zip", ScormZip.empty().file("imsmanifest.xml", new byte[] {0, 1, 2, (byte) 0xFF}));

        for (Path zip : new Path[] {truncated, notXml, wrongRoot, binary}) {
            assertThatCode(() -> ScormPackage.read(zip)).doesNotThrowAnyException();
            assertThat(ScormPackage.read(zip)).as(zip.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void entriesBeyondTheEntryLimitAreNotSeenAndReadingDoesNotThrow() throws Exception {
        ScormZip many = ScormZip.withManifest(manifestWithScos("dau.html", "cuoi.html"))
                .html("dau.html", "Đầu", "<p>Trang đầu</p>");
        for (int i = 0; i < Limits.DEFAULT.maxEntries(); i++) {
            many.file("lap/" + i + ".txt", "");
        }
        many.html("cuoi.html", "Cuối", "<p>Trang cuối</p>");
        Path zip = write("many.zip", many);

        ScormManifest read = read(zip);

        assertThat(read.htmlFiles()).containsExactly("dau.html");
        assertThat(read.text()).isEqualTo("Trang đầu");
    }

    @Test
    void anHtmlFileIsReadOnlyUpToThePerFileLimit() throws Exception {
        String manifest = manifestWithScos("dai.html");
        String body = "<p>ĐẦU TRANG</p>" + "<p>Học tập suốt đời.</p>".repeat(2_000) + "<p>CUỐI TRANG</p>";
        Path zip = write("long.zip", ScormZip.withManifest(manifest).html("dai.html", "Dài", body));
        Limits limits = new Limits(10_000, 200L << 20, 10_000, 5_000_000);

        ScormManifest read = ScormPackage.read(zip, limits).orElseThrow();

        assertThat(read.text()).startsWith("ĐẦU TRANG").doesNotContain("CUỐI TRANG");
        assertThat(read.text().length()).isLessThan(10_000);
    }

    @Test
    void readingStopsOnceTheWholePackageBudgetIsSpent() throws Exception {
        String manifest = manifestWithScos("mot.html", "hai.html", "ba.html");
        String filler = "<p>" + "Chữ ".repeat(300) + "</p>";
        Path zip = write("budget.zip", ScormZip.withManifest(manifest)
                .html("mot.html", "1", "<p>MỘT</p>" + filler)
                .html("hai.html", "2", "<p>HAI</p>" + filler)
                .html("ba.html", "3", "<p>BA</p>" + filler));
        int manifestBytes = manifest.getBytes(StandardCharsets.UTF_8).length;
        int pageBytes = ScormZip.page("1", "<p>MỘT</p>" + filler).getBytes(StandardCharsets.UTF_8).length;
        Limits limits = new Limits(10_000, manifestBytes + pageBytes + 600, 20 << 20, 5_000_000);

        ScormManifest read = ScormPackage.read(zip, limits).orElseThrow();

        assertThat(read.htmlFiles()).containsExactly("mot.html", "hai.html");
        assertThat(read.text()).contains("MỘT", "HAI").doesNotContain("BA");
        assertThat(read.truncated()).as("never silent").isTrue();
    }

    @Test
    void textStopsAtTheTextLimit() throws Exception {
        Path zip = write("text-limit.zip", ScormZip.withManifest(manifestWithScos("a.html", "b.html"))
                .html("a.html", "A", "<p>" + "Hàm số bậc nhất. ".repeat(10) + "</p>")
                .html("b.html", "B", "<p>Trang thứ hai</p>"));
        Limits limits = new Limits(10_000, 200L << 20, 20 << 20, 50);

        ScormManifest read = ScormPackage.read(zip, limits).orElseThrow();

        assertThat(read.text()).hasSizeLessThanOrEqualTo(50).startsWith("Hàm số bậc nhất.");
        assertThat(read.htmlFiles()).containsExactly("a.html");
        assertThat(read.truncated()).as("never silent").isTrue();
    }

    @Test
    void charsetComesFromTheMetaTagElseUtf8AndTextIsNfc() throws Exception {
        // windows-1258 writes Vietnamese with combining tone marks: "ố" is "ô" followed by U+0301
        String legacy = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">"
                + "</head><body><p>Ha\u0300m s\u00f4\u0301 b\u00e2\u0323c nh\u00e2\u0301t</p></body></html>";
        String noMeta = "<html><body><p>Tiếng Việt không khai báo bảng mã</p></body></html>";
        Path zip = write("charset.zip", ScormZip.withManifest(manifestWithScos("cu.html", "moi.html"))
                .file("cu.html", legacy.getBytes(Charset.forName("windows-1258")))
                .file("moi.html", noMeta.getBytes(StandardCharsets.UTF_8)));

        ScormManifest read = read(zip);

        assertThat(read.text()).isEqualTo("Hàm số bậc nhất\n\nTiếng Việt không khai báo bảng mã");
    }

    @Test
    void nestedArchivesAreNeverOpened() throws Exception {
        byte[] inner = ScormZip.empty().html("trong.html", "Trong", "<p>BÍ MẬT LỒNG NHAU</p>").bytes();
        Path zip = write("nested-zip.zip", ScormZip.withManifest(manifestWithScos("gia.html", "bai.zip"))
                .file("gia.html", inner)
                .file("bai.zip", inner));

        ScormManifest read = read(zip);

        assertThat(read.text()).doesNotContain("BÍ MẬT LỒNG NHAU");
        assertThat(read.htmlFiles()).doesNotContain("bai.zip", "trong.html");
    }
}
