package org.rcm.requests.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per journey, from Debian's packages, with a fresh profile that is deleted afterwards.
 * Every step is photographed to {@code target/e2e/<journey>/NN-<step>.png}; when the journey fails, the page it
 * failed on is kept too (picture and HTML), so that a red CI run can be read without re-running it.
 */
final class Browser implements BeforeEachCallback, AfterEachCallback {

    /** Generous: CI machines have two cores and the engine's jobs run in the background. */
    static final Duration PATIENCE = Duration.ofSeconds(45);

    private static final Path SHOTS = Path.of("target", "e2e");

    private String baseUrl;
    private ChromeDriver driver;
    private Path profile;
    private Path journey;
    private int step;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        journey = SHOTS.resolve(context.getRequiredTestMethod().getName());
        deleteTree(journey);
        Files.createDirectories(journey);
        step = 0;
        profile = Files.createTempDirectory("e2e-chromium-");
        BrowserPaths paths = BrowserPaths.fromSystem();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(paths.chromedriver().toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options(paths.chromium().toFile(), profile));
    }

    private static ChromeOptions options(File chromium, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=es", "--user-data-dir=" + profile);
        // Accept-Language as a Spanish-speaking officer's browser sends it (the pages' default language)
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "es,en"));
        return options;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (context.getExecutionException().isPresent() && driver != null) {
                Path picture = shot("failure");
                Files.writeString(picture.resolveSibling(picture.getFileName().toString().replace(".png", ".html")),
                        driver.getCurrentUrl() + "\n" + driver.getPageSource(), StandardCharsets.UTF_8);
            }
        } finally {
            if (driver != null) {
                driver.quit();
            }
            deleteTree(profile);
        }
    }

    void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
    }

    /** Forgets every session (Tasklist's and the pages'), as a different person at the same computer would. */
    void forgetSessions() {
        if (driver.getCurrentUrl().startsWith("http")) {
            driver.manage().deleteAllCookies();
        }
    }

    /** Saves the page as the journey's next step; returns the picture's path. */
    Path shot(String name) throws IOException {
        step++;
        Path picture = journey.resolve("%02d-%s.png".formatted(step, name));
        Files.write(picture, driver.getScreenshotAs(OutputType.BYTES));
        return picture;
    }

    WebElement visible(By locator) {
        return until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    WebElement clickable(By locator) {
        return until(ExpectedConditions.elementToBeClickable(locator));
    }

    /**
     * Clicks once the element can take it: scrolled to the middle of the window first (Tasklist's fixed footer
     * hides the bottom edge), and tried again while Angular re-renders it or an animation still covers it.
     */
    void click(By locator) {
        until(current -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(current);
            if (element == null) {
                return false;
            }
            try {
                driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
                element.click();
                return true;
            } catch (StaleElementReferenceException | ElementClickInterceptedException notYet) {
                return false;
            }
        });
    }

    <T> T until(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
