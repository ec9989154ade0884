package vn.hoclieu;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the journeys: Debian's Chromium, headless, driven through Debian's
 * chromedriver (Selenium downloads nothing), with a fresh profile and its own driver, so that
 * closing it stops both. Screenshots go to {@code target/screenshots/<journey>-<step>.png}.
 */
public final class Chromium implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final ChromeDriverService service;
    private final Path profile;
    private final WebDriver driver;
    private final String journey;

    private Chromium(String journey, String... arguments) throws IOException {
        // the test classes say @RequiresTool({CHROMIUM, CHROMEDRIVER}): they are skipped before this without them
        Path binary = Tool.CHROMIUM.path().orElseThrow(() -> new AssertionError(Tool.CHROMIUM.missing().orElseThrow()));
        Path driverProgram = Tool.CHROMEDRIVER.path()
                .orElseThrow(() -> new AssertionError(Tool.CHROMEDRIVER.missing().orElseThrow()));
        Files.createDirectories(SCREENSHOTS);
        this.journey = journey;
        this.profile = Files.createTempDirectory("hoclieu-chromium-");
        this.service = new ChromeDriverService.Builder().usingDriverExecutable(driverProgram.toFile()).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
        options.addArguments(arguments);
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** @param arguments more Chromium switches, such as {@code --lang=vi} */
    public static Chromium start(String journey, String... arguments) throws IOException {
        return new Chromium(journey, arguments);
    }

    public WebDriver driver() {
        return driver;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Waits up to 15 s for a condition; one that reads an element the page is replacing (a form sent,
     * a redirect) is asked again instead of failing the test.
     */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public void screenshot(String step) throws IOException {
        Files.write(SCREENSHOTS.resolve(journey + "-" + step + ".png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Takes the last screenshot, quits the browser and its driver and deletes the profile. */
    @Override
    public void close() throws IOException {
        try {
            screenshot("end");
        } finally {
            driver.quit();
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
