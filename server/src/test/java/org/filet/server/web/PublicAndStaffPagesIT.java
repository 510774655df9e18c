package org.filet.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.filet.server.ServerTest;
import org.filet.server.TestImages;
import org.filet.server.people.Organisations;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUser;
import org.filet.server.people.StaffUsers;
import org.filet.server.people.Vetted;
import org.filet.server.people.Vetting;
import org.filet.server.support.FiletSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public form and the staff pages in a real browser (Debian Chromium, headless). */
class PublicAndStaffPagesIT extends ServerTest {

    static final String PASSWORD = "correct horse battery staple";
    static ChromeDriver browser;

    @Autowired
    Vetting vetting;

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
    void frenchFormWithFileAndImmediateDangerReachesTheTopOfTheAnalystQueue() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(uri("/").toString());
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Signaler");

        WebElement guidance = browser.findElement(By.id("danger-guidance"));
        assertThat(guidance.isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("label[for=danger-yes]")).click();
        assertThat(guidance.isDisplayed())
                .as("guidance shows at once when danger is yes")
                .isTrue();
        assertThat(guidance.getText())
                .contains("17")
                .contains("112")
                .contains("119")
                .contains("3018");

        browser.findElement(By.id("childAge")).sendKeys("12");
        browser.findElement(By.id("platform")).sendKeys("Snapchat");
        browser.findElement(By.id("accounts0.handle")).sendKeys("lucas_2009");
        browser.findElement(By.id("description")).sendKeys("Il propose de la voir samedi devant le collège.");
        browser.findElement(By.id("messages")).sendKeys("Lucas : on se voit samedi ?");
        Path picture = Files.createTempFile("capture-", ".png");
        Files.write(picture, TestImages.png(11));
        browser.findElement(By.id("files")).sendKeys(picture.toString());
        browser.findElement(By.id("submit")).click();

        String receipt = waitFor(By.id("receipt")).getText();
        assertThat(receipt).matches("R-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(browser.findElement(By.id("access-code")).getText()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(browser.findElement(By.cssSelector(".emergency")).getText()).contains("17");
        assertThat(browser.getPageSource()).contains("Ne supprimez pas la conversation");

        String code = browser.findElement(By.id("access-code")).getText();
        browser.get(uri("/status").toString());
        browser.findElement(By.id("receipt")).sendKeys(receipt.toLowerCase());
        browser.findElement(By.id("accessCode")).sendKeys(code);
        browser.findElement(By.cssSelector("main form button")).click();
        assertThat(waitFor(By.id("status")).getText()).contains("Reçu");
        assertThat(browser.findElement(By.cssSelector(".emergency")).getText()).contains("112");

        StaffUser analyst = analyst();
        logIn(analyst);
        List<WebElement> rows = browser.findElements(By.cssSelector("#queue tbody tr"));
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).findElement(By.cssSelector("a.receipt")).getText())
                .isEqualTo(receipt);
        assertThat(rows.get(0).getText()).contains("DANGER");

        rows.get(0).findElement(By.cssSelector("a.receipt")).click();
        assertThat(browser.findElement(By.id("receipt")).getText()).isEqualTo(receipt);
        assertThat(browser.findElement(By.id("description")).getText()).contains("devant le collège");
        assertThat(browser.findElement(By.id("files")).getText())
                .contains("image/png")
                .contains("Afficher l'image");
        assertThat(browser.findElements(By.cssSelector("#files img")))
                .as("pictures appear only as blurred thumbnails")
                .isNotEmpty()
                .allMatch(img -> img.getAttribute("class").contains("restricted-thumb")
                        && img.getAttribute("src").endsWith("/thumb"));
        assertThat(jdbc.sql(
                                "select count(*) from report_view v join report r on r.id = v.report_id where r.receipt = ? and v.user_id = ?")
                        .params(receipt, analyst.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select actor from custody_event where subject = ? and action = 'viewed'")
                        .param("report:" + receipt)
                        .query(String.class)
                        .list())
                .containsExactly(analyst.actor());
    }

    @Test
    void aMeetingDescribedWithoutTickingDangerStillShowsWhomToCall() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(uri("/").toString());
        browser.findElement(By.id("description"))
                .sendKeys("Il lui a écrit : on se voit samedi à 15h au parc derrière l'école ?");
        browser.findElement(By.id("submit")).click();
        waitFor(By.id("receipt"));
        assertThat(browser.findElement(By.cssSelector(".emergency")).getText())
                .contains("17")
                .contains("112");
    }

    @Test
    void scriptInReportTextsStaysInertOnTheAnalystPage() throws Exception {
        String payload =
                "<script>document.title='pwned';alert(1)</script><img src=x onerror=\"document.title='pwned'\">";
        String report = """
                {"reporter":{"role":"other"},"platform":"<b>Discord</b>",
                 "suspectAccounts":[{"handle":"%1$s","displayName":"%1$s"}],
                 "messages":[{"sender":"%1$s","text":"%1$s"}],"description":"%1$s"}""".formatted(payload.replace("\"", "\\\""));
        HttpResponse<String> created = postJson("/api/v1/reports", report);
        assertThat(created.statusCode()).isEqualTo(201);
        String receipt = json(created).get("receipt").asString();

        logIn(analyst());
        browser.get(uri("/staff/reports/" + receipt).toString());
        assertThat(browser.findElement(By.id("receipt")).getText()).isEqualTo(receipt);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.getTitle()).doesNotContain("pwned");
        assertThat(browser.findElement(By.id("description")).getText())
                .contains("<script>")
                .contains("onerror");
        assertThat(browser.findElements(By.cssSelector("main script, main img")))
                .isEmpty();

        String token = users.issueToken(analyst().id());
        HttpResponse<String> page = get("/staff/reports/" + receipt, "Authorization", "Bearer " + token);
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("script-src 'self'")
                .contains("object-src 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.body()).doesNotContain("<script>document").contains("&lt;script&gt;");
    }

    @Test
    void englishByAcceptLanguageAndStaffPagesNeedALogin() throws Exception {
        HttpResponse<String> english = get("/", "Accept-Language", "en-GB,en;q=0.9");
        assertThat(english.body()).contains("lang=\"en\"").contains("Report a worrying contact");
        HttpResponse<String> french = get("/", "Accept-Language", "de-DE");
        assertThat(french.body()).contains("lang=\"fr\"");
        HttpResponse<String> queue = get("/staff/queue");
        assertThat(queue.statusCode()).isEqualTo(302);
        assertThat(queue.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void oneTimeLinkSetsUpTheFirstAdministratorOnceOnly() throws Exception {
        String token = users.issueLinkToken(null);
        browser.manage().deleteAllCookies();
        browser.get(uri("/setup/" + token).toString());
        browser.findElement(By.id("email")).sendKeys("admin-" + UUID.randomUUID() + "@filet.test");
        browser.findElement(By.id("password")).sendKeys("short");
        // the browser refuses it already (minlength); remove that to check the server refuses it too
        browser.executeScript("document.getElementById('password').removeAttribute('minlength')");
        browser.findElement(By.cssSelector("main form button")).click();
        assertThat(waitFor(By.cssSelector(".errors")).getText()).contains("12");

        String email = "admin-" + UUID.randomUUID() + "@filet.test";
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button")).click();
        awaitUrlEnding("/login?ready");
        assertThat(users.findByEmail(email).orElseThrow().role())
                .as("the first administrator governs the instance")
                .isEqualTo(Role.INSTANCE_ADMIN);

        HttpResponse<String> again = get("/setup/" + token);
        assertThat(again.statusCode()).isEqualTo(404);

        // the first login enrols a second factor before anything else
        Browser.logIn(browser, uri("").toString(), email, PASSWORD, "/staff/queue");
    }

    private StaffUser analyst() {
        String email = "analyst@filet.test";
        return users.findByEmail(email).orElseGet(() -> {
            UUID org = organisations.receiving(settings.organisation());
            StaffUser user = Vetted.vet(vetting, users.create(org, email, "Analyste", Role.ANALYST));
            users.setPassword(user.id(), PASSWORD);
            return user;
        });
    }

    private void logIn(StaffUser user) {
        Browser.logIn(browser, uri("").toString(), user.email(), PASSWORD, "/staff/queue");
    }

    /** Waits for an element of the page a form submission leads to. */
    private static WebElement waitFor(By by) {
        return Browser.waitFor(browser, by);
    }

    /** Password hashing (Argon2) takes a moment: wait for the navigation instead of racing it. */
    private static void awaitUrlEnding(String suffix) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().endsWith(suffix));
        assertThat(browser.getCurrentUrl()).endsWith(suffix);
    }
}
