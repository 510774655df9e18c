package org.filet.server.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.filet.server.ServerTest;
import org.filet.server.support.FiletSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An organisation's administrator sets its urgency rules; scoring follows them; nobody else can set them. */
class OrganisationSettingsIT extends ServerTest {

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    OrganisationSettings organisationSettings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void urgencyRulesAreTheOrganisationsChoiceAndOnlyAnAdministratorSetsThem() throws Exception {
        UUID org = organisations.receiving(settings.organisation());
        StaffUser admin = users.findByEmail("settings-admin@filet.test")
                .orElseGet(() -> users.create(org, "settings-admin@filet.test", "Admin", Role.ADMIN));
        StaffUser analyst = users.findByEmail("settings-analyst@filet.test")
                .orElseGet(() -> users.create(org, "settings-analyst@filet.test", "Analyste", Role.ANALYST));
        String adminToken = users.issueToken(admin.id());

        assertThat(postForm("/admin/settings", users.issueToken(analyst.id()), "urgentChildBelow=0")
                        .statusCode())
                .isEqualTo(403);
        var outOfBounds = postForm("/admin/settings", adminToken, "urgentChildBelow=99");
        assertThat(outOfBounds.statusCode()).isEqualTo(400);
        assertThat(outOfBounds.body().replace("&#39;", "'"))
                .as("refused on the settings page, in French")
                .contains("id=\"refusal\"")
                .contains("L'âge de l'enfant qui rend un signalement urgent va de 0 à 18 ans.");
        try {
            assertThat(postForm("/admin/settings", adminToken, "urgentChildBelow=0&matchDistance=10&dailyExposure=5")
                            .statusCode())
                    .isEqualTo(302);
            assertThat(organisationSettings.of(org).urgentChildBelow()).isZero();
            assertThat(organisationSettings.of(org).matchDistance()).isEqualTo(10);
            assertThat(get("/admin/settings", "Authorization", "Bearer " + adminToken)
                            .body())
                    .contains("Règles d&#39;urgence");
            assertThat(triage(report()))
                    .as("the under-13 rule is off for this organisation")
                    .isEqualTo("false|{}");
        } finally {
            organisationSettings.save(org, OrganisationSettings.Settings.NONE, admin.id());
        }
        assertThat(triage(report())).isEqualTo("true|{child-under-age}");
    }

    private String report() throws Exception {
        HttpResponse<String> created = postJson(
                "/api/v1/reports",
                "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"age\":10,\"country\":\"FR\"},\"description\":\"il joue en ligne\"}");
        return json(created).get("receipt").asString();
    }

    private String triage(String receipt) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            var row = jdbc.sql(
                            "select t.urgent || '|' || t.reasons::text from report_triage t join report r on r.id = t.report_id where r.receipt = ?")
                    .param(receipt)
                    .query(String.class)
                    .optional();
            if (row.isPresent()) {
                return row.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not scored");
    }
}
