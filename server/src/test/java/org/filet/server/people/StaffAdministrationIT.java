package org.filet.server.people;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.filet.server.ServerTest;
import org.filet.server.support.FiletSettings;
import org.filet.server.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Staff administration in the browser: an organisation administrator invites, sets roles, deactivates, resets second
 * factors and records vetting, each change in the audit with before and after; an analyst is refused all of it, and an
 * analyst whose vetting is incomplete is refused report pages.
 */
class StaffAdministrationIT extends ServerTest {

    static final String PASSWORD = "correct horse battery staple";
    static ChromeDriver browser;

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    Vetting vetting;

    @Autowired
    SecondFactors factors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FindByIndexNameSessionRepository<?> sessions;

    private static <S extends Session> String openSession(FindByIndexNameSessionRepository<S> repository, String name) {
        S session = repository.createSession();
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, name);
        repository.save(session);
        return session.getId();
    }

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
    void anAdministratorRunsTheTeamAndAnAnalystIsRefused() throws Exception {
        UUID org = organisations.receiving(settings.organisation());
        StaffUser admin = user(org, Role.ADMIN);
        StaffUser analyst = user(org, Role.ANALYST);
        String adminToken = users.issueToken(admin.id());
        String analystToken = users.issueToken(analyst.id());

        assertThat(get("/admin/users", "Authorization", "Bearer " + analystToken)
                        .statusCode())
                .isEqualTo(403);
        assertThat(postForm("/admin/users", analystToken, "email=x%40filet.test&role=admin")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> list = get("/admin/users", "Authorization", "Bearer " + adminToken);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(analyst.email()).contains("Inviter");

        // invite: the one-time link goes by email (mail is configured here), built on the address the server listens on
        String invitee = "invitee-" + UUID.randomUUID() + "@filet.test";
        HttpResponse<String> invited =
                postForm("/admin/users", adminToken, "email=" + enc(invitee) + "&displayName=Nouvelle&role=analyst");
        assertThat(invited.statusCode()).isEqualTo(200);
        assertThat(invited.body()).contains("Invitation envoyée");
        String link = mailedLink(invitee);
        assertThat(link).startsWith("http://localhost:" + port + "/setup/").doesNotContain(":8080");
        assertThat(get(link.substring(link.indexOf("/setup/"))).statusCode()).isEqualTo(200);
        assertThat(postForm("/admin/users", adminToken, "email=" + enc(invitee) + "&role=analyst")
                        .statusCode())
                .as("the same email twice")
                .isEqualTo(400);
        assertThat(postForm("/admin/users", adminToken, "email=y%40filet.test&role=instance-admin")
                        .statusCode())
                .as("an organisation administrator does not make instance administrators")
                .isEqualTo(400);
        StaffUser newcomer = users.findByEmail(invitee).orElseThrow();

        // roles, deactivation, each audited with before and after
        assertThat(postForm("/admin/users/" + newcomer.id() + "/role", analystToken, "role=admin")
                        .statusCode())
                .isEqualTo(403);
        var unknownRole = postForm("/admin/users/" + newcomer.id() + "/role", adminToken, "role=chief");
        assertThat(unknownRole.statusCode()).isEqualTo(400);
        assertThat(unknownRole.body().replace("&#39;", "'"))
                .as("refused on the member's page, in French")
                .contains("id=\"refusal\"")
                .contains("Ce rôle n'existe pas.");
        assertThat(postForm("/admin/users/" + newcomer.id() + "/role", adminToken, "role=lead")
                        .statusCode())
                .isEqualTo(302);
        assertThat(users.findByEmail(invitee).orElseThrow().role()).isEqualTo(Role.LEAD);
        assertThat(postForm("/admin/users/" + admin.id() + "/role", adminToken, "role=analyst")
                        .statusCode())
                .as("not one's own role")
                .isEqualTo(400);
        String newcomerToken = users.issueToken(newcomer.id());
        // a session the newcomer has open (in the database, as on any node)
        String open = openSession(sessions, newcomer.email());
        assertThat(sessions.findByPrincipalName(newcomer.email())).containsKey(open);
        assertThat(postForm("/admin/users/" + newcomer.id() + "/active", adminToken, "active=false")
                        .statusCode())
                .isEqualTo(302);
        assertThat(sessions.findById(open))
                .as("a deactivated user's open sessions end at once")
                .isNull();
        assertThat(get("/staff/queue", "Authorization", "Bearer " + newcomerToken)
                        .statusCode())
                .as("a deactivated user's token stops working")
                .isNotEqualTo(200);
        assertThat(jdbc.sql(
                                "select before::text || ' -> ' || after::text from people_audit where target = ? and action = 'user.role'")
                        .param(newcomer.id())
                        .query(String.class)
                        .single())
                .isEqualTo("{\"role\": \"analyst\"} -> {\"role\": \"lead\"}");
        assertThat(jdbc.sql(
                                "select count(*) from people_audit where target = ? and action in ('user.invited', 'user.enabled')")
                        .param(newcomer.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(get("/admin/users/" + newcomer.id(), "Authorization", "Bearer " + adminToken)
                        .body())
                .contains("rôle changé");

        // another organisation's people are not there at all
        UUID other = organisations.create("Autre " + UUID.randomUUID());
        StaffUser stranger =
                users.create(other, "stranger-" + UUID.randomUUID() + "@filet.test", "Ailleurs", Role.ANALYST);
        assertThat(get("/admin/users/" + stranger.id(), "Authorization", "Bearer " + adminToken)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/admin/users/not-a-uuid", "Authorization", "Bearer " + adminToken)
                        .statusCode())
                .isEqualTo(404);

        // reset factors: recorded, and the user enrols again
        String secret = factors.beginTotp(analyst);
        assertThat(factors.confirmTotp(analyst, TotpCodes.code(secret, TotpCodes.currentStep())))
                .isPresent();
        assertThat(factors.of(analyst).totp()).isTrue();
        assertThat(postForm("/admin/users/" + analyst.id() + "/factors/reset", adminToken, "")
                        .statusCode())
                .isEqualTo(302);
        assertThat(factors.of(analyst).any()).isFalse();
        assertThat(jdbc.sql(
                                "select count(*) from people_audit where target = ? and action = 'factor.reset' and actor = ?")
                        .params(analyst.id(), admin.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // organisation settings are audited too
        assertThat(postForm("/admin/settings", adminToken, "dailyExposure=7").statusCode())
                .isEqualTo(302);
        try {
            assertThat(jdbc.sql(
                                    "select after->>'dailyExposure' from people_audit where organisation = ? and action = 'organisation.settings' order by id desc limit 1")
                            .param(org)
                            .query(String.class)
                            .single())
                    .isEqualTo("7");
        } finally {
            postForm("/admin/settings", adminToken, "");
        }

        // only an instance administrator creates organisations
        assertThat(postForm("/admin/organisations", adminToken, "name=Nouvelle+asso")
                        .statusCode())
                .isEqualTo(403);
        StaffUser instance = user(org, Role.INSTANCE_ADMIN);
        String instanceToken = users.issueToken(instance.id());
        String name = "Association " + UUID.randomUUID();
        assertThat(postForm("/admin/organisations", instanceToken, "name=" + enc(name))
                        .statusCode())
                .isEqualTo(302);
        assertThat(organisations.findByName(name)).isPresent();
        assertThat(postForm("/admin/organisations", instanceToken, "name=" + enc(name))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void anAnalystWithoutVettingIsRefusedReportPagesUntilItIsComplete() throws Exception {
        UUID org = organisations.receiving(settings.organisation());
        StaffUser admin = user(org, Role.ADMIN);
        StaffUser analyst = user(org, Role.ANALYST);
        String receipt = json(postJson("/api/v1/reports", """
                {"reporter":{"role":"parent","language":"fr"},"child":{"age":12,"country":"FR"},"platform":"Snapchat",
                 "description":"Un adulte écrit à ma fille.","immediateDanger":false}""")).get("receipt").asString();
        String token = users.issueToken(analyst.id());

        HttpResponse<String> refused = get("/staff/reports/" + receipt, "Authorization", "Bearer " + token);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Habilitation incomplète");
        assertThat(get("/staff/reports/" + receipt, "Authorization", "Bearer " + token, "Accept-Language", "en")
                        .body())
                .contains("Vetting incomplete");
        assertThat(get("/staff/queue", "Authorization", "Bearer " + token).statusCode())
                .as("the queue stays open")
                .isEqualTo(200);

        String adminToken = users.issueToken(admin.id());
        assertThat(postForm(
                                "/admin/users/" + analyst.id() + "/vetting",
                                token,
                                "kind=interview&doneOn=2026-11-01&checkedBy=X")
                        .statusCode())
                .as("not by the analyst")
                .isEqualTo(403);
        assertThat(postForm(
                                "/admin/users/" + analyst.id() + "/vetting",
                                adminToken,
                                "kind=interview&doneOn=demain&checkedBy=X")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postForm(
                                "/admin/users/" + analyst.id() + "/vetting",
                                adminToken,
                                "kind=interview&doneOn=" + LocalDate.now().plusDays(30) + "&checkedBy=X")
                        .statusCode())
                .isEqualTo(400);
        for (Vetting.Kind kind : Vetting.Kind.values()) {
            assertThat(get("/staff/reports/" + receipt, "Authorization", "Bearer " + token)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(postForm(
                                    "/admin/users/" + analyst.id() + "/vetting",
                                    adminToken,
                                    "kind=" + kind.code() + "&doneOn=2026-11-02&checkedBy="
                                            + enc("Mme Martin, coordinatrice"))
                            .statusCode())
                    .isEqualTo(302);
        }
        assertThat(get("/staff/reports/" + receipt, "Authorization", "Bearer " + token)
                        .statusCode())
                .isEqualTo(200);
        assertThat(vetting.of(analyst.id()))
                .hasSize(5)
                .allMatch(
                        c -> c.recordedBy().equals(admin.id()) && c.checkedBy().equals("Mme Martin, coordinatrice"));
        assertThat(jdbc.sql("select count(*) from people_audit where target = ? and action like 'vetting.%'")
                        .param(analyst.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void theTeamPagesInFrenchInChromium() throws Exception {
        UUID org = organisations.receiving(settings.organisation());
        StaffUser admin = user(org, Role.ADMIN);
        StaffUser analyst = user(org, Role.ANALYST);
        Browser.logIn(browser, uri("").toString(), admin.email(), PASSWORD, "/staff/queue");
        browser.get(uri("/admin/users").toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Équipe");
        String email = "chromium-" + UUID.randomUUID() + "@filet.test";
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("displayName")).sendKeys("Camille");
        new Select(browser.findElement(By.id("role"))).selectByValue("analyst");
        browser.findElement(By.id("invite-submit")).click();
        assertThat(Browser.waitFor(browser, By.id("invited")).getText()).contains(email);
        screenshot("admin-users-fr");

        browser.get(uri("/admin/users/" + analyst.id()).toString());
        assertThat(browser.findElement(By.id("vetting-missing")).getText()).contains("Extrait de casier judiciaire");
        new Select(browser.findElement(By.id("kind"))).selectByValue("criminal-record");
        browser.executeScript("document.getElementById('doneOn').value = '2026-11-03'");
        browser.findElement(By.id("checkedBy")).sendKeys("Mme Martin");
        browser.findElement(By.id("record-check")).click();
        Browser.waitFor(browser, By.cssSelector("#checks tbody tr"));
        assertThat(browser.findElement(By.id("checks")).getText())
                .contains("Mme Martin")
                .contains("2026-11-03");
        assertThat(browser.findElement(By.id("vetting-missing")).getText())
                .doesNotContain("Extrait de casier judiciaire");
        screenshot("admin-user-vetting-fr");

        // the analyst's own view of their exposure
        browser.get(uri("/staff/wellbeing").toString());
        assertThat(browser.findElement(By.id("today")).getText()).isEqualTo("0");
        screenshot("wellbeing-fr");
    }

    private StaffUser user(UUID org, Role role) {
        StaffUser user = users.create(
                org, role.dbValue() + "-" + UUID.randomUUID() + "@filet.test", "Personne " + role.dbValue(), role);
        users.setPassword(user.id(), PASSWORD);
        return user;
    }

    private static String mailedLink(String to) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage m : SMTP.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(to)) {
                    String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(m);
                    java.util.regex.Matcher link = java.util.regex.Pattern.compile("(https?://\\S+/setup/[a-z0-9]+)")
                            .matcher(body);
                    assertThat(link.find()).as(body).isTrue();
                    return link.group(1);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no invitation mailed to " + to);
    }

    static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
