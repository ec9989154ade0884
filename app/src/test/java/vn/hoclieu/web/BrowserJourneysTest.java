package vn.hoclieu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Chromium;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.RequiresTool;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Tool;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;

/**
 * What people do, in a real browser: Debian's Chromium, headless, driven by Selenium through
 * Debian's chromedriver (nothing is downloaded). Each journey leaves a screenshot in
 * {@code target/screenshots/} for a person to look at.
 */
@Tag(TestGroups.BROWSER)
@RequiresTool({Tool.CHROMIUM, Tool.CHROMEDRIVER})
class BrowserJourneysTest extends IntegrationTest {

    private Chromium chromium;
    private WebDriver browser;

    @BeforeEach
    void openBrowser(TestInfo test) throws Exception {
        awaitIngestIdle();
        // a browser and driver per journey: closing one stops both
        chromium = Chromium.start(test.getTestMethod().orElseThrow().getName(),
                "--autoplay-policy=no-user-gesture-required", "--lang=vi");
        browser = chromium.driver();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void screenshot(String step) throws Exception {
        chromium.screenshot(step);
    }

    private Object js(String script, Object... args) {
        return chromium.js(script, args);
    }

    private WebDriverWait waiting() {
        return chromium.waiting();
    }

    private void signIn(String user) {
        browser.get(url("/signin"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("password")).submit();
        waiting().until(d -> !d.getCurrentUrl().contains("/signin"));
    }

    /** Sign-out sits in the account menu of the header: open it, then sign out. */
    private void signOut() {
        browser.findElement(By.cssSelector("header.site details.account summary")).click();
        browser.findElement(By.cssSelector("header.site form[action$='/signout'] button")).click();
        waiting().until(d -> d.getCurrentUrl().contains("signedOut"));
    }

    @Test
    void aStudentSearchesWithoutDiacriticsAndTheVideoPlaysFromTheMomentTheHitNamed() throws Exception {
        browser.get(url("/"));
        WebElement box = browser.findElement(By.id("q-home"));
        box.sendKeys("doi chieu voi it nhat hai nguon");
        box.submit();
        waiting().until(d -> d.getCurrentUrl().contains("/search"));
        WebElement moment = browser.findElement(By.cssSelector("ol.results li .location a"));
        assertThat(moment.getText()).isEqualTo("Thấy ở phút 00:09");
        screenshot("results");
        moment.click();
        waiting().until(d -> d.getCurrentUrl().contains("?t=9"));
        WebElement video = browser.findElement(By.cssSelector(".preview video"));
        assertThat(video.getAttribute("src")).endsWith("#t=9");
        // the media fragment starts the player at 9 s; play it muted and see time pass from there
        js("arguments[0].muted = true; arguments[0].play();", video);
        waiting().until(d -> ((Number) js("return arguments[0].currentTime;", video)).doubleValue() > 9.2);
        double at = ((Number) js("return arguments[0].currentTime;", video)).doubleValue();
        assertThat(at).isBetween(9.0, 17.0);
        assertThat(js("return arguments[0].textTracks.length;", video)).isEqualTo(1L);
        screenshot("playing");
    }

    @Test
    void aReaderNarrowsResultsWithFacetsAndTheOtherValuesStayVisible() throws Exception {
        browser.get(url("/search?q=" + Http.q("thu vien")));
        long all = total();
        List<WebElement> types = browser.findElements(By.cssSelector("aside.facets a"));
        assertThat(types).hasSizeGreaterThan(2);
        WebElement pdf = browser.findElements(By.cssSelector("aside.facets a")).stream()
                .filter(a -> a.getText().startsWith("Sách") || a.getText().contains("PDF")).findFirst()
                .orElse(types.get(0));
        String chosen = pdf.getText();
        pdf.click();
        waiting().until(d -> d.findElements(By.cssSelector("aside.facets a.selected")).size() == 1);
        long narrowed = total();
        assertThat(narrowed).isLessThan(all).isPositive();
        WebElement selected = browser.findElement(By.cssSelector("aside.facets a.selected"));
        assertThat(selected.getText()).isEqualTo(chosen);
        assertThat(selected.getAttribute("aria-pressed")).isEqualTo("true");
        // drill sideways: the facet's other values are still there to add
        assertThat(browser.findElements(By.cssSelector("aside.facets a:not(.selected)"))).isNotEmpty();
        screenshot("narrowed");
        browser.findElement(By.cssSelector("aside.facets a.selected")).click();
        waiting().until(d -> d.findElements(By.cssSelector("aside.facets a.selected")).isEmpty());
        assertThat(total()).isEqualTo(all);
    }

    private long total() {
        String summary = browser.findElement(By.cssSelector(".summary")).getText();
        return Long.parseLong(summary.replaceAll("^\\D*(\\d+).*$", "$1"));
    }

    @Test
    void switchingToEnglishKeepsTheSearchAndBack() throws Exception {
        browser.get(url("/search?q=" + Http.q("hoc tap suot doi")));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(browser.findElement(By.cssSelector(".summary")).getText()).contains("kết quả");
        browser.findElement(By.cssSelector("a[hreflang=en]")).click();
        waiting().until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.findElement(By.cssSelector(".summary")).getText()).contains("result");
        assertThat(browser.findElement(By.cssSelector("ol.results h2 a")).getText()).startsWith("Học tập suốt đời");
        screenshot("english");
        browser.findElement(By.cssSelector("a[hreflang=vi]")).click();
        waiting().until(d -> "vi".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.getCurrentUrl()).contains("q=");
    }

    @Test
    void onAPhoneThePagesFitTheScreen() throws Exception {
        browser.manage().window().setSize(new Dimension(360, 740));
        long resource = Http.get(url("/api/v1/search?q=" + Http.q("hoc tap suot doi"))).json()
                .get("hits").get(0).get("id").asLong();
        for (String page : List.of("/", "/search?q=" + Http.q("thu vien so"), "/resources/" + resource, "/signin")) {
            fitsThePhone(page);
        }
        // the search box is usable: as wide as most of the screen, tall enough for a thumb
        browser.get(url("/"));
        WebElement box = browser.findElement(By.id("q-home"));
        assertThat(box.getSize().getWidth()).isGreaterThan(200);
        assertThat(box.getSize().getHeight()).isGreaterThanOrEqualTo(32);
        long visitorHeader = headerHeight();
        // Read and Download are in the first screen of a material's page (a PDF's: the hit found on its page)
        long book = 0;
        for (JsonNode hit : Http.get(url("/api/v1/search?q=" + Http.q("hoc tap suot doi"))).json().get("hits")) {
            if (book == 0 && hit.hasNonNull("location") && "page".equals(hit.get("location").get("kind").asString())) {
                book = hit.get("id").asLong();
            }
        }
        browser.get(url("/resources/" + book));
        long screen = ((Number) js("return window.innerHeight;")).longValue();
        List<WebElement> actions = browser.findElements(By.cssSelector("p.read-actions a"));
        assertThat(actions).hasSize(2);
        assertThat(actions.get(0).getText()).isEqualTo("Đọc");
        assertThat(actions.get(1).getText()).startsWith("Tải về (PDF");
        for (WebElement a : actions) {
            assertThat((long) (a.getRect().getY() + a.getRect().getHeight())).as(a.getText()).isLessThanOrEqualTo(screen);
            assertThat(a.getSize().getHeight()).as(a.getText()).isGreaterThanOrEqualTo(44);
        }
        screenshot("phone-resource-first-screen");
        // "Read" shows the PDF as pictures of its pages: no PDF viewer needed
        actions.get(0).click();
        waiting().until(d -> d.getCurrentUrl().contains("/read"));
        WebElement firstPage = browser.findElement(By.cssSelector("figure.page img"));
        waiting().until(d -> Boolean.TRUE.equals(js("return arguments[0].complete && arguments[0].naturalWidth > 0;",
                firstPage)));
        assertThat(js("return arguments[0].naturalWidth;", firstPage)).isEqualTo(960L);
        assertThat(firstPage.getSize().getWidth()).isLessThanOrEqualTo(360);
        assertThat(browser.findElement(By.cssSelector("figure.page figcaption")).getText()).startsWith("Trang 1/");
        screenshot("phone-reader");

        // searching within the document opens the answer at its results, not at the top of the page
        browser.get(url("/resources/" + book));
        WebElement within = browser.findElement(By.id("within"));
        within.sendKeys("ky nang");
        within.submit();
        waiting().until(d -> d.getCurrentUrl().endsWith("#within-results"));
        long results = ((Number) js("return document.getElementById('within-results').getBoundingClientRect().top;"))
                .longValue();
        assertThat(results).isBetween(-1L, screen / 2);
        screenshot("phone-within");

        // a hit on a slide lands on that slide
        browser.get(url("/search?q=" + Http.q("trung thuong tai mien phi dang ngo")));
        WebElement onSlide = browser.findElements(By.cssSelector("ol.results p.location a")).stream()
                .filter(a -> a.getText().startsWith("Thấy ở trang chiếu")).findFirst().orElseThrow();
        String number = onSlide.getText().replaceAll("\\D+", "");
        onSlide.click();
        waiting().until(d -> d.getCurrentUrl().contains("/read?"));
        WebElement slide = browser.findElement(By.cssSelector("li.slide:target"));
        assertThat(slide.getText()).contains("Trang chiếu " + number + "/").containsIgnoringCase("trúng thưởng");
        long top = ((Number) js("return arguments[0].getBoundingClientRect().top;", slide)).longValue();
        assertThat(top).isBetween(-1L, screen);
        screenshot("phone-slide");

        // staff: the work pages are one menu, so the header stays a few rows; their pages fit too
        Uploads.resource("Chờ duyệt trên điện thoại " + System.nanoTime())
                .by(Http.basic(account("phone-teacher", Role.TEACHER, "HN-TVHN"), PASSWORD)).to(url(""));
        signIn("admin");
        for (String page : List.of("/review", "/admin/accounts", "/admin/partners")) {
            fitsThePhone(page);
        }
        browser.get(url("/review"));
        assertThat(headerHeight()).as("an administrator's header on a phone").isLessThanOrEqualTo(visitorHeader + 48)
                .isLessThanOrEqualTo(160);
        browser.findElement(By.cssSelector("header.site details.work summary")).click();
        WebElement review = browser.findElement(By.cssSelector("header.site details.work a[href$='/review']"));
        assertThat(review.isDisplayed()).isTrue();
        assertThat(((Number) js("return document.documentElement.scrollWidth;")).longValue())
                .as("the open menu stays on the screen").isLessThanOrEqualTo(360);
        screenshot("phone-staff-menu");
    }

    /** No sideways scrolling on the page at the window's width; a screenshot for a person to look at. */
    private void fitsThePhone(String page) throws Exception {
        browser.get(url(page));
        long width = ((Number) js("return document.documentElement.clientWidth;")).longValue();
        long scroll = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
        Object wide = js("return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                + " > document.documentElement.clientWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className"
                + " + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');");
        assertThat(scroll).as("no sideways scrolling on " + page + " (too wide: " + wide + ")")
                .isLessThanOrEqualTo(width).isLessThanOrEqualTo(360);
        screenshot("phone-" + page.replaceAll("[^a-z0-9]+", "-"));
    }

    private long headerHeight() {
        return ((Number) js("return Math.round(document.querySelector('header.site').getBoundingClientRect().height);"))
                .longValue();
    }

    @Test
    void aTeacherUploadsSeveralFilesALibrarianApprovesAndAStudentFindsIt() throws Exception {
        String teacher = account("teacher-browser", Role.TEACHER, "HN-TVHN");
        String librarian = account("librarian-browser", Role.LIBRARIAN, "HN-TVHN");
        String word = "vuon" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        Path folder = Files.createTempDirectory("hoclieu-upload-");
        Path guide = Files.writeString(folder.resolve("cam-nang-lam-dieu.txt"),
                "Cẩm nang làm diều giấy ở sân trường " + word + ". Chọn nan tre, dán giấy bản và buộc dây thật chắc.");
        Path sheet = Files.writeString(folder.resolve("phieu-theo-doi.txt"),
                "Phiếu ghi chép buổi thả diều của lớp " + word + ": ngày thả, sức gió, độ cao.");

        signIn(teacher);
        browser.get(url("/upload"));
        // the page's script has turned the file field into a drop zone
        waiting().until(d -> d.findElement(By.cssSelector(".dropzone.enhanced .drop-hint")).isDisplayed());
        browser.findElement(By.id("file")).sendKeys(guide + "\n" + sheet);
        waiting().until(d -> d.findElements(By.cssSelector("#upload-progress li")).size() == 2);
        browser.findElement(By.id("separate")).click();
        browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#upload-progress li.stored")).size() == 2);
        for (WebElement row : browser.findElements(By.cssSelector("#upload-progress li"))) {
            assertThat(row.findElement(By.tagName("progress")).getAttribute("value")).isEqualTo("100");
        }
        assertThat(browser.findElement(By.id("upload-summary")).getText()).isEqualTo("Đã lưu 2 trên 2 tài liệu.");
        js("arguments[0].scrollIntoView();", browser.findElement(By.id("dropzone")));
        screenshot("uploaded");

        // the teacher confirms the description of the guide, once its file has been read
        browser.findElement(By.xpath("//ol[@id='upload-progress']/li[strong='cam-nang-lam-dieu.txt']//a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElements(
                By.cssSelector(".files-reading .state.pending")).isEmpty());
        WebElement title = browser.findElement(By.id("title"));
        title.clear();
        title.sendKeys("Cẩm nang làm diều giấy " + word);
        browser.findElement(By.id("subjects")).sendKeys("Khoa học");
        screenshot("describe");
        title.submit();
        waiting().until(d -> d.getCurrentUrl().contains("?edited"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/resources/(\\d+).*", "$1"));
        signOut();

        // a librarian of the school's library sees it waiting on the dashboard and approves it in /review
        signIn(librarian);
        browser.get(url("/dashboard"));
        assertThat(browser.findElements(By.cssSelector(".stats svg.timeline"))).hasSize(2);
        js("arguments[0].scrollIntoView();", browser.findElement(By.cssSelector(".stats")));
        screenshot("dashboard-statistics");
        browser.findElement(By.cssSelector("a.waiting")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/review"));
        WebElement submission = browser.findElements(By.cssSelector("section.review li.submission")).stream()
                .filter(r -> r.getText().contains("Cẩm nang làm diều giấy " + word)).findFirst().orElseThrow();
        screenshot("review");
        submission.findElement(By.cssSelector("form[action$='/approve'] button")).click();
        waiting().until(d -> d.getCurrentUrl().contains("approved"));
        signOut();

        // a student, signed in nowhere, types without diacritics and opens it
        await(() -> Http.get(url("/api/v1/search?q=" + Http.q("cam nang lam dieu giay " + word))).json()
                .get("total").asLong() > 0, Duration.ofSeconds(30), "the approved material never became searchable");
        browser.get(url("/"));
        WebElement box = browser.findElement(By.id("q-home"));
        box.sendKeys("cam nang lam dieu giay " + word);
        box.submit();
        waiting().until(d -> d.getCurrentUrl().contains("/search"));
        WebElement hit = browser.findElement(By.cssSelector("ol.results h2 a"));
        assertThat(hit.getText()).isEqualTo("Cẩm nang làm diều giấy " + word);
        screenshot("found");
        hit.click();
        waiting().until(d -> d.getCurrentUrl().contains("/resources/" + id));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cẩm nang làm diều giấy " + word);
        screenshot("opened");
    }

    @Test
    void aLibrarianRetriesAFileThatCouldNotBeRead() throws Exception {
        String librarian = account("librarian-browser", Role.LIBRARIAN, "HN-TVHN");
        byte[] broken = ("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + "broken ".repeat(50))
                .getBytes(StandardCharsets.ISO_8859_1);
        long resourceId = Uploads.resource("Tệp hỏng để thử lại").file("hong-" + System.nanoTime() + ".pdf", broken)
                .by(Http.basic(librarian, PASSWORD)).to(url("")).id();
        awaitIngestIdle();
        JsonNode failed = failedJobOf(librarian, resourceId);
        assertThat(failed).as("the broken file's job is FAILED").isNotNull();

        signIn(librarian);
        // from the librarians' dashboard, which lists failures with their reasons
        browser.get(url("/dashboard"));
        WebElement row = browser.findElements(By.cssSelector("tr.failed")).stream()
                .filter(r -> r.getText().contains(failed.get("fileName").asString())).findFirst().orElseThrow();
        assertThat(row.getText()).isNotBlank();
        screenshot("failed");
        row.findElement(By.cssSelector("form[action$='/retry'] button")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/dashboard?retried="));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isNotBlank();
        screenshot("retried");
        // the dashboard follows the queue by itself: when the file fails again, it says the failures changed
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(d -> d.findElement(By.id("failed-changed")).isDisplayed());
        screenshot("failed-again");
        // the job ran again: the file being still broken, it failed again, later
        awaitIngestIdle();
        JsonNode again = failedJobOf(librarian, resourceId);
        assertThat(again).isNotNull();
        assertThat(Instant.parse(again.get("startedAt").asString()))
                .isAfter(Instant.parse(failed.get("finishedAt").asString()));
    }

    private JsonNode failedJobOf(String user, long resourceId) {
        JsonNode jobs = Http.get(url("/api/v1/ingest/jobs?status=FAILED"), "Authorization",
                Http.basic(user, PASSWORD)).json();
        for (JsonNode j : jobs) {
            if (j.get("resourceId").asLong() == resourceId) {
                return j;
            }
        }
        return null;
    }
}
