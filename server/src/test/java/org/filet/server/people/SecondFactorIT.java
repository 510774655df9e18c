package org.filet.server.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.filet.server.ServerTest;
import org.filet.server.support.FiletSettings;
import org.filet.server.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A password alone never opens a staff page: the session must also show a code from an authenticator app (or a
 * recovery code), or come from a passkey. Through HTTP as an attacker with a stolen password would try, and in
 * Chromium with a virtual authenticator for passkeys.
 */
class SecondFactorIT extends ServerTest {

    static final String PASSWORD = "correct horse battery staple";
    static ChromeDriver browser;

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start("fr");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPasswordOnlySessionCannotReachTheQueueUntilTheAppCodeIsGiven() throws Exception {
        StaffUser user = newUser(Role.ANALYST);
        Session s = new Session();
        assertThat(s.logInWithPassword(user.email())).endsWith("/login/factor");
        HttpResponse<String> queue = s.get("/staff/queue");
        assertThat(queue.statusCode()).as("password alone").isEqualTo(302);
        assertThat(queue.headers().firstValue("Location").orElseThrow()).contains("/login/factor");
        assertThat(s.get("/api/v1/reports/FIL-0000-0000/package").statusCode())
                .as("nor the staff API")
                .isNotEqualTo(200);
        assertThat(s.get("/login/factor").headers().firstValue("Location").orElseThrow())
                .as("no factor yet: enrol first")
                .endsWith("/enrol");

        // enrol an authenticator app: the secret is shown once with its QR code, confirmed by a first code
        assertThat(s.post("/enrol/totp", "", "/enrol").statusCode()).isEqualTo(302);
        HttpResponse<String> enrol = s.get("/enrol/totp");
        assertThat(enrol.body()).contains("data:image/svg+xml;base64,");
        String secret = match(enrol.body(), "id=\"totp-secret\">([A-Z2-7]+)<");
        long step = TotpCodes.currentStep();
        HttpResponse<String> wrong = s.post("/enrol/totp/confirm", "code=" + wrongCode(secret, step), "/enrol/totp");
        assertThat(wrong.statusCode()).isEqualTo(400);
        HttpResponse<String> confirmed =
                s.post("/enrol/totp/confirm", "code=" + TotpCodes.code(secret, step), "/enrol/totp");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        List<String> recovery = Pattern.compile("<code>([a-z0-9]{5}-[a-z0-9]{5})</code>")
                .matcher(confirmed.body())
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(recovery).hasSize(10);
        assertThat(jdbc.sql("select count(*) from recovery_code where user_id = ? and code_hash = ?")
                        .params(user.id(), Secrets.hash(recovery.get(0).replace("-", "")))
                        .query(Long.class)
                        .single())
                .as("stored hashed, never in clear")
                .isEqualTo(1);
        assertThat(s.get("/staff/queue").statusCode()).isEqualTo(200);

        // a later login: password, then the app's code; a code already used is refused (no replay)
        Session next = new Session();
        next.logInWithPassword(user.email());
        assertThat(next.get("/staff/queue").statusCode()).isEqualTo(302);
        assertThat(next.post("/login/factor", "code=" + TotpCodes.code(secret, step), "/login/factor")
                        .statusCode())
                .as("the enrolment code again")
                .isEqualTo(401);
        assertThat(next.get("/staff/queue").statusCode()).isEqualTo(302);
        HttpResponse<String> ok =
                next.post("/login/factor", "code=" + TotpCodes.code(secret, step + 1), "/login/factor");
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElseThrow()).endsWith("/staff/queue");
        assertThat(next.get("/staff/queue").statusCode()).isEqualTo(200);

        // a stolen password cannot add its own passkey to an account that has a factor
        Session thief = new Session();
        thief.logInWithPassword(user.email());
        assertThat(thief.postJson("/webauthn/register", "/login/factor").statusCode())
                .isEqualTo(403);
        assertThat(thief.post("/enrol/totp", "", "/login/factor")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/login/factor");

        // a recovery code stands in for the app once
        Session lost = new Session();
        lost.logInWithPassword(user.email());
        assertThat(lost.post("/login/factor", "recovery=" + recovery.get(3).toUpperCase(), "/login/factor")
                        .statusCode())
                .isEqualTo(302);
        assertThat(lost.get("/staff/queue").statusCode()).isEqualTo(200);
        Session again = new Session();
        again.logInWithPassword(user.email());
        assertThat(again.post("/login/factor", "recovery=" + recovery.get(3), "/login/factor")
                        .statusCode())
                .isEqualTo(401);

        // API tokens are issued by an administrator and are not asked for a second factor
        assertThat(get("/staff/queue", "Authorization", "Bearer " + users.issueToken(user.id()))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aPasskeyAloneCompletesTheLoginInChromium() throws Exception {
        StaffUser user = newUser(Role.LEAD);
        // WebAuthn needs a host name for its relying party: the browser goes to localhost, not 127.0.0.1
        String base = "http://localhost:" + port;
        VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser)
                .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                        .setHasResidentKey(true)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true));
        try {
            browser.manage().deleteAllCookies();
            browser.get(base + "/login");
            browser.findElement(By.id("username")).sendKeys(user.email());
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("login")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().endsWith("/enrol"));
            screenshot("enrol-fr");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Protégez votre compte");
            browser.findElement(By.id("enrol-passkey")).click();
            Browser.waitFor(browser, By.id("passkey-register")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().endsWith("/staff/queue"));
            assertThat(authenticator.getCredentials()).hasSize(1);
            assertThat(jdbc.sql(
                                    "select count(*) from user_credentials c join user_entities e on e.id = c.user_entity_user_id where e.name = ?")
                            .param(user.email())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);

            // later: the passkey alone, no password typed
            browser.manage().deleteAllCookies();
            browser.get(base + "/login");
            screenshot("login-fr");
            browser.findElement(By.id("passkey-login")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().endsWith("/staff/queue"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Signalements à traiter");
        } finally {
            ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(authenticator);
        }
    }

    @Test
    void theAppEnrolmentPagesInFrench() throws Exception {
        StaffUser user = newUser(Role.ANALYST);
        browser.manage().deleteAllCookies();
        browser.get(uri("/login").toString());
        browser.findElement(By.id("username")).sendKeys(user.email());
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().endsWith("/enrol"));
        browser.findElement(By.id("enrol-totp")).click();
        String secret = Browser.waitFor(browser, By.id("totp-secret")).getText();
        // the QR code is an image the strict CSP lets through, and it is drawn (not a broken image)
        assertThat(((Number) browser.executeScript("return document.getElementById('totp-qr').naturalWidth"))
                        .intValue())
                .isGreaterThan(0);
        screenshot("enrol-totp-fr");
        browser.findElement(By.id("code")).sendKeys(TotpCodes.code(secret, TotpCodes.currentStep()));
        browser.findElement(By.id("confirm")).click();
        Browser.waitFor(browser, By.id("recovery-codes"));
        assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        screenshot("recovery-codes-fr");
        browser.findElement(By.id("continue")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().endsWith("/staff/queue"));
    }

    private StaffUser newUser(Role role) {
        UUID org = organisations.receiving(settings.organisation());
        String email = role.dbValue() + "-" + UUID.randomUUID() + "@filet.test";
        StaffUser user = users.create(org, email, "Personne " + role.dbValue(), role);
        users.setPassword(user.id(), PASSWORD);
        return user;
    }

    static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    static String wrongCode(String secret, long step) {
        String right = TotpCodes.code(secret, step);
        return String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
    }

    /** A browser-like HTTP session: cookies kept, CSRF token read from the page the form is on. */
    final class Session {
        final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        String logInWithPassword(String email) throws Exception {
            HttpResponse<String> login =
                    post("/login", "username=" + enc(email) + "&password=" + enc(PASSWORD), "/login");
            assertThat(login.statusCode()).isEqualTo(302);
            return login.headers().firstValue("Location").orElseThrow();
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form, String formPage) throws Exception {
            String token = csrf(formPage);
            return client.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    (form.isEmpty() ? "" : form + "&") + "_csrf=" + enc(token)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postJson(String path, String formPage) throws Exception {
            String token = csrf(formPage);
            return client.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Content-Type", "application/json")
                            .header("X-CSRF-TOKEN", token)
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private String csrf(String page) throws Exception {
            HttpResponse<String> form = get(page);
            if (form.statusCode() == 302) {
                form = get(form.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
            }
            return match(form.body(), "name=\"_csrf\" value=\"([^\"]+)\"");
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
