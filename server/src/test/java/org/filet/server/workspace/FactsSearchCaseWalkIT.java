package org.filet.server.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.filet.server.ServerTest;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium, in French: a parent gives the date of the facts, the child's own account and the age the suspect
 * claimed (on a 390 px wide phone screen); an analyst finds the phone searched as it is typed, builds a case with two
 * of the three linked reports, and reads its history in words. Screenshots go to {@code target/journey-walk/}.
 */
class FactsSearchCaseWalkIT extends ServerTest {

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
    void theFactsThePhoneAsTypedAChosenCaseAndItsHistory() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/journey-walk"));
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 900));
        browser.get(uri("/").toString());
        String factsDay = LocalDate.now().minusDays(12).toString();
        // a date field is filled as the browser's own picker would (its typed format depends on the locale)
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("factsDate")), factsDay);
        browser.findElement(By.id("childAge")).sendKeys("13");
        browser.findElement(By.id("childAccounts0.platform")).sendKeys("Snapchat");
        browser.findElement(By.id("childAccounts0.handle")).sendKeys("lea.s2013");
        browser.findElement(By.id("accounts0.platform")).sendKeys("Instagram");
        browser.findElement(By.id("accounts0.handle")).sendKeys("max.93.off");
        browser.findElement(By.id("suspectClaimedAge")).sendKeys("15");
        browser.findElement(By.id("phones")).sendKeys("06 47 21 88 35");
        browser.findElement(By.id("description")).sendKeys("Il dit avoir 15 ans et demande son numéro à ma fille.");
        assertThat(browser.findElement(By.cssSelector("label[for=factsDate]")).getText())
                .contains("Quand cela s'est-il passé");
        assertThat(browser.findElement(By.id("child-accounts-hint")).getText())
                .contains("jamais traités comme ceux de la personne suspecte");
        Long width = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(width).as("nothing wider than the phone's screen").isLessThanOrEqualTo(390L);
        fullPage(390);
        Files.write(dir.resolve("form-390-fr.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.findElement(By.id("submit")).click();
        String first = Browser.waitFor(browser, By.id("receipt")).getText().strip();

        String second = report("{\"reporter\":{\"role\":\"parent\"},\"child\":{\"country\":\"FR\"},"
                + "\"description\":\"Il a écrit : appelle-moi au 0647218835\"}");
        String third = report(
                "{\"reporter\":{\"role\":\"other\"},\"child\":{\"country\":\"FR\"},\"phones\":[\"+33 6 47 21 88 35\"],"
                        + "\"description\":\"même numéro, autre enfant\"}");
        String fourth = report(
                "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"country\":\"FR\"},\"phones\":[\"0033647218835\"],"
                        + "\"description\":\"encore ce numéro\"}");
        for (String r : List.of(first, second, third, fourth)) {
            awaitIdentifiers(r);
        }

        browser.manage().window().setSize(new Dimension(1280, 1000));
        StaffUser analyst = analyst();
        Browser.logIn(browser, uri("").toString(), analyst.email(), PASSWORD, "/staff/queue");
        browser.get(uri("/staff/search").toString());
        browser.findElement(By.id("q")).sendKeys("06 47 21 88 35");
        browser.findElement(By.id("search-submit")).click();
        Browser.waitFor(browser, By.id("hit-count"));
        String hits = browser.findElement(By.id("hits")).getText();
        assertThat(hits)
                .contains(first)
                .contains(second)
                .contains(third)
                .contains(fourth)
                .contains("+33647218835");
        assertThat(browser.findElements(By.id("no-hits"))).isEmpty();
        Files.write(dir.resolve("search-desktop-fr.png"), browser.getScreenshotAs(OutputType.BYTES));

        browser.get(uri("/staff/reports/" + first).toString());
        assertThat(Browser.waitFor(browser, By.id("facts-date")).getText())
                .contains(String.valueOf(LocalDate.now().minusDays(12).getYear()));
        assertThat(browser.findElement(By.id("suspect-claimed-age")).getText()).isEqualTo("15 ans");
        assertThat(browser.findElement(By.id("child-accounts")).getText()).contains("lea.s2013");
        WebElement builder = browser.findElement(By.id("case-builder"));
        assertThat(builder.getText())
                .contains(second)
                .contains(third)
                .contains(fourth)
                .contains("même téléphone +33647218835");
        WebElement dropped = browser.findElement(By.id("pick-" + third));
        assertThat(dropped.isSelected()).as("a firm link is ticked already").isTrue();
        browser.findElement(By.cssSelector("label[for='pick-" + third + "']")).click();
        assertThat(dropped.isSelected()).isFalse();
        browser.findElement(By.id("case-title")).sendKeys("Numéro 06 47");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", builder);
        Files.write(dir.resolve("case-builder-desktop-fr.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.findElement(By.id("open-case-submit")).click();
        String number = Browser.waitFor(browser, By.id("case-number")).getText();
        String reportsInCase = browser.findElement(By.id("case-reports")).getText();
        assertThat(reportsInCase)
                .contains(first)
                .contains(second)
                .contains(fourth)
                .doesNotContain(third);

        browser.findElement(By.id("body")).sendKeys("Vu avec la famille, capture à demander.");
        browser.findElement(By.cssSelector("form[action$='/notes'] button")).click();
        until(() -> browser.findElement(By.id("case-notes")).getText().contains("capture à demander"));
        browser.findElement(By.id("move-investigating")).click();
        until(() -> browser.findElement(By.id("case-status")).getText().contains("examen"));
        String history = browser.findElement(By.id("case-history")).getText();
        assertThat(history)
                .contains("Analyste du parcours (Analyste bénévole)")
                .contains("a ouvert le dossier « Numéro 06 47 »")
                .contains("a ajouté le signalement " + second)
                .contains("a ajouté le signalement " + fourth)
                .doesNotContain("a ajouté le signalement " + third)
                .contains("a ajouté une note")
                .contains("a changé le statut : nouveau → en cours d'examen")
                .doesNotContain("case.event");
        assertThat(jdbc.sql("select count(*) from filet_case where number = ?")
                        .param(number)
                        .query(Long.class)
                        .single())
                .isOne();
        browser.executeScript("document.getElementById('case-history').scrollIntoView({block: 'center'})");
        Files.write(dir.resolve("case-history-desktop-fr.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** Waits for a condition on the page a form submission leads to (the old page's elements may go stale meanwhile). */
    private static void until(java.util.function.BooleanSupplier condition) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    /** Makes the window as tall as the page, so that one screenshot shows it all. */
    private static void fullPage(int width) {
        Long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 140, 8000)));
    }

    private String report(String json) throws Exception {
        var created = postJson("/api/v1/reports", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("receipt").asString();
    }

    private void awaitIdentifiers(String receipt) throws InterruptedException {
        UUID id = jdbc.sql("select id from report where receipt = ?")
                .param(receipt)
                .query(UUID.class)
                .single();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (jdbc.sql(
                                    "select count(*) from job where kind = 'identifiers-due' and subject = ? and done_at is not null")
                            .param(id.toString())
                            .query(Long.class)
                            .single()
                    > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("identifiers not extracted");
    }

    private StaffUser analyst() {
        String email = "journey-walk@filet.test";
        return users.findByEmail(email).orElseGet(() -> {
            StaffUser user = Vetted.vet(
                    vetting,
                    users.create(
                            organisations.receiving(settings.organisation()),
                            email,
                            "Analyste du parcours",
                            Role.ANALYST));
            users.setPassword(user.id(), PASSWORD);
            return user;
        });
    }
}
