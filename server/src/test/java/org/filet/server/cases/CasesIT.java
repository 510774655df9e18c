package org.filet.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.filet.server.ServerTest;
import org.filet.server.people.Organisations;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUser;
import org.filet.server.people.StaffUsers;
import org.filet.server.support.FiletSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Cases through the HTTP layer: the status flow, four-eyes approval, organisation scoping, custody. */
class CasesIT extends ServerTest {

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void approvalNeedsASecondPersonWhoIsALeadAndNotTheAuthor() throws Exception {
        UUID org = organisations.receiving(settings.organisation());
        StaffUser analyst = user("case-analyst@filet.test", org, Role.ANALYST);
        StaffUser lead = user("case-lead@filet.test", org, Role.LEAD);
        StaffUser otherLead = user("case-lead2@filet.test", org, Role.LEAD);
        String a = token(analyst);
        String l = token(lead);
        String l2 = token(otherLead);
        String r1 = report();
        String r2 = report();

        HttpResponse<String> opened =
                postForm("/staff/cases", a, "title=" + enc("Compte snap récurrent") + "&receipts=" + r1 + "+" + r2);
        assertThat(opened.statusCode()).isEqualTo(302);
        String number = opened.headers().firstValue("Location").orElseThrow().replaceAll(".*/staff/cases/", "");
        assertThat(number).startsWith("C-");
        assertThat(get("/staff/cases/" + number, "Authorization", "Bearer " + a).body())
                .contains(r1)
                .contains(r2);

        assertThat(postForm("/staff/cases/" + number + "/status", a, "status=approved")
                        .statusCode())
                .as("not from new")
                .isEqualTo(409);
        assertThat(postForm("/staff/cases/" + number + "/assignee", a, "email=" + enc(lead.email()))
                        .statusCode())
                .isEqualTo(302);
        assertThat(postForm("/staff/cases/" + number + "/assignee", a, "email=" + enc("nobody@elsewhere.test"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(postForm(
                                "/staff/cases/" + number + "/tasks",
                                a,
                                "title=" + enc("demander l'export complet") + "&assignee=" + enc(analyst.email()))
                        .statusCode())
                .isEqualTo(302);
        long task = jdbc.sql("select t.id from case_task t join filet_case c on c.id = t.case_id where c.number = ?")
                .param(number)
                .query(Long.class)
                .single();
        assertThat(postForm("/staff/cases/" + number + "/tasks/" + task + "/done", a, "")
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("select done_at is not null from case_task where id = ?")
                        .param(task)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(get("/staff/cases/" + number, "Authorization", "Bearer " + a).body())
                .contains("demander l&#39;export complet");
        assertThat(postForm("/staff/cases/" + number + "/status", a, "status=investigating")
                        .statusCode())
                .isEqualTo(302);
        assertThat(postForm("/staff/cases/" + number + "/status", a, "status=ready_for_review")
                        .statusCode())
                .isEqualTo(302);
        assertThat(postForm("/staff/cases/" + number + "/status", a, "status=approved")
                        .statusCode())
                .as("an analyst cannot approve")
                .isEqualTo(403);
        assertThat(postForm("/staff/cases/" + number + "/notes", l, "body=" + enc("vérifié avec l'export"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(postForm(
                                "/staff/cases/" + number + "/notes",
                                l,
                                "body=" + enc("plainte déposée le 13/11") + "&forAuthority=true")
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql(
                                "select n.body || '|' || n.for_authority from case_note n join filet_case c on c.id = n.case_id"
                                        + " where c.number = ? order by n.id")
                        .param(number)
                        .query(String.class)
                        .list())
                .as("a note goes to the authority only when the box is ticked")
                .containsExactly("vérifié avec l'export|false", "plainte déposée le 13/11|true");
        assertThat(get("/staff/cases/" + number, "Authorization", "Bearer " + l).body())
                .contains("name=\"forAuthority\"")
                .contains("(transmise à l&#39;autorité)");
        assertThat(postForm("/staff/cases/" + number + "/status", l, "status=approved")
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("select status || '|' || approved_by || '|' || created_by from filet_case where number = ?")
                        .param(number)
                        .query(String.class)
                        .single())
                .isEqualTo("approved|" + lead.id() + "|" + analyst.id());

        // a lead cannot approve their own case
        String own = postForm("/staff/cases", l2, "title=" + enc("Dossier du responsable") + "&receipts=" + r1)
                .headers()
                .firstValue("Location")
                .orElseThrow()
                .replaceAll(".*/staff/cases/", "");
        postForm("/staff/cases/" + own + "/status", l2, "status=investigating");
        postForm("/staff/cases/" + own + "/status", l2, "status=ready_for_review");
        assertThat(postForm("/staff/cases/" + own + "/status", l2, "status=approved")
                        .statusCode())
                .isEqualTo(403);
        assertThat(postForm("/staff/cases/" + own + "/status", l, "status=approved")
                        .statusCode())
                .isEqualTo(302);

        assertThat(jdbc.sql("select reason from custody_event where subject = ? order by id")
                        .param("case:" + number)
                        .query(String.class)
                        .list())
                .contains("case opened", "note added")
                .anyMatch(r -> r.contains("four-eyes")
                        && r.contains(lead.id().toString())
                        && r.contains(analyst.id().toString()));

        // another organisation sees nothing of it
        UUID other = organisations
                .findByName("Autre association")
                .map(Organisations.Organisation::id)
                .orElseGet(() -> organisations.create("Autre association"));
        String outsider = token(user("case-outsider@filet.test", other, Role.LEAD));
        assertThat(get("/staff/cases/" + number, "Authorization", "Bearer " + outsider)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/staff/cases", "Authorization", "Bearer " + outsider).body())
                .doesNotContain(number);
        assertThat(postForm("/staff/cases/" + number + "/status", outsider, "status=referred")
                        .statusCode())
                .isEqualTo(404);
        assertThat(postForm("/staff/cases", outsider, "title=x&receipts=" + r1).statusCode())
                .as("a report of another org")
                .isEqualTo(400);
    }

    private String report() throws Exception {
        HttpResponse<String> created =
                postJson("/api/v1/reports", "{\"reporter\":{\"role\":\"parent\"},\"description\":\"dossier\"}");
        return json(created).get("receipt").asString();
    }

    private StaffUser user(String email, UUID org, Role role) {
        return users.findByEmail(email).orElseGet(() -> users.create(org, email, email, role));
    }

    private String token(StaffUser user) {
        return users.issueToken(user.id());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
