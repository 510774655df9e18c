package org.filet.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case builder of the report page (only the linked reports ticked join, each shown with why it is linked) and the
 * case history in words (who, with their role, and when, for every recorded event, referral included).
 */
class CaseBuilderIT extends ServerTest {

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Vetting vetting;

    @Test
    void onlyTheTickedReportsJoinAndTheHistoryTellsEveryEvent() throws Exception {
        UUID org = organisations.receiving(settings.organisation());
        StaffUser analyst = Vetted.vet(vetting, user("builder-analyst@filet.test", "Awa Analyste", org, Role.ANALYST));
        StaffUser lead = Vetted.vet(vetting, user("builder-lead@filet.test", "Lou Responsable", org, Role.LEAD));
        UUID authorities = organisations
                .findByName("Autorités")
                .map(Organisations.Organisation::id)
                .orElseGet(() -> organisations.create("Autorités"));
        StaffUser police = user("builder-ofmin@police.test", "Paul Enquêteur", authorities, Role.AUTHORITY);
        users.setAuthority(police.id(), "ofmin");
        String a = users.issueToken(analyst.id());
        String l = users.issueToken(lead.id());
        String p = users.issueToken(police.id());

        String first = report(
                "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"country\":\"FR\"},\"phones\":[\"07 81 22 33 44\"],"
                        + "\"description\":\"il donne son numéro\"}");
        String second = report("{\"reporter\":{\"role\":\"parent\"},\"child\":{\"country\":\"FR\"},"
                + "\"description\":\"Il a écrit : appelle-moi au 0781223344\"}");
        String third = report(
                "{\"reporter\":{\"role\":\"other\"},\"child\":{\"country\":\"FR\"},\"phones\":[\"+33 7 81 22 33 44\"],"
                        + "\"description\":\"même numéro, autre enfant\"}");
        String fourth = report(
                "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"country\":\"FR\"},\"phones\":[\"0033781223344\"],"
                        + "\"description\":\"encore ce numéro\"}");
        for (String r : List.of(first, second, third, fourth)) {
            awaitIdentifiers(r);
        }

        String page = get("/staff/reports/" + first, "Authorization", "Bearer " + a, "Accept-Language", "fr")
                .body();
        assertThat(page)
                .contains("id=\"case-builder\"")
                .contains("id=\"pick-" + second + "\"")
                .contains("id=\"pick-" + third + "\"")
                .contains("id=\"pick-" + fourth + "\"")
                .contains("même téléphone +33781223344");

        HttpResponse<String> opened = postForm(
                "/staff/cases/from-report",
                a,
                "receipt=" + first + "&receipts=" + second + "&receipts=" + third + "&action=open&title="
                        + enc("Numéro 07 81"));
        assertThat(opened.statusCode()).isEqualTo(302);
        String number = opened.headers().firstValue("Location").orElseThrow().replaceAll(".*/staff/cases/", "");
        assertThat(receipts(number)).as("only the ticked reports join").containsExactlyInAnyOrder(first, second, third);

        HttpResponse<String> untitled = postForm(
                "/staff/cases/from-report", a, "receipt=" + first + "&receipts=" + fourth + "&action=open&title=");
        assertThat(untitled.statusCode()).isEqualTo(302);
        assertThat(untitled.headers().firstValue("Location").orElseThrow()).endsWith("/staff/reports/" + first);

        // the history records assignment, tasks and notes; the four-eyes rules still hold
        postForm("/staff/cases/" + number + "/assignee", a, "email=" + enc(lead.email()));
        postForm("/staff/cases/" + number + "/tasks", a, "title=" + enc("demander l'export"));
        long task = jdbc.sql("select t.id from case_task t join filet_case c on c.id = t.case_id where c.number = ?")
                .param(number)
                .query(Long.class)
                .single();
        postForm("/staff/cases/" + number + "/tasks/" + task + "/done", a, "");
        postForm("/staff/cases/" + number + "/notes", a, "body=" + enc("vu avec la famille"));
        postForm("/staff/cases/" + number + "/status", a, "status=investigating");
        postForm("/staff/cases/" + number + "/status", a, "status=ready_for_review");
        assertThat(postForm("/staff/cases/" + number + "/status", l, "status=approved")
                        .statusCode())
                .isEqualTo(302);
        assertThat(postForm(
                                "/staff/cases/from-report",
                                a,
                                "receipt=" + first + "&receipts=" + fourth + "&action=add&case=" + number)
                        .statusCode())
                .isEqualTo(302);
        assertThat(receipts(number)).contains(fourth);
        assertThat(jdbc.sql("select status from filet_case where number = ?")
                        .param(number)
                        .query(String.class)
                        .single())
                .as("adding a report after approval reopens approval")
                .isEqualTo("ready_for_review");
        assertThat(postForm("/staff/cases/" + number + "/status", a, "status=approved")
                        .statusCode())
                .isEqualTo(403);
        assertThat(postForm("/staff/cases/" + number + "/status", l, "status=approved")
                        .statusCode())
                .isEqualTo(302);

        // referral and the authority's side
        assertThat(postForm("/staff/cases/" + number + "/referral", l, "").statusCode())
                .isEqualTo(302);
        UUID referral = jdbc.sql("select f.id from referral f join filet_case c on c.id = f.case_id where c.number = ?")
                .param(number)
                .query(UUID.class)
                .single();
        postForm("/authority/referrals/" + referral + "/accept", p, "");
        postForm("/authority/referrals/" + referral + "/questions", p, "body=" + enc("Avez-vous l'export complet ?"));
        postForm("/staff/cases/" + number + "/referral/answers", a, "body=" + enc("Oui, joint."));
        postForm("/authority/referrals/" + referral + "/outcomes", p, "kind=arrest&date=" + LocalDate.now());
        assertThat(get("/authority/referrals/" + referral + "/package", "Authorization", "Bearer " + p)
                        .statusCode())
                .isEqualTo(200);

        String history = section(get("/staff/cases/" + number, "Authorization", "Bearer " + a, "Accept-Language", "fr")
                .body());
        assertThat(history)
                .contains("Awa Analyste</strong><span class=\"hint\"> (Analyste bénévole)")
                .contains("a ouvert le dossier « Numéro 07 81 »")
                .contains("a ajouté le signalement " + second)
                .contains("a ajouté le signalement " + fourth)
                .contains("a confié le dossier à Lou Responsable")
                .contains("a ajouté la tâche « demander l&#39;export »")
                .contains("a terminé la tâche « demander l&#39;export »")
                .contains("a ajouté une note")
                .contains("a changé le statut : nouveau → en cours d&#39;examen")
                .contains("Lou Responsable</strong><span class=\"hint\"> (Responsable)")
                .contains("a approuvé le dossier (quatre yeux) : version 1, 3 signalement(s)")
                .contains("approbation retirée")
                .contains("a approuvé le dossier (quatre yeux) : version 2, 4 signalement(s)")
                .contains("a transmis le dossier à")
                .contains("Paul Enquêteur</strong><span class=\"hint\"> (Autorité)")
                .contains("a accepté le dossier pour")
                .contains("a posé une question au nom de l&#39;autorité : « Avez-vous l&#39;export complet ? »")
                .contains("a répondu à l&#39;autorité : « Oui, joint. »")
                .contains("a enregistré une suite : ")
                .contains("a téléchargé le paquet scellé du dossier")
                .doesNotContain("case.event")
                .doesNotContain("??");
        assertThat(history.indexOf("a ouvert le dossier"))
                .as("oldest first")
                .isLessThan(history.indexOf("a transmis le dossier"));
        String english = section(get("/staff/cases/" + number, "Authorization", "Bearer " + a, "Accept-Language", "en")
                .body());
        assertThat(english)
                .contains("opened the case")
                .contains("(Volunteer analyst)")
                .contains("approval withdrawn")
                .contains("downloaded the case&#39;s sealed package")
                .doesNotContain("a ouvert");
    }

    private List<String> receipts(String number) {
        return jdbc.sql("""
                        select r.receipt from case_report cr join filet_case c on c.id = cr.case_id join report r on r.id = cr.report_id
                        where c.number = ?""").param(number).query(String.class).list();
    }

    private static String section(String page) {
        int i = page.indexOf("id=\"case-history\"");
        assertThat(i).isPositive();
        return page.substring(i, page.indexOf("</ol>", i))
                .replaceAll("\\s+", " ")
                .replace("> <", "><");
    }

    private String report(String json) throws Exception {
        HttpResponse<String> created = postJson("/api/v1/reports", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("receipt").asString();
    }

    private void awaitIdentifiers(String receipt) throws InterruptedException {
        UUID id = jdbc.sql("select id from report where receipt = ?")
                .param(receipt)
                .query(UUID.class)
                .single();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
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

    private StaffUser user(String email, String name, UUID org, Role role) {
        return users.findByEmail(email).orElseGet(() -> users.create(org, email, name, role));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
