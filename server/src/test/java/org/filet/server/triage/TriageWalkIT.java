package org.filet.server.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.filet.server.ServerTest;
import org.filet.server.intake.Reports;
import org.filet.server.people.Organisations;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUser;
import org.filet.server.people.StaffUsers;
import org.filet.server.people.Vetted;
import org.filet.server.people.Vetting;
import org.filet.server.support.FiletSettings;
import org.filet.server.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser, in French: a parent reports sextortion through the form and the receipt page gives the standard
 * advice; an analyst then reads the queue (level with its meaning, urgency apart, states in French, no bare decimal)
 * and the report page. Screenshots of both pages go to {@code target/triage-walk/} for a person to look at.
 */
class TriageWalkIT extends ServerTest {

    static final String PASSWORD = "correct horse battery staple";
    static ChromeDriver browser;

    @Autowired
    StaffUsers users;

    @Autowired
    Vetting vetting;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    Reports reports;

    @Autowired
    Queue queue;

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
    void sextortionAdviceOnTheReceiptThenTheQueueAndReportPageInFrench() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(uri("/").toString());
        browser.findElement(By.id("childAge")).sendKeys("14");
        browser.findElement(By.id("platform")).sendKeys("Instagram");
        browser.findElement(By.id("description")).sendKeys("Un inconnu lui écrit depuis hier soir.");
        browser.findElement(By.id("messages"))
                .sendKeys("envoie 50€ en carte cadeau sinon je montre tes photos à tout le monde");
        browser.findElement(By.id("submit")).click();
        String receipt = Browser.waitFor(browser, By.id("receipt")).getText();
        WebElement advice = browser.findElement(By.id("sextortion-advice"));
        assertThat(advice.getText())
                .contains("Ne payez pas")
                .contains("Gardez tout")
                .contains("Ne supprimez ni le compte")
                .contains("signalez le compte sur la plateforme")
                .contains("3018")
                .contains("17")
                .contains("112");
        Path dir = Files.createDirectories(Path.of("target/triage-walk"));
        Files.write(dir.resolve("receipt-fr.png"), browser.getScreenshotAs(OutputType.BYTES));

        UUID id = reports.idOf(receipt).orElseThrow();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (queue.triage(id).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(queue.triage(id).orElseThrow().reasons())
                .as("the retrained rules name it sextortion")
                .contains("sextortion");

        StaffUser analyst = analyst();
        Browser.logIn(browser, uri("").toString(), analyst.email(), PASSWORD, "/staff/queue");
        List<WebElement> rows = browser.findElements(By.cssSelector("#queue tbody tr"));
        WebElement row = rows.stream()
                .filter(r -> r.getText().contains(receipt))
                .findFirst()
                .orElseThrow();
        assertThat(row.getText())
                .contains("URGENT")
                .contains("Sextorsion")
                .contains("reçu")
                .containsPattern("faible|moyen|élevé");
        String queueText = browser.findElement(By.id("queue")).getText();
        assertThat(TriageIT.BARE_DECIMAL.matcher(queueText).find())
                .as(queueText)
                .isFalse();
        assertThat(browser.findElement(By.id("queue-order")).getText()).contains("danger immédiat déclaré");
        Files.write(dir.resolve("queue-fr.png"), browser.getScreenshotAs(OutputType.BYTES));

        row.findElement(By.cssSelector("a.receipt")).click();
        Browser.waitFor(browser, By.id("triage"));
        String triage = browser.findElement(By.id("triage")).getText();
        assertThat(triage)
                .contains("URGENT")
                .contains("Sextorsion")
                .contains("Messages collés dans le signalement")
                .contains("carte cadeau")
                .contains("Parmi les conversations de ce niveau")
                .doesNotContain("risque");
        assertThat(TriageIT.BARE_DECIMAL.matcher(triage).find()).as(triage).isFalse();
        Files.write(
                dir.resolve("report-fr.png"),
                browser.findElement(By.id("triage")).getScreenshotAs(OutputType.BYTES));

        // a screenshot's machine reading: the page says so and shows the line and where it sits in the picture
        if (TriageIT.tesseractInstalled()) {
            org.filet.server.Multipart form = new org.filet.server.Multipart()
                    .json(
                            "report",
                            "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"age\":14,\"country\":\"FR\"},"
                                    + "\"description\":\"Capture de son téléphone.\"}")
                    .file("files", "capture.png", "image/png", TriageIT.screenshot());
            var created = http.send(
                    java.net.http.HttpRequest.newBuilder(uri("/api/v1/reports"))
                            .header("Content-Type", form.contentType())
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            String shot = json(created).get("receipt").asString();
            UUID shotId = reports.idOf(shot).orElseThrow();
            Instant until = Instant.now().plus(Duration.ofSeconds(120));
            while (!queue.triage(shotId).map(Queue.Triage::urgent).orElse(false)
                    && Instant.now().isBefore(until)) {
                Thread.sleep(200);
            }
            browser.get(uri("/staff/reports/" + shot).toString());
            String ocr = Browser.waitFor(browser, By.id("triage")).getText();
            assertThat(ocr)
                    .contains("Rencontre proposée avec une heure ou un lieu")
                    .contains("lue automatiquement (OCR)")
                    .contains("Lecture automatique : à vérifier sur la capture")
                    .contains("ligne de la capture à")
                    .containsIgnoringCase("samedi");
            assertThat(TriageIT.BARE_DECIMAL.matcher(ocr).find()).as(ocr).isFalse();
            Files.write(
                    dir.resolve("report-ocr-fr.png"),
                    browser.findElement(By.id("triage")).getScreenshotAs(OutputType.BYTES));
        }
    }

    private StaffUser analyst() {
        String email = "triage-walk@filet.test";
        return users.findByEmail(email).orElseGet(() -> {
            StaffUser user = Vetted.vet(
                    vetting,
                    users.create(organisations.receiving(settings.organisation()), email, "Analyste", Role.ANALYST));
            users.setPassword(user.id(), PASSWORD);
            return user;
        });
    }
}
