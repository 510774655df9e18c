package org.filet.server.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.filet.server.Multipart;
import org.filet.server.ServerTest;
import org.filet.server.people.Organisations;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUser;
import org.filet.server.people.StaffUsers;
import org.filet.server.people.Vetted;
import org.filet.server.people.Vetting;
import org.filet.server.support.FiletSettings;
import org.filet.server.support.JobRunner;
import org.filet.server.support.Jobs;
import org.filet.server.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A job given up after its last attempt is no longer silent: it is marked, listed on {@code /admin/jobs} with its
 * report and reason, the report page says the analysis failed, and an administrator runs it again (recorded with who).
 * The identifier job reads a text full of decimals ({@code 0.08194401068505253}) without failing.
 */
class FailedJobsIT extends ServerTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String DECIMALS =
            "score 0.08194401068505253, ratio 0.0819440106 et 3.14159265358979 ; " + "appelle-moi au 06 47 21 88 35";
    static ChromeDriver browser;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Jobs jobs;

    @Autowired
    JobRunner runner;

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    Vetting vetting;

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
    void theIdentifierJobReadsDecimalsWithoutFailingAndFindsTheRealPhone() throws Exception {
        String receipt = submit(
                "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"age\":13,\"country\":\"FR\"},"
                        + "\"phones\":[\"0.08194401068505253\"],\"description\":\"" + DECIMALS + "\","
                        + "\"messages\":[{\"sender\":\"x\",\"text\":\"0.08194401068505253 0.08194401068505253\"}]}",
                "12/11/2026, 20:01 - Max: " + DECIMALS + "\n12/11/2026, 20:02 - Léa: 0.08194401068505253\n");
        UUID id = idOf(receipt);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (doneJobs(id, "identifiers-due") == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(doneJobs(id, "identifiers-due")).as("the identifier job ran").isPositive();
        assertThat(jdbc.sql("select count(*) from job where subject = ? and last_error is not null")
                        .param(id.toString())
                        .query(Long.class)
                        .single())
                .as("no job of this report failed, not even once")
                .isZero();
        assertThat(jdbc.sql("select key from report_identifier where report_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .contains("PHONE//+33647218835")
                .noneMatch(k -> k.contains("0819440106"));
    }

    @Test
    void aJobGivenUpIsListedForAdministratorsAndRunsAgainWhenOneAsks() throws Exception {
        UUID org = organisations.receiving(settings.organisation());
        StaffUser admin = user("jobs-admin@filet.test", org, Role.ADMIN);
        String receipt = submit(
                "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"age\":12,\"country\":\"FR\"},"
                        + "\"description\":\"Il m'a donné son numéro : 06 47 21 88 36.\"}",
                null);
        UUID id = idOf(receipt);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (doneJobs(id, "identifiers-due") == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        // a job on its last attempt, whose handler cannot run: the runner gives it up and marks it so
        long doomed = jdbc.sql("insert into job (kind, subject, attempts) values ('no-such-kind', ?, 7) returning id")
                .param(id.toString())
                .query(Long.class)
                .single();
        deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (jobs.failedJob(doomed).isEmpty() && Instant.now().isBefore(deadline)) {
            runner.runOne();
            Thread.sleep(100);
        }
        Jobs.FailedJob given = jobs.failedJob(doomed).orElseThrow();
        assertThat(given.attempts()).isEqualTo(8);
        assertThat(given.error()).contains("no handler for job kind no-such-kind");
        assertThat(jobs.failedFor(id.toString())).extracting(Jobs.FailedJob::id).contains(doomed);
        // a real analysis that had been given up (as the identifier jobs of issue 14 were)
        long identifiers = jdbc.sql("""
                        insert into job (kind, subject, attempts, last_error, done_at, gave_up_at)
                        values ('identifiers-due', ?, 8, 'IdentifierRejected: value does not have the shape of a normalised PHONE', now(), now())
                        returning id""").param(id.toString()).query(Long.class).single();
        jdbc.sql("delete from report_identifier where report_id = ?").param(id).update();

        logIn(admin, "/staff/queue");
        browser.get(uri("/staff/reports/" + receipt).toString());
        assertThat(Browser.waitFor(browser, By.id("failed-jobs")).getText())
                .contains("L'analyse des pièces a échoué")
                .contains("extraction des identifiants")
                .contains("un administrateur peut la relancer");
        browser.get(uri("/admin/jobs").toString());
        String row = Browser.waitFor(browser, By.id("job-" + identifiers)).getText();
        assertThat(row)
                .contains("extraction des identifiants")
                .contains(receipt)
                .contains("IdentifierRejected")
                .contains("8");
        assertThat(browser.findElement(By.id("job-" + doomed)).getText())
                .contains("no-such-kind")
                .contains("no handler");
        assertThat(browser.getPageSource()).doesNotContain("at org.filet").as("no stack trace on the page");
        screenshot("admin-jobs");
        browser.findElement(By.id("retry-" + identifiers)).click();
        assertThat(Browser.waitFor(browser, By.id("retried")).getText()).contains("relancée");

        deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (jdbc.sql("select done_at is not null and gave_up_at is null from job where id = ?")
                                .param(identifiers)
                                .query(Boolean.class)
                                .single()
                        != Boolean.TRUE
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(jdbc.sql("select attempts from job where id = ? and done_at is not null and gave_up_at is null")
                        .param(identifiers)
                        .query(Integer.class)
                        .single())
                .as("ran again from its first attempt, and succeeded")
                .isEqualTo(1);
        assertThat(jdbc.sql("select by_user from job_retry where job_id = ?")
                        .param(identifiers)
                        .query(UUID.class)
                        .list())
                .containsExactly(admin.id());
        assertThat(jdbc.sql("select key from report_identifier where report_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .as("the retried analysis linked the phone")
                .contains("PHONE//+33647218836");
        assertThat(jobs.failed(500))
                .extracting(Jobs.FailedJob::id)
                .doesNotContain(identifiers)
                .contains(doomed);
        browser.get(uri("/admin/jobs").toString());
        assertThat(Browser.waitFor(browser, By.id("jobs")).getText()).doesNotContain("extraction des identifiants");

        // an analyst may not see the list nor retry
        StaffUser analyst = user("jobs-analyst@filet.test", org, Role.ANALYST);
        String token = users.issueToken(analyst.id());
        assertThat(get("/admin/jobs", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(403);
        assertThat(postForm("/admin/jobs/" + doomed + "/retry", token, "").statusCode())
                .isEqualTo(403);
        assertThat(jobs.failedJob(doomed)).isPresent();
    }

    private long doneJobs(UUID report, String kind) {
        return jdbc.sql("select count(*) from job where subject = ? and kind = ? and done_at is not null")
                .params(report.toString(), kind)
                .query(Long.class)
                .single();
    }

    private UUID idOf(String receipt) {
        return jdbc.sql("select id from report where receipt = ?")
                .param(receipt)
                .query(UUID.class)
                .single();
    }

    private String submit(String report, String whatsapp) throws Exception {
        Multipart form = new Multipart().json("report", report);
        if (whatsapp != null) {
            form.file(
                    "files",
                    "Discussion WhatsApp avec Max.txt",
                    "text/plain",
                    whatsapp.getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports"))
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("receipt").asString();
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

    static void screenshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(
                browser.getScreenshotAs(OutputType.FILE).toPath(),
                dir.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
