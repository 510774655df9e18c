package org.filet.server.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, driven by Debian's chromedriver (never a downloaded browser or driver). */
public final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {}

    /** The TOTP secret each user enrolled through {@link #logIn}, and the last time step used, by instance and email. */
    private static final Map<String, String> SECRETS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Map<String, Long> LAST_STEP = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Logs a staff user in with both factors and waits for the page the login leads to (password hashing takes a
     * moment). At the user's first login it enrols an authenticator app as a person would (reads the key shown under
     * the QR code, types the app's code, passes the recovery codes); later it types the code for the next unused time
     * step, as the server accepts each step once.
     */
    public static void logIn(ChromeDriver browser, String base, String email, String password, String landing) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(email);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        browser.findElement(org.openqa.selenium.By.id("login")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().contains("/login/factor")
                        || d.getCurrentUrl().contains("/enrol")
                        || d.getCurrentUrl().endsWith(landing));
        String key = base + " " + email.toLowerCase(java.util.Locale.ROOT);
        if (browser.getCurrentUrl().contains("/enrol")) {
            waitFor(browser, org.openqa.selenium.By.id("enrol-totp")).click();
            String secret = waitFor(browser, org.openqa.selenium.By.id("totp-secret"))
                    .getText()
                    .strip();
            SECRETS.put(key, secret);
            browser.findElement(org.openqa.selenium.By.id("code")).sendKeys(nextCode(key));
            browser.findElement(org.openqa.selenium.By.id("confirm")).click();
            waitFor(browser, org.openqa.selenium.By.id("continue")).click();
        } else if (browser.getCurrentUrl().contains("/login/factor")) {
            if (!SECRETS.containsKey(key)) {
                throw new IllegalStateException(email + " has a second factor this helper did not enrol");
            }
            waitFor(browser, org.openqa.selenium.By.id("code")).sendKeys(nextCode(key));
            browser.findElement(org.openqa.selenium.By.id("verify")).click();
        }
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().endsWith(landing));
    }

    /** The code for the first time step after the last one used (the server accepts one step ahead). */
    private static String nextCode(String key) {
        long step = Math.max(org.filet.server.people.TotpCodes.currentStep(), LAST_STEP.getOrDefault(key, 0L) + 1);
        while (step > org.filet.server.people.TotpCodes.currentStep() + 1) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        LAST_STEP.put(key, step);
        return org.filet.server.people.TotpCodes.code(SECRETS.get(key), step);
    }

    /** Waits for an element of the page a form submission leads to. */
    public static org.openqa.selenium.WebElement waitFor(ChromeDriver browser, org.openqa.selenium.By by) {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    public static ChromeDriver start(String language) throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must install Debian chromium and chromium-driver (see .ci/run)");
        }
        Assumptions.assumeTrue(
                present,
                "SKIPPED: browser tests need Debian chromium + chromium-driver "
                        + "(apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        Path profile = Files.createTempDirectory("filet-chromium-");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1200,1600",
                "--lang=" + language,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
