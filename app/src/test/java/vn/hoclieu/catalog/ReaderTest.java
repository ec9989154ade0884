package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.SmallFiles;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;
import vn.hoclieu.search.Made;

/**
 * Reading where the browser shows no PDF: page pictures drawn on the server (and who may see them),
 * the page-by-page reader, slides one by one with the anchors search hits name, HTML lessons cleaned,
 * and the resource page's first screen (read, download) with its credit lines folded away.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderTest extends IntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final int PAGES = 12;

    private String librarian;
    private long book;
    private long bookFile;
    private long restricted;
    private long restrictedFile;
    private long deck;
    private long deckFile;
    private String slideWord;
    private long lesson;
    private String lessonWord;

    @BeforeAll
    void materials() throws IOException {
        librarian = Http.basic(account("reader-librarian", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
        Uploads.Created created = Uploads.resource("Sách mười hai trang " + Made.word()).visibility("PUBLIC")
                .file(Made.word() + ".pdf", pdf(PAGES)).by(librarian).to(url(""));
        book = created.id();
        bookFile = created.fileId();
        created = Uploads.resource("Tài liệu nội bộ " + Made.word()).visibility("LIBRARY")
                .file(Made.word() + ".pdf", SmallFiles.pdf(Made.word())).by(librarian).to(url(""));
        restricted = created.id();
        restrictedFile = created.fileId();
        slideWord = Made.word();
        created = Uploads.resource("Bài trình chiếu " + Made.word()).visibility("PUBLIC")
                .file(Made.word() + ".pptx", slides(6, slideWord)).by(librarian).to(url(""));
        deck = created.id();
        deckFile = created.fileId();
        lessonWord = Made.word();
        lesson = Uploads.resource("Bài học trên web " + lessonWord).visibility("PUBLIC")
                .file(Made.word() + ".html", "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                        + "<script>document.title = 'bị chiếm';</script></head><body><h1>Bài học " + lessonWord + "</h1>"
                        + "<p onclick=\"alert(1)\" style=\"color:red\">Đoạn văn đầu tiên.</p>"
                        + "<a href=\"javascript:alert(2)\">bấm</a><iframe src=\"https://example.org/\"></iframe>"
                        + "<img src=\"x\" onerror=\"alert(3)\"><form action=\"/signout\"><button>gửi</button></form>"
                        + "</body></html>").by(librarian).to(url("")).id();
        awaitIngestIdle();
    }

    @Test
    void aPdfPageIsAJpegOfThatPageNoWiderThanAPhoneNeeds() throws Exception {
        HttpResponse<byte[]> light = image(book, bookFile, "1", null);
        HttpResponse<byte[]> dark = image(book, bookFile, "2", null);
        assertThat(dark.statusCode()).isEqualTo(200);
        assertThat(dark.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        BufferedImage second = ImageIO.read(new ByteArrayInputStream(dark.body()));
        BufferedImage first = ImageIO.read(new ByteArrayInputStream(light.body()));
        assertThat(second.getWidth()).isEqualTo(PageImages.WIDTH);
        assertThat(second.getHeight()).isBetween(PageImages.WIDTH, PageImages.MAX_HEIGHT);
        // page 2 is the one painted black; page 1 is words on white
        assertThat(brightness(second)).isLessThan(80);
        assertThat(brightness(first)).isGreaterThan(200);
        // drawn once: the same picture again, or nothing at all for a browser that has it
        String etag = dark.headers().firstValue("ETag").orElseThrow();
        assertThat(image(book, bookFile, "2", null).body()).isEqualTo(dark.body());
        assertThat(image(book, bookFile, "2", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void aPageThatDoesNotExistOrAFileThatIsNotAPdfIsA404ThatSaysWhy() throws Exception {
        Http.Response beyond = Http.get(url("/api/v1/resources/" + book + "/files/" + bookFile + "/pages/13"));
        assertThat(beyond.status()).isEqualTo(404);
        assertThat(beyond.json().get("detail").asString()).contains("13").contains(PAGES + " trang");
        assertThat(image(book, bookFile, "0", null).statusCode()).isEqualTo(404);
        assertThat(image(book, bookFile, "abc", null).statusCode()).isEqualTo(404);
        Http.Response notPdf = Http.get(url("/api/v1/resources/" + deck + "/files/" + deckFile + "/pages/1"));
        assertThat(notPdf.status()).isEqualTo(404);
        assertThat(notPdf.json().get("detail").asString()).contains("không phải PDF");
    }

    @Test
    void aRestrictedPdfsPagesAreServedExactlyToThoseWhoMayDownloadIt() throws Exception {
        String content = url("/api/v1/resources/" + restricted + "/files/" + restrictedFile + "/content");
        String page = url("/api/v1/resources/" + restricted + "/files/" + restrictedFile + "/pages/1");
        String outsider = Http.basic(account("reader-outsider", Role.READER, "HN-THPT-BDM"), PASSWORD);
        for (String who : new String[] {null, outsider}) {
            assertThat(get(content, who).statusCode()).isEqualTo(404);
            HttpResponse<byte[]> refused = get(page, who);
            assertThat(refused.statusCode()).isEqualTo(404);
            // the same answer as for a resource that does not exist: nothing about the file leaks
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain("trang").contains("" + restricted);
        }
        String member = Http.basic(account("reader-member", Role.READER, "HN-TVHN"), PASSWORD);
        for (String who : new String[] {member, librarian}) {
            assertThat(get(content, who).statusCode()).isEqualTo(200);
            HttpResponse<byte[]> shown = get(page, who);
            assertThat(shown.statusCode()).isEqualTo(200);
            assertThat(ImageIO.read(new ByteArrayInputStream(shown.body()))).isNotNull();
            assertThat(shown.headers().firstValue("Cache-Control").orElse("")).contains("private");
        }
    }

    @Test
    void theReaderShowsTenPagesAtATimeAndSaysWhenAPageDoesNotExist() {
        Document first = Jsoup.parse(Http.get(url("/resources/" + book + "/read")).body());
        assertThat(first.select("figure.page")).hasSize(ReaderController.WINDOW);
        assertThat(first.select("figure.page").first().id()).isEqualTo("f" + bookFile + "-p1");
        assertThat(first.select("figure.page img").first().attr("src"))
                .isEqualTo("/api/v1/resources/" + book + "/files/" + bookFile + "/pages/1");
        assertThat(first.select("figure.page img").get(1).attr("loading")).isEqualTo("lazy");
        assertThat(first.select("nav.pager .where").first().text()).isEqualTo("Trang 1–10/12");
        assertThat(first.select("nav.pager a[rel=next]").first().attr("href")).endsWith("page=11");
        assertThat(first.select("nav.pager a[rel=prev]")).isEmpty();

        Document last = Jsoup.parse(Http.get(url("/resources/" + book + "/read?file=" + bookFile + "&page=11")).body());
        assertThat(last.select("figure.page")).extracting(Element::id)
                .containsExactly("f" + bookFile + "-p11", "f" + bookFile + "-p12");
        assertThat(last.select("figure.page figcaption span").first().text()).isEqualTo("Trang 11/12");
        assertThat(last.select("nav.pager a[rel=prev]").first().attr("href")).endsWith("page=1");

        Http.Response missing = Http.get(url("/resources/" + book + "/read?file=" + bookFile + "&page=999"));
        assertThat(missing.status()).isEqualTo(404);
        Document page = Jsoup.parse(missing.body());
        assertThat(page.select(".problem").text()).contains("có 12 trang").contains("999");
        assertThat(page.select(".problem a").eachAttr("href")).anyMatch(h -> h.endsWith("page=12"))
                .anyMatch(h -> h.endsWith("page=1"));
        assertThat(Http.get(url("/resources/" + restricted + "/read")).status()).isEqualTo(404);
    }

    @Test
    void aHitOnASlideLandsOnThatSlideInTheReader() {
        JsonNode hit = Http.get(url("/api/v1/search?q=" + slideWord + "5")).json().get("hits").get(0);
        assertThat(hit.get("id").asLong()).isEqualTo(deck);
        assertThat(hit.get("location").get("kind").asString()).isEqualTo("slide");
        assertThat(hit.get("location").get("page").asInt()).isEqualTo(5);
        Document results = Jsoup.parse(Http.get(url("/search?q=" + slideWord + "5")).body());
        Element link = results.selectFirst("ol.results p.location a");
        assertThat(link.text()).isEqualTo("Thấy ở trang chiếu 5");
        String href = link.attr("href");
        assertThat(href).isEqualTo("/resources/" + deck + "/read?file=" + deckFile + "&page=5#f" + deckFile + "-p5");

        Document reader = Jsoup.parse(Http.get(url(href.substring(0, href.indexOf('#')))).body());
        Element slide = reader.getElementById("f" + deckFile + "-p5");
        assertThat(slide).isNotNull();
        assertThat(slide.text()).contains("Trang chiếu 5/6").contains(slideWord + "5");
        assertThat(reader.select("li.slide")).hasSize(6);
        assertThat(Http.get(url("/resources/" + deck + "/read?page=9")).status()).isEqualTo(404);
    }

    @Test
    void anHtmlLessonIsShownWithoutAnythingThatCouldRun() {
        Document page = Jsoup.parse(Http.get(url("/resources/" + lesson + "/read")).body());
        Element article = page.selectFirst("article.lesson");
        assertThat(article).isNotNull();
        assertThat(article.text()).contains("Bài học " + lessonWord).contains("Đoạn văn đầu tiên.");
        assertThat(article.select("script, iframe, form, button, [onclick], [onerror], [style]")).isEmpty();
        assertThat(article.select("a").eachAttr("href")).noneMatch(h -> h.contains("javascript"));
        assertThat(page.title()).doesNotContain("bị chiếm");
    }

    @Test
    void theResourcePageOffersReadAndDownloadUnderTheTitleAndFoldsTheCreditLines() {
        Document page = Jsoup.parse(Http.get(url("/resources/" + book)).body());
        Element actions = page.selectFirst("h1 + p.read-actions");
        assertThat(actions).isNotNull();
        assertThat(actions.select("a")).hasSize(2);
        assertThat(actions.select("a").get(0).text()).isEqualTo("Đọc");
        assertThat(actions.select("a").get(0).attr("href")).isEqualTo("/resources/" + book + "/read");
        assertThat(actions.select("a").get(1).text()).startsWith("Tải về (PDF");
        assertThat(actions.select("a").get(1).attr("href")).contains("/files/" + bookFile + "/content").contains("download=true");
        // the preview is the picture of the page, opening the reader there; the credit boxes are folded
        assertThat(page.select(".preview iframe")).isEmpty();
        assertThat(page.selectFirst(".preview a.page-preview img").attr("src")).endsWith("/pages/1");
        assertThat(page.select(".licence-info details.attributions textarea")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(page.select(".licence-info > .attribution")).isEmpty();
    }

    private HttpResponse<byte[]> image(long id, long file, String page, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/api/v1/resources/" + id + "/files/" + file
                + "/pages/" + page)));
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(String address, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(address));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Mean brightness 0–255 of a picture, from a grid of its pixels. */
    private static double brightness(BufferedImage image) {
        long sum = 0;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                int rgb = image.getRGB(x, y);
                sum += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                n += 3;
            }
        }
        return (double) sum / n;
    }

    /** A PDF of {@code pages} pages, each naming its number, page 2 painted black. */
    private static byte[] pdf(int pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    if (i == 2) {
                        content.addRect(0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                        content.fill();
                    }
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    content.newLineAtOffset(72, 700);
                    content.showText("Page " + i + " " + Made.word());
                    content.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A slide deck of {@code count} slides; slide k holds the word {@code word + k}. */
    private static byte[] slides(int count, String word) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int k = 1; k <= count; k++) {
                XSLFTextBox box = show.createSlide().createTextBox();
                box.setAnchor(new Rectangle(40, 40, 600, 120));
                box.setText("Trang " + k + ": " + word + k);
            }
            show.write(out);
            return out.toByteArray();
        }
    }
}
