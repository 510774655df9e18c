package org.filet.server.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A report with a WhatsApp export goes through the whole analysis: the export is parsed into a derived artefact
 * (custody: parsed), the report is scored (custody: scored), a proposed meeting with a time and place makes it urgent,
 * and it overtakes a harmless report in the queue, with the messages that carry the signals highlighted.
 */
class AnalysisPipelineIT extends ServerTest {

    /** Our own mild fixture: ordinary phrases of the kind the urgency rules look for. */
    static final String WHATSAPP = """
            12/11/2026, 20:01 - Max: salut ça va ?
            12/11/2026, 20:02 - Léa: oui et toi
            12/11/2026, 20:03 - Max: t'as quel âge ?
            12/11/2026, 20:04 - Léa: 12 ans
            12/11/2026, 20:05 - Max: tu es seule chez toi ce soir ?
            12/11/2026, 20:06 - Max: on se voit samedi à 15h au parc derrière l'école ?
            12/11/2026, 20:07 - Max: ne dis rien à tes parents
            """;

    @Autowired
    Vetting vetting;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    Queue queue;

    @Test
    void exportIsParsedScoredAndTheUrgentReportLeadsTheQueue() throws Exception {
        String harmless = submit(
                "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"age\":15,\"country\":\"FR\"},"
                        + "\"description\":\"Un camarade se moque de lui en ligne.\"}",
                null);
        String urgent = submit(
                "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"age\":14,\"country\":\"FR\",\"nameInConversation\":\"Léa\"},"
                        + "\"description\":\"Voici l'export de la conversation.\"}",
                WHATSAPP);

        UUID urgentId = awaitTriage(urgent);
        awaitTriage(harmless);

        var parse = jdbc.sql("select outcome, messages, formats[1] from conversation_parse where report_id = ?")
                .param(urgentId)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3))
                .single();
        assertThat(parse).startsWith("parsed|7|whatsapp");
        assertThat(jdbc.sql("select action from custody_event where subject = ? order by id")
                        .param("report:" + urgent)
                        .query(String.class)
                        .list())
                .contains("received", "stored", "parsed", "scored");

        Queue.Triage triage = queue.triage(urgentId).orElseThrow();
        assertThat(triage.urgent()).isTrue();
        assertThat(triage.level()).isIn("low", "medium", "high");
        assertThat(triage.reasons()).contains("meeting-with-time-or-place");
        assertThat(triage.explanation()).contains("\"signal\":\"age_asked\"").contains("\"signal\":\"secrecy\"");

        List<Queue.Entry> entries = queue.of(organisations.receiving(settings.organisation()), 500);
        int urgentAt = indexOf(entries, urgent);
        int harmlessAt = indexOf(entries, harmless);
        assertThat(urgentAt).as("%s", entries).isLessThan(harmlessAt);

        StaffUser analyst = users.findByEmail("pipeline@filet.test")
                .orElseGet(() -> Vetted.vet(
                        vetting,
                        users.create(
                                organisations.receiving(settings.organisation()),
                                "pipeline@filet.test",
                                "Pipeline",
                                Role.ANALYST)));
        HttpResponse<String> page =
                get("/staff/reports/" + urgent, "Authorization", "Bearer " + users.issueToken(analyst.id()));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"triage-level\"")
                .contains("URGENT")
                .contains("Rencontre proposée avec une heure ou un lieu")
                .contains("il n&#39;accuse personne")
                .contains("on se voit samedi à 15h au parc")
                .contains("class=\"signals\"")
                .contains("from-child");

        // an analyst settles the date order; the export is read again under that decision, who decided is kept
        String fileSha = jdbc.sql("select file_sha256 from conversation_parse where report_id = ?")
                .param(urgentId)
                .query(String.class)
                .single()
                .trim();
        String token0 = users.issueToken(analyst.id());
        assertThat(postForm("/staff/reports/" + urgent + "/files/" + fileSha + "/reading", token0, "order=sideways")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postForm(
                                "/staff/reports/" + urgent + "/files/" + fileSha + "/reading",
                                token0,
                                "order=day-month&zone=Europe%2FParis")
                        .statusCode())
                .isEqualTo(302);
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (jdbc.sql(
                                        "select count(*) from conversation_parse where report_id = ? and parser like '%days-first=true;zone=Europe/Paris'")
                                .param(urgentId)
                                .query(Long.class)
                                .single()
                        == 0
                && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(jdbc.sql(
                                "select count(*) from conversation_parse where report_id = ? and parser like '%days-first=true;zone=Europe/Paris'")
                        .param(urgentId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select decided_by from conversation_decision where report_id = ?")
                        .param(urgentId)
                        .query(UUID.class)
                        .single())
                .isEqualTo(analyst.id());

        // the leads were emailed: the report's number and the rules, nothing about the child or the chat
        StaffUser mailLead = users.findByEmail("lead@filet.test")
                .orElseGet(() -> users.create(
                        organisations.receiving(settings.organisation()), "lead@filet.test", "Lead", Role.LEAD));
        String urgent2 = submit(
                "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"age\":14,\"country\":\"FR\"},"
                        + "\"description\":\"Voici l'export.\"}",
                WHATSAPP);
        awaitTriage(urgent2);
        Instant mailDeadline = Instant.now().plus(Duration.ofSeconds(30));
        jakarta.mail.internet.MimeMessage mail = null;
        while (mail == null && Instant.now().isBefore(mailDeadline)) {
            for (var m : SMTP.getReceivedMessages()) {
                if (m.getSubject().contains(urgent2)) {
                    mail = m;
                }
            }
            Thread.sleep(100);
        }
        assertThat(mail).as("an email for " + urgent2).isNotNull();
        assertThat(java.util.Arrays.stream(mail.getAllRecipients()).map(Object::toString))
                .contains(mailLead.email());
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail))
                .contains("meeting-with-time-or-place")
                .doesNotContain("parc")
                .doesNotContain("Léa");

        // the urgent report raised an alert; an analyst cannot acknowledge it, a lead can
        org.assertj.core.api.Assertions.assertThat(alerts.open(organisations.receiving(settings.organisation())))
                .anyMatch(a -> a.receipt().equals(urgent) && a.reasons().contains("meeting-with-time-or-place"));
        long alertId = alerts.open(organisations.receiving(settings.organisation())).stream()
                .filter(a -> a.receipt().equals(urgent))
                .findFirst()
                .orElseThrow()
                .id();
        String analystToken = users.issueToken(analyst.id());
        assertThat(postForm("/staff/alerts/" + alertId + "/acknowledge", analystToken, "")
                        .statusCode())
                .isEqualTo(403);
        StaffUser lead = users.findByEmail("lead@filet.test")
                .orElseGet(() -> users.create(
                        organisations.receiving(settings.organisation()), "lead@filet.test", "Lead", Role.LEAD));
        assertThat(postForm("/staff/alerts/" + alertId + "/acknowledge", users.issueToken(lead.id()), "")
                        .statusCode())
                .isEqualTo(302);
        assertThat(alerts.open(organisations.receiving(settings.organisation())))
                .noneMatch(a -> a.receipt().equals(urgent));

        // a person's priority, with a reason, outranks the score and is recorded
        assertThat(postForm("/staff/reports/" + harmless + "/priority", analystToken, "priority=urgent")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postForm(
                                "/staff/reports/" + harmless + "/priority",
                                analystToken,
                                "priority=urgent&reason="
                                        + java.net.URLEncoder.encode(
                                                "la mère a rappelé : rendez-vous ce soir", StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(302);
        List<Queue.Entry> after = queue.of(organisations.receiving(settings.organisation()), 500);
        assertThat(after.get(indexOf(after, harmless)).urgent()).isTrue();
        assertThat(after.subList(0, indexOf(after, harmless))).allMatch(Queue.Entry::urgent);
        assertThat(postForm("/staff/reports/" + urgent + "/priority", analystToken, "priority=low&reason=doublon")
                        .statusCode())
                .isEqualTo(302);
        List<Queue.Entry> lowered = queue.of(organisations.receiving(settings.organisation()), 500);
        assertThat(lowered.get(indexOf(lowered, urgent)).urgent()).isFalse();
        assertThat(indexOf(lowered, harmless)).isLessThan(indexOf(lowered, urgent));
        assertThat(jdbc.sql("select reason from custody_event where subject = ? and action = 'triaged'")
                        .param("report:" + harmless)
                        .query(String.class)
                        .single())
                .contains("rendez-vous ce soir");
    }

    @Autowired
    Alerts alerts;

    private static int indexOf(List<Queue.Entry> entries, String receipt) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).receipt().equals(receipt)) {
                return i;
            }
        }
        throw new AssertionError(receipt + " is not in the queue");
    }

    private UUID awaitTriage(String receipt) throws InterruptedException {
        UUID id = jdbc.sql("select id from report where receipt = ?")
                .param(receipt)
                .query(UUID.class)
                .single();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (jdbc.sql("select count(*) from report_triage where report_id = ?")
                            .param(id)
                            .query(Long.class)
                            .single()
                    > 0) {
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("report " + receipt + " was not scored within 60 s");
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
}
