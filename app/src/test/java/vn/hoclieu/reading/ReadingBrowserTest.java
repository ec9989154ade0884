package vn.hoclieu.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import vn.hoclieu.Chromium;
import vn.hoclieu.RequiresTool;
import vn.hoclieu.TestGroups;
import vn.hoclieu.Tool;
import vn.hoclieu.account.Role;

/**
 * A reading week in a real browser: the librarian makes a programme of the library's collection, a
 * student opens it on a 360 px phone, joins and marks a book read with a note, and the librarian
 * sees the student's progress and note. Screenshots in {@code target/screenshots/}.
 */
@Tag(TestGroups.BROWSER)
@RequiresTool({Tool.CHROMIUM, Tool.CHROMEDRIVER})
class ReadingBrowserTest extends ReadingTestBase {

    @Test
    void anOrganiserCreatesAProgrammeAStudentJoinsOnAPhoneAndReadsAndTheOrganiserSeesTheProgress() throws Exception {
        String student = account(prefix + "-student", Role.READER, null);
        try (Chromium chromium = Chromium.start("reading-week", "--lang=vi")) {
            WebDriver browser = chromium.driver();
            signIn(chromium, prefix + "-librarian");
            browser.get(url("/collections/" + collection));
            browser.findElement(By.cssSelector("a[href*='/reading/new']")).click();
            WebElement title = browser.findElement(By.id("title"));
            title.clear();
            title.sendKeys("Tuần lễ đọc sách lớp 6A");
            browser.findElement(By.cssSelector("form.programme-form button[type=submit]")).click();
            chromium.waiting().until(d -> d.getCurrentUrl().contains("?created"));
            String programme = browser.getCurrentUrl().replaceFirst("\\?.*$", "");
            chromium.screenshot("created");

            // the student, on a phone, arrives by the poster's address
            browser.manage().deleteAllCookies();
            browser.manage().window().setSize(new Dimension(360, 740));
            signIn(chromium, student);
            browser.get(programme);
            browser.findElement(By.cssSelector("form[action$='/join'] button")).click();
            chromium.waiting().until(d -> d.getCurrentUrl().contains("?joined"));
            WebElement note = browser.findElement(By.id("note-" + first));
            note.sendKeys("Thạch Sanh dũng cảm, em thích đoạn đánh chằn tinh.");
            note.findElement(By.xpath("./ancestor::form")).findElement(By.cssSelector("button")).click();
            chromium.waiting().until(d -> d.findElement(By.cssSelector(".reading-progress")).getText()
                    .contains("1 trên 2"));
            long width = ((Number) chromium.js("return document.documentElement.clientWidth;")).longValue();
            long scroll = ((Number) chromium.js("return document.documentElement.scrollWidth;")).longValue();
            assertThat(scroll).as("no sideways scrolling on the phone").isLessThanOrEqualTo(width);
            chromium.screenshot("student-phone");

            browser.manage().deleteAllCookies();
            browser.manage().window().setSize(new Dimension(1280, 900));
            signIn(chromium, prefix + "-librarian");
            browser.get(programme + "/participants");
            String row = browser.findElement(By.cssSelector(".participants-table tbody tr")).getText();
            assertThat(row).contains(student).contains("1/2");
            browser.findElement(By.cssSelector(".participants-table summary")).click();
            assertThat(browser.findElement(By.cssSelector(".participants-table .notes")).getText())
                    .contains("Thạch Sanh dũng cảm");
            chromium.screenshot("organiser-sees");
        }
    }

    private void signIn(Chromium chromium, String user) {
        WebDriver browser = chromium.driver();
        browser.get(url("/signin"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("password")).submit();
        chromium.waiting().until(d -> !d.getCurrentUrl().contains("/signin"));
    }
}
