package org.filet.server.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
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
import org.filet.server.web.Browser;
import org.filet.verify.VerifyCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole journey in a real browser: a parent reports in French, an analyst builds a case, a lead approves and
 * refers it to OFMIN, the authority downloads the package (verified offline), asks a question, the analyst answers,
 * the authority records an arrest, and the parent's status page says it was passed to the police and closed. The
 * authority's case page stands on its own: summary, timeline, the organisation's notes, and a logout; the dashboard
 * words its labels and measures the time to the first person who opened the report.
 */
class JourneyIT extends ServerTest {

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
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start("fr");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void fromAParentsReportToAnArrestSeenOnTheStatusPage() throws Exception {
        UUID org = organisations.receiving(settings.organisation());
        StaffUser analyst = user("journey-analyst@filet.test", org, Role.ANALYST);
        StaffUser lead = user("journey-lead@filet.test", org, Role.LEAD);
        UUID authorities = organisations
                .findByName("Autorités")
                .map(Organisations.Organisation::id)
                .orElseGet(() -> organisations.create("Autorités"));
        StaffUser police = user("journey-ofmin@police.test", authorities, Role.AUTHORITY);
        users.setAuthority(police.id(), "ofmin");

        // a parent reports, in French, with a screenshot
        browser.manage().deleteAllCookies();
        browser.get(uri("/").toString());
        browser.findElement(By.id("childAge")).sendKeys("12");
        browser.findElement(By.id("accounts0.handle")).sendKeys("journey_suspect_01");
        browser.findElement(By.id("description")).sendKeys("Un adulte écrit à ma fille et lui demande des photos.");
        Path picture = Files.createTempFile("capture-", ".png");
        Files.write(picture, TestImages.png(71));
        Path chat = Files.createTempDirectory("export-").resolve("Discussion WhatsApp avec Max.txt");
        Files.writeString(chat, """
                12/11/2026, 20:01 - Max: salut, tu as quel âge ?
                12/11/2026, 20:02 - Léa: 12 ans
                12/11/2026, 20:03 - Max: envoie-moi une photo de toi, c'est notre secret
                """);
        browser.findElement(By.id("files")).sendKeys(picture + "\n" + chat);
        browser.findElement(By.id("submit")).click();
        String receipt = waitFor(By.id("receipt")).getText();
        String code = browser.findElement(By.id("access-code")).getText();

        // an analyst builds a case from the report
        logIn(analyst, "/staff/queue");
        browser.get(uri("/staff/reports/" + receipt).toString());
        browser.findElement(By.id("case-title")).sendKeys("Compte qui demande des photos");
        // the case builder pre-ticks linked reports (other tests' synthetic pictures look alike): this case is this
        // report's alone, as an analyst would decide
        for (var candidate : browser.findElements(By.cssSelector("#case-candidates input[type=checkbox]"))) {
            if (candidate.isSelected()) {
                candidate.click();
            }
        }
        browser.findElement(By.cssSelector("#open-case button")).click();
        String number = waitFor(By.id("case-number")).getText();
        browser.findElement(By.id("body")).sendKeys("Le même compte a écrit à une autre élève du collège.");
        browser.findElement(By.id("forAuthority")).click();
        click(By.cssSelector("form[action$='/notes'] button"));
        browser.findElement(By.id("body")).sendKeys("Note interne : relancer la mère jeudi.");
        click(By.cssSelector("form[action$='/notes'] button"));
        click(By.id("move-investigating"));
        click(By.id("move-ready_for_review"));
        assertThat(waitFor(By.id("case-status")).getText()).contains("relecture");

        // a second person, a lead, approves and refers to the proposed authority
        logIn(lead, "/staff/queue");
        browser.get(uri("/staff/cases/" + number).toString());
        click(By.id("move-approved"));
        assertThat(waitFor(By.id("case-approver")).getText()).contains(lead.displayName());
        assertThat(browser.findElement(By.id("referral-proposal")).getText()).contains("OFMIN");
        click(By.cssSelector("#referral form button"));
        assertThat(waitFor(By.id("referral-status")).getText()).contains("OFMIN");

        // the authority downloads the package and verifies it offline, then asks a question
        logIn(police, "/authority");
        browser.findElement(By.linkText(number)).click();
        click(By.id("accept"));
        UUID referral = UUID.fromString(browser.getCurrentUrl().replaceAll(".*/authority/referrals/", ""));
        // the case page stands on its own: summary, timeline, the notes chosen for the authority only
        assertThat(waitFor(By.id("summary-ages")).getText()).isEqualTo("12 ans");
        assertThat(browser.findElement(By.id("summary-countries")).getText()).isEqualTo("France");
        assertThat(browser.findElement(By.id("summary-platforms")).getText())
                .as("the export's platform")
                .isEqualTo("WhatsApp");
        assertThat(browser.findElement(By.id("summary-identifiers")).getText()).contains("journey_suspect_01");
        assertThat(browser.findElement(By.id("summary-links")).getText()).isEmpty();
        assertThat(browser.findElement(By.id("report-" + receipt))
                        .findElement(By.cssSelector(".timeline"))
                        .getText())
                .contains("envoie-moi une photo de toi")
                .contains("Max")
                .contains("Léa");
        assertThat(browser.findElement(By.id("authority-notes")).getText())
                .contains("une autre élève du collège")
                .doesNotContain("Note interne");
        assertThat(browser.findElement(By.id("referral-state")).getText()).contains("accepté");
        assertThat(browser.findElements(By.cssSelector("header form[action$='/logout'] button")))
                .as("a logout")
                .hasSize(1);
        assertThat(browser.findElements(By.cssSelector("header a[href$='/status']")))
                .as("not the public header")
                .isEmpty();
        screenshot("authority-case");
        HttpResponse<byte[]> pkg = http.send(
                HttpRequest.newBuilder(uri("/authority/referrals/" + referral + "/reports/" + receipt + "/package"))
                        .header("Authorization", "Bearer " + users.issueToken(police.id()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pkg.statusCode()).isEqualTo(200);
        Path zip = Files.write(Files.createTempFile("journey-", ".zip"), pkg.body());
        assertThat(VerifyCommand.mainWithoutExit(zip.toString()))
                .as("filet verify exit code")
                .isZero();
        HttpResponse<byte[]> casePkg = http.send(
                HttpRequest.newBuilder(uri("/authority/referrals/" + referral + "/package"))
                        .header("Authorization", "Bearer " + users.issueToken(police.id()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(casePkg.statusCode()).isEqualTo(200);
        Path caseZip = Files.write(Files.createTempFile("journey-case-", ".zip"), casePkg.body());
        assertThat(VerifyCommand.mainWithoutExit(caseZip.toString()))
                .as("the whole case verifies too")
                .isZero();
        waitFor(By.id("question")).sendKeys("Le téléphone de l'enfant est-il conservé ?");
        click(By.cssSelector("form[action$='/questions'] button"));

        // the analyst answers on the case
        logIn(analyst, "/staff/queue");
        browser.get(uri("/staff/cases/" + number).toString());
        assertThat(waitFor(By.id("referral-messages")).getText()).contains("téléphone de l'enfant");
        browser.findElement(By.id("answer")).sendKeys("Oui, il est conservé tel quel.");
        click(By.cssSelector("form[action$='/referral/answers'] button"));

        // the authority reads the answer and records an arrest
        logIn(police, "/authority");
        browser.get(uri("/authority/referrals/" + referral).toString());
        assertThat(waitFor(By.id("messages")).getText()).contains("conservé tel quel");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind"))).selectByValue("arrest");
        browser.executeScript(
                "document.getElementById('date').value = arguments[0]",
                LocalDate.now().toString());
        click(By.cssSelector("form[action$='/outcomes'] button"));
        assertThat(waitFor(By.id("outcomes")).getText()).contains("interpellation");
        assertThat(browser.findElements(By.cssSelector("header form[action$='/logout']")))
                .as("the officer can log out")
                .isNotEmpty();
        assertThat(jdbc.sql("select status from report where receipt = ?")
                        .param(receipt)
                        .query(String.class)
                        .single())
                .as("recording an outcome does not close the parent's status")
                .isEqualTo("referred");
        assertThat(browser.findElement(By.id("referral-state")).getText())
                .as("nor the referral")
                .contains("accepté");
        click(By.id("close-referral"));
        waitFor(By.id("outcomes"));

        // the organisation's dashboard: words, not codes, and the time to the first person who opened the report
        logIn(lead, "/staff/queue");
        browser.get(uri("/staff/dashboard").toString());
        String opened = waitFor(By.id("median-first-opening")).getText();
        assertThat(opened).containsPattern("\\d+(,\\d)? (min|h|jours)").doesNotContain("0,00");
        assertThat(browser.findElement(By.id("chart-outcomes")).getText())
                .contains("interpellation")
                .doesNotContain("arrest");
        assertThat(browser.findElement(By.id("chart-authorities")).getText()).contains("Office mineurs (OFMIN)");
        Object overflow = browser.executeScript("""
                const out = [];
                for (const svg of document.querySelectorAll('main svg')) {
                  const box = svg.viewBox.baseVal;
                  for (const t of svg.querySelectorAll('text')) {
                    const b = t.getBBox();
                    if (b.x < box.x || b.y < box.y || b.x + b.width > box.x + box.width || b.y + b.height > box.y + box.height) {
                      out.push(t.textContent);
                    }
                  }
                }
                return out.join('|');""");
        assertThat(overflow).as("every label and number fits its chart").isEqualTo("");
        screenshot("dashboard");

        // the parent's status page: passed to the police, and closed
        browser.manage().deleteAllCookies();
        browser.get(uri("/status").toString());
        browser.findElement(By.id("receipt")).sendKeys(receipt);
        browser.findElement(By.id("accessCode")).sendKeys(code);
        browser.findElement(By.cssSelector("main form button")).click();
        String status = waitFor(By.id("status")).getText();
        assertThat(status).contains("Transmis à la police").contains("Clos");
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(
                browser.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
                dir.resolve(name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private StaffUser user(String email, UUID org, Role role) {
        return users.findByEmail(email).orElseGet(() -> {
            StaffUser u = Vetted.vet(vetting, users.create(org, email, email.substring(0, email.indexOf('@')), role));
            users.setPassword(u.id(), PASSWORD);
            return u;
        });
    }

    private void logIn(StaffUser user, String landing) {
        Browser.logIn(browser, uri("").toString(), user.email(), PASSWORD, landing);
    }

    /** Clicks and waits for the page the form leads to (a marker set on this page is gone on the next). */
    private static void click(By by) {
        WebElement element = waitFor(by);
        Object marker = browser.executeScript("window.__filetMarker = Math.random(); return window.__filetMarker");
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !marker.equals(((ChromeDriver) d)
                        .executeScript("return window.__filetMarker === undefined ? null : window.__filetMarker")));
    }

    private static WebElement waitFor(By by) {
        return Browser.waitFor(browser, by);
    }
}
