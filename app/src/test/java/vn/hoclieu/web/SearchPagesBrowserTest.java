package vn.hoclieu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.hoclieu.Chromium;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.RequiresTool;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Tool;

/**
 * The student's search and reading pages in a real browser (Debian's Chromium, headless, with
 * JavaScript): narrowing with facet checkboxes and chips, suggestions as you type picked with the
 * keyboard, a 360 px phone, and the accessibility basics. Screenshots go to {@code target/screenshots/}.
 */
@Tag(TestGroups.BROWSER)
@RequiresTool({Tool.CHROMIUM, Tool.CHROMEDRIVER})
class SearchPagesBrowserTest extends IntegrationTest {

    private Chromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startChromium(TestInfo test) throws Exception {
        awaitIngestIdle();
        chromium = Chromium.start("search-" + test.getTestMethod().orElseThrow().getName(), "--lang=vi");
        browser = chromium.driver();
    }

    @AfterEach
    void stopChromium() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void shot(String step) throws Exception {
        chromium.screenshot(step);
    }

    private Object js(String script, Object... args) {
        return chromium.js(script, args);
    }

    private WebDriverWait waiting() {
        return chromium.waiting();
    }

    private long total() {
        return Long.parseLong(browser.findElement(By.cssSelector(".summary")).getText().replaceAll("^\\D*(\\d+).*$", "$1"));
    }

    private List<String> chips() {
        return browser.findElements(By.cssSelector(".filter-chips a.chip")).stream().map(WebElement::getText).toList();
    }

    private long count(WebElement checkbox) {
        return Long.parseLong(browser.findElement(By.cssSelector("label[for='" + checkbox.getAttribute("id")
                + "'] .count")).getText());
    }

    /** Ticks a checkbox as a person does and waits for the page the change sent. */
    private void tick(WebElement checkbox) {
        WebElement old = browser.findElement(By.tagName("main"));
        checkbox.click();
        waiting().until(d -> {
            try {
                old.isDisplayed();
                return false;
            } catch (StaleElementReferenceException gone) {
                return "complete".equals(js("return document.readyState;"));
            }
        });
    }

    @Test
    void aReaderNarrowsWithFacetCheckboxesAndWidensAgainWithTheChips() throws Exception {
        browser.get(url("/search?q=" + Http.q("thu vien")));
        long all = total();
        // with JavaScript a checkbox sends the form by itself: no "Apply" button in the way
        assertThat(browser.findElement(By.cssSelector("aside.facets button.apply")).isDisplayed()).isFalse();
        List<WebElement> types = browser.findElements(By.cssSelector("aside.facets input[name=materialType]"));
        assertThat(types).hasSizeGreaterThanOrEqualTo(2);
        String firstId = types.get(0).getAttribute("id");
        String secondId = types.get(1).getAttribute("id");
        String first = types.get(0).getAttribute("value");
        String second = types.get(1).getAttribute("value");
        long firstCount = count(types.get(0));
        long secondCount = count(types.get(1));

        tick(types.get(0));
        assertThat(browser.getCurrentUrl()).contains("materialType=" + first).contains("q=thu+vien");
        assertThat(browser.findElement(By.id(firstId)).isSelected()).isTrue();
        assertThat(total()).isEqualTo(firstCount).isLessThan(all);
        // the focus is back on the checkbox that was ticked, for a keyboard user to go on
        assertThat(js("return document.activeElement.id;")).isEqualTo(firstId);
        assertThat(chips()).hasSize(1);
        shot("one-type");

        // a second value of the same facet widens: materials of either type
        tick(browser.findElement(By.cssSelector("aside.facets input[name=materialType][value='" + second + "']")));
        assertThat(total()).isEqualTo(firstCount + secondCount);
        assertThat(chips()).hasSize(2);
        shot("two-types");

        // the chip of the first type removes only that one
        browser.findElements(By.cssSelector(".filter-chips a.chip")).get(0).click();
        waiting().until(d -> chips().size() == 1);
        assertThat(browser.getCurrentUrl()).doesNotContain("materialType=" + first).contains("materialType=" + second);
        assertThat(total()).isEqualTo(secondCount);
        assertThat(browser.findElement(By.cssSelector("aside.facets input[value='" + second + "']")).isSelected()).isTrue();

        // the keyboard: Space on a checkbox sends the form too
        WebElement language = browser.findElement(By.cssSelector("aside.facets input[name=language]"));
        String languageId = language.getAttribute("id");
        WebElement old = browser.findElement(By.tagName("main"));
        js("arguments[0].focus();", language);
        language.sendKeys(Keys.SPACE);
        waiting().until(d -> {
            try {
                old.isDisplayed();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            }
        });
        waiting().until(d -> chips().size() == 2);
        assertThat(browser.findElement(By.id(languageId)).isSelected()).isTrue();

        browser.findElement(By.cssSelector(".filter-chips a.clear-all")).click();
        waiting().until(d -> chips().isEmpty());
        assertThat(total()).isEqualTo(all);
        assertThat(browser.findElements(By.cssSelector("aside.facets input:checked"))).isEmpty();
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("thu vien");
    }

    @Test
    void suggestionsAppearAsYouTypeAndTheKeyboardPicksOne() throws Exception {
        browser.get(url("/"));
        WebElement box = browser.findElement(By.id("q-home"));
        assertThat(box.getAttribute("role")).isEqualTo("combobox");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        String listId = box.getAttribute("aria-controls");
        box.sendKeys("hoc t");
        waiting().until(d -> "true".equals(box.getAttribute("aria-expanded")));
        List<WebElement> options = browser.findElements(By.cssSelector("#" + listId + " [role=option]"));
        assertThat(options).isNotEmpty();
        assertThat(options.get(0).isDisplayed()).isTrue();
        assertThat(options.stream().map(WebElement::getText))
                .anyMatch(t -> t.toLowerCase(Locale.ROOT).startsWith("học t") || t.startsWith("hoc t"));
        // screen readers hear how many there are
        WebElement status = box.findElement(By.xpath("../*[@role='status']"));
        waiting().until(d -> !status.getAttribute("textContent").isBlank());
        shot("open");

        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(options.get(0).getAttribute("id"));
        assertThat(options.get(0).getAttribute("aria-selected")).isEqualTo("true");
        if (options.size() > 1) {
            box.sendKeys(Keys.ARROW_DOWN);
            assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(options.get(1).getAttribute("id"));
            box.sendKeys(Keys.ARROW_UP);
        }
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(options.get(0).getAttribute("id"));
        // Escape closes the list and leaves what was typed
        box.sendKeys(Keys.ESCAPE);
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(box.getAttribute("aria-activedescendant")).isNull();
        assertThat(box.getAttribute("value")).isEqualTo("hoc t");

        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        String chosen = browser.findElement(By.id(box.getAttribute("aria-activedescendant"))).getText();
        box.sendKeys(Keys.ENTER);
        waiting().until(d -> !d.getCurrentUrl().equals(url("/")));
        // a title opens its material, a query its results
        if (browser.getCurrentUrl().contains("/resources/")) {
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(chosen);
        } else {
            assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo(chosen);
            assertThat(total()).isPositive();
        }
        shot("picked");
    }

    @Test
    void aMomentInThePageAddressStartsThePlayerThereAndTheTextViewIsALinkAway() throws Exception {
        long video = Http.get(url("/api/v1/search?q=" + Http.q("doi chieu voi it nhat hai nguon"))).json()
                .get("hits").get(0).get("id").asLong();
        browser.get(url("/resources/" + video + "#t=9"));
        WebElement player = browser.findElement(By.cssSelector(".preview video"));
        waiting().until(d -> ((Number) js("return arguments[0].currentTime;", player)).doubleValue() >= 9);
        assertThat(((Number) js("return arguments[0].currentTime;", player)).doubleValue()).isLessThan(10);
        assertThat(player.findElements(By.tagName("track"))).isNotEmpty();
        assertThat(browser.findElement(By.id("page-url")).getAttribute("value")).isEqualTo(url("/resources/" + video));
        shot("moment");
        browser.findElement(By.cssSelector(".text-view-link a")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/resources/" + video + "/text"));
        assertThat(browser.findElements(By.cssSelector("section.segment h3"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("img, video, audio, iframe"))).isEmpty();
        shot("text");
    }

    @Test
    void onA360PixelPhoneNothingScrollsSideways() throws Exception {
        browser.manage().window().setSize(new Dimension(360, 740));
        long video = Http.get(url("/api/v1/search?q=" + Http.q("doi chieu voi it nhat hai nguon"))).json()
                .get("hits").get(0).get("id").asLong();
        long book = Http.get(url("/api/v1/search?q=" + Http.q("hoc tap suot doi"))).json()
                .get("hits").get(0).get("id").asLong();
        for (String page : List.of("/", "/search?q=" + Http.q("thu vien so") + "&materialType=BOOK",
                "/search?q=" + Http.q("khongco tuthunao"), "/resources/" + video, "/resources/" + book,
                "/resources/" + book + "/text", "/collections")) {
            browser.get(url(page));
            long scroll = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
            Object wide = js("return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                    + " > document.documentElement.clientWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className"
                    + " + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');");
            assertThat(scroll).as("no sideways scrolling on " + page + " (too wide: " + wide + ")")
                    .isLessThanOrEqualTo(360);
            shot("phone" + page.replaceAll("[^a-z0-9]+", "-"));
        }
        // the suggestions fit the phone too, each big enough for a thumb
        browser.get(url("/"));
        WebElement box = browser.findElement(By.id("q-home"));
        box.sendKeys("hoc t");
        waiting().until(d -> "true".equals(box.getAttribute("aria-expanded")));
        WebElement option = browser.findElement(By.cssSelector("ul.suggestions [role=option]"));
        assertThat(option.getSize().getHeight()).isGreaterThanOrEqualTo(44);
        assertThat(option.getRect().getX() + option.getRect().getWidth()).isLessThanOrEqualTo(360);
        assertThat(((Number) js("return document.documentElement.scrollWidth;")).longValue()).isLessThanOrEqualTo(360);
        shot("phone-suggestions");
        option.click();
        waiting().until(d -> !d.getCurrentUrl().equals(url("/")));

        // the filters wait behind a button in the first screen of results; following it shows them first
        browser.get(url("/search?q=" + Http.q("thu vien")));
        long screen = ((Number) js("return window.innerHeight;")).longValue();
        WebElement filters = browser.findElement(By.cssSelector("a.filters-open"));
        assertThat(filters.isDisplayed()).isTrue();
        assertThat(filters.getText()).isEqualTo("Bộ lọc");
        assertThat((long) (filters.getRect().getY() + filters.getRect().getHeight())).isLessThanOrEqualTo(screen);
        assertThat(filters.getSize().getHeight()).isGreaterThanOrEqualTo(44);
        WebElement aside = browser.findElement(By.id("filters"));
        assertThat(aside.isDisplayed()).isFalse();
        filters.click();
        waiting().until(d -> aside.isDisplayed());
        long top = ((Number) js("return arguments[0].getBoundingClientRect().top;", aside)).longValue();
        assertThat(top).isBetween(-1L, screen);
        // every value a thumb's height; pages links too
        for (WebElement row : aside.findElements(By.cssSelector("ul > li"))) {
            if (row.isDisplayed()) {
                assertThat(row.getSize().getHeight()).as(row.getText()).isGreaterThanOrEqualTo(44);
            }
        }
        assertThat(((Number) js("return document.documentElement.scrollWidth;")).longValue()).isLessThanOrEqualTo(360);
        shot("phone-filters");
        browser.get(url("/search?q=&size=2&page=2"));
        for (WebElement link : browser.findElements(By.cssSelector("nav.pages a, nav.pages .current"))) {
            assertThat(link.getSize().getHeight()).as(link.getText()).isGreaterThanOrEqualTo(44);
            assertThat(link.getSize().getWidth()).as(link.getText()).isGreaterThanOrEqualTo(44);
        }
        shot("phone-page-numbers");
    }

    @Test
    void theSearchAndReadingPagesHaveTheAccessibilityBasics() throws Exception {
        long video = Http.get(url("/api/v1/search?q=" + Http.q("doi chieu voi it nhat hai nguon"))).json()
                .get("hits").get(0).get("id").asLong();
        long book = Http.get(url("/api/v1/search?q=" + Http.q("hoc tap suot doi"))).json()
                .get("hits").get(0).get("id").asLong();
        for (String page : List.of("/", "/search?q=" + Http.q("thu vien"), "/search?q=" + Http.q("khongco tuthunao"),
                "/resources/" + video, "/resources/" + video + "/text", "/resources/" + book + "/read")) {
            browser.get(url(page));
            @SuppressWarnings("unchecked")
            Map<String, Object> a11y = (Map<String, Object>) js(AUDIT);
            assertThat(a11y.get("lang")).as(page).isEqualTo("vi");
            assertThat(a11y.get("landmarks")).as(page + ": header, nav, main, footer").isEqualTo(4L);
            assertThat((List<?>) a11y.get("unlabelled")).as(page + ": inputs without a label").isEmpty();
            assertThat((List<?>) a11y.get("noAlt")).as(page + ": images without alt").isEmpty();
            assertThat((List<?>) a11y.get("lowContrast")).as(page + ": text below 4.5:1").isEmpty();
            // the first thing a Tab reaches is the skip link; focused it shows, with a visible ring, and leads to main
            WebElement first = (WebElement) js("return document.querySelector('a[href], button, input:not([type=hidden]),"
                    + " select, textarea, [tabindex]:not([tabindex=\"-1\"])');");
            assertThat(first.getAttribute("class")).as(page).contains("skip");
            js("arguments[0].focus();", first);
            assertThat(first.getCssValue("outline-style")).isNotEqualTo("none");
            assertThat(first.getRect().getX()).isGreaterThanOrEqualTo(0);
            first.sendKeys(Keys.ENTER);
            waiting().until(d -> d.getCurrentUrl().endsWith("#main"));
        }
    }

    /**
     * lang, the four landmarks, form fields without a label, images without alt, and text whose
     * colour against its background is below WCAG AA (4.5:1; 3:1 for large text).
     */
    private static final String AUDIT = """
            const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
            const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
              return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
            const background = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
              if (c.length === 3 || c[3] > 0.5) return c.slice(0, 3); } return [255, 255, 255]; };
            const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
              return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && s.display !== 'none'; };
            const low = [];
            for (const e of document.querySelectorAll('body *')) {
              if (!visible(e) || ![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
              const s = getComputedStyle(e); const fg = lum(rgb(s.color)); const bg = lum(background(e));
              const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
              const large = parseFloat(s.fontSize) >= 24 || (parseFloat(s.fontSize) >= 18.66 && Number(s.fontWeight) >= 700);
              if (ratio < (large ? 3 : 4.5)) low.push(e.tagName + '.' + e.className + ' ' + ratio.toFixed(2));
            }
            const unlabelled = [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
              .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
              .map(e => e.outerHTML.slice(0, 80));
            const noAlt = [...document.querySelectorAll('img')].filter(i => !i.hasAttribute('alt')).map(i => i.src);
            const landmarks = ['body > header', 'header nav, body nav', 'main', 'body > footer']
              .filter(s => document.querySelector(s)).length;
            return { lang: document.documentElement.lang, landmarks, unlabelled, noAlt, lowContrast: low.slice(0, 10) };
            """;
}
