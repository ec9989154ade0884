package vn.hoclieu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import vn.hoclieu.Chromium;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.TestFiles;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;
import vn.hoclieu.RequiresTool;
import vn.hoclieu.Tool;

/**
 * In a real browser: an e-lecture's script, opened by a signed-in librarian,
 * tries to read the site's cookies, reach into the page around it, and call the API as the viewer.
 * Each attempt writes what happened into the package's own page, which the test reads by switching
 * to its frame. The package runs in an opaque origin (the frame's sandbox without allow-same-origin,
 * and the same sandbox in the response's CSP), so every attempt fails — while the same call from the
 * site's own page succeeds, which shows the session was there to steal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag(TestGroups.BROWSER)
@RequiresTool({Tool.CHROMIUM, Tool.CHROMEDRIVER})
class ScormSandboxBrowserTest extends IntegrationTest {


    /** The package's page: three attempts, each result written into its own paragraph. */
    private static final String HOSTILE = """
            <head><meta charset="utf-8"><title>Bài giảng có kịch bản</title></head>
            <body><h1>Bài giảng</h1>
            <p id="cookie">chưa chạy</p><p id="parent">chưa chạy</p><p id="storage">chưa chạy</p><p id="api">chưa chạy</p>
            <script>
            function put(id, text) { document.getElementById(id).textContent = text; }
            try { put('cookie', 'read:' + document.cookie); } catch (e) { put('cookie', 'blocked:' + e.name); }
            try { put('parent', 'read:' + parent.document.cookie); } catch (e) { put('parent', 'blocked:' + e.name); }
            try { put('storage', 'read:' + localStorage.length); } catch (e) { put('storage', 'blocked:' + e.name); }
            fetch('/api/v1/account', {credentials: 'include'})
              .then(function (r) { return r.text().then(function (t) { put('api', 'status:' + r.status + ' ' + t); }); })
              .catch(function (e) { put('api', 'blocked:' + e.name); });
            </script></body>
            """;

    private Chromium chromium;
    private WebDriver browser;
    private String librarian;
    private long resource;
    private String launch;

    @BeforeAll
    void packageAndBrowser() throws Exception {
        librarian = account("sandbox-librarian", Role.LIBRARIAN, "HN-TVHN");
        resource = Uploads.resource().visibility("LIBRARY")
                .file("co-kich-ban-" + UUID.randomUUID() + ".zip", TestFiles.scorm(HOSTILE))
                .by(Http.basic(librarian, PASSWORD)).to(url("")).id();
        awaitIngestIdle();
        JsonNode file = Http.get(url("/api/v1/resources/" + resource), "Authorization", Http.basic(librarian, PASSWORD))
                .json().get("files").get(0);
        launch = file.get("launch").asString();

        chromium = Chromium.start("scorm-sandbox", "--lang=vi");
        browser = chromium.driver();
        browser.get(url("/signin"));
        browser.findElement(By.id("username")).sendKeys(librarian);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("password")).submit();
        waiting().until(d -> !d.getCurrentUrl().contains("/signin"));
    }

    @AfterAll
    void closeBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aPackagesScriptCanReadNoCookieAndCannotCallTheApiAsTheLibrarian() throws Exception {
        browser.get(url("/resources/" + resource));
        WebElement frame = browser.findElement(By.cssSelector("iframe.package"));
        assertThat(frame.getAttribute("sandbox")).contains("allow-scripts").doesNotContain("allow-same-origin");

        browser.switchTo().frame(frame);
        Map<String, String> results = results();
        screenshot("frame");
        browser.switchTo().defaultContent();
        assertBlocked(results);

        // the control: from the site's own page the same call is answered as the librarian
        Object control = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[0];"
                + "fetch('/api/v1/account').then(r => r.text().then(t => done(r.status + ' ' + t)))"
                + ".catch(e => done('failed ' + e));");
        assertThat(String.valueOf(control)).startsWith("200 ").contains(librarian);
        // and even there no script can read the session cookie (HttpOnly)
        assertThat(String.valueOf(((JavascriptExecutor) browser).executeScript("return document.cookie;")))
                .doesNotContain("JSESSIONID");
    }

    @Test
    void openedOnItsOwnThePackageIsStillSandboxedByItsHeader() throws Exception {
        // not in the resource page's frame: a link to the package's address, opened in a tab
        browser.get(url(launch));
        Map<String, String> results = results();
        screenshot("direct");
        assertBlocked(results);
    }

    private Map<String, String> results() {
        waiting().until(d -> !d.findElement(By.id("api")).getText().equals("chưa chạy"));
        return Map.of("cookie", text("cookie"), "parent", text("parent"), "storage", text("storage"), "api", text("api"));
    }

    private void assertBlocked(Map<String, String> results) {
        assertThat(results.get("cookie")).as("document.cookie").isEqualTo("blocked:SecurityError");
        assertThat(results.get("storage")).as("localStorage").isEqualTo("blocked:SecurityError");
        assertThat(results.get("parent")).as("the page around it")
                .matches("blocked:(SecurityError|TypeError)");
        assertThat(results.get("api")).as("fetch('/api/v1/account')").isEqualTo("blocked:TypeError")
                .doesNotContain(librarian);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private WebDriverWait waiting() {
        return chromium.waiting();
    }

    private void screenshot(String step) throws Exception {
        chromium.screenshot(step);
    }
}
