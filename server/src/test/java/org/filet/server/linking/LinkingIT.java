package org.filet.server.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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

/** Reports naming the same account or phone, however written, are linked with an explanation; names and common values are not. */
class LinkingIT extends ServerTest {

    @Autowired
    Vetting vetting;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Links links;

    @Autowired
    NetworkIndex networkIndex;

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Test
    void sameAccountOrPhoneLinksReportsButADisplayNameOrACommonValueDoesNot() throws Exception {
        String a = submit("""
                {"reporter":{"role":"parent"},"child":{"age":13,"country":"FR"},"platform":"Snapchat",
                 "suspectAccounts":[{"platform":"snapchat","handle":"@Link_Test_77","displayName":"Alicia"}],
                 "phones":["06 12 34 56 78"],"description":"premier signalement"}""");
        String b = submit("""
                {"reporter":{"role":"parent"},"child":{"age":12,"country":"FR"},
                 "suspectAccounts":[{"url":"https://www.snapchat.com/add/link_test_77?share_id=xyz"}],
                 "description":"deuxième signalement"}""");
        String c = submit("""
                {"reporter":{"role":"parent"},"child":{"age":14,"country":"FR"},
                 "messages":[{"from":"suspect","text":"appelle-moi au +33 6 12 34 56 78 ce soir"}],
                 "description":"troisième signalement"}""");
        String d = submit("""
                {"reporter":{"role":"parent"},"suspectAccounts":[{"displayName":"Alicia"},{"platform":"snapchat","handle":"admin"}],
                 "description":"quatrième signalement"}""");
        UUID ida = await(a);
        await(b);
        await(c);
        UUID idd = await(d);
        UUID org = organisations.receiving(settings.organisation());

        var fromA = links.of(ida, org);
        assertThat(fromA).anyMatch(l -> l.receipt().equals(b) && l.key().equals("ACCOUNT/snapchat/link_test_77"));
        assertThat(fromA).anyMatch(l -> l.receipt().equals(c) && l.key().equals("PHONE//+33612345678"));
        assertThat(fromA).noneMatch(l -> l.receipt().equals(d));
        assertThat(links.of(idd, org)).isEmpty();
        assertThat(networkIndex.sizeOf(ida)).as("a, b and c form one network").isGreaterThanOrEqualTo(3);
        assertThat(networkIndex.sizeOf(idd)).as("d stands alone").isEqualTo(1);
        assertThat(links.identifiers(idd)).allMatch(i -> i.common() || !i.key().contains("alicia"));

        StaffUser analyst = users.findByEmail("linker@filet.test")
                .orElseGet(() -> Vetted.vet(vetting, users.create(org, "linker@filet.test", "Lien", Role.ANALYST)));
        HttpResponse<String> page =
                get("/staff/reports/" + a, "Authorization", "Bearer " + users.issueToken(analyst.id()));
        assertThat(page.body()).contains("Même Snapchat « link_test_77 » dans les signalements " + a + " et " + b);

        String token = users.issueToken(analyst.id());
        HttpResponse<String> network = get("/staff/reports/" + a + "/network", "Authorization", "Bearer " + token);
        assertThat(network.statusCode()).isEqualTo(200);
        assertThat(network.body())
                .contains("<svg")
                .contains(b)
                .contains(c)
                .doesNotContain(d)
                .contains("link_test_77");
        HttpResponse<String> account = get(
                "/staff/identifiers?key="
                        + java.net.URLEncoder.encode(
                                "ACCOUNT/snapchat/link_test_77", java.nio.charset.StandardCharsets.UTF_8),
                "Authorization",
                "Bearer " + token);
        assertThat(account.body()).contains(a).contains(b).doesNotContain(c);
        UUID other = organisations
                .findByName("Autre association")
                .map(Organisations.Organisation::id)
                .orElseGet(() -> organisations.create("Autre association"));
        String outsider = users.issueToken(users.findByEmail("network-outsider@filet.test")
                .orElseGet(() ->
                        Vetted.vet(vetting, users.create(other, "network-outsider@filet.test", "Dehors", Role.ANALYST)))
                .id());
        assertThat(get("/staff/reports/" + a + "/network", "Authorization", "Bearer " + outsider)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/staff/reports/" + a, "Authorization", "Bearer " + outsider)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(
                                "/staff/identifiers?key=ACCOUNT%2Fsnapchat%2Flink_test_77",
                                "Authorization", "Bearer " + outsider)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aValueInMoreReportsThanTheCapLinksNothing() throws Exception {
        UUID org = organisations.receiving(settings.organisation());
        UUID elsewhere = organisations
                .findByName("Organisation du plafond")
                .map(Organisations.Organisation::id)
                .orElseGet(() -> organisations.create("Organisation du plafond"));
        int many = Links.PER_VALUE_CAP + 100;
        jdbc.sql("""
                        insert into report (id, receipt, access_code_hash, organisation, received_at, channel, reporter_role,
                            reporter_language, submission_sha256, submission)
                        select gen_random_uuid(), 'R-CAP-' || g, repeat('0', 64), ?, now(), 'api', 'other', 'fr',
                               repeat('0', 64), '{}'::bytea from generate_series(1, ?) g""").params(elsewhere, many).update(); // another organisation: the cap counts every report
        jdbc.sql("""
                        insert into report_identifier (report_id, key, kind, platform, source, strength, common)
                        select id, 'ACCOUNT/snapchat/too_many_77', 'ACCOUNT', 'snapchat', 'form', 'strong', false
                        from report where receipt like 'R-CAP-%'""").update();
        String r = submit("""
                {"reporter":{"role":"parent"},"suspectAccounts":[{"platform":"snapchat","handle":"too_many_77"}],
                 "description":"valeur trop répandue"}""");
        UUID id = await(r);
        assertThat(links.identifiers(id)).anyMatch(i -> i.key().equals("ACCOUNT/snapchat/too_many_77"));
        assertThat(links.of(id, org))
                .as("over the per-value cap: no links at all")
                .isEmpty();
    }

    private UUID await(String receipt) throws InterruptedException {
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
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("identifiers of " + receipt + " were not extracted within 60 s");
    }

    private String submit(String json) throws Exception {
        HttpResponse<String> created = postJson("/api/v1/reports", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("receipt").asString();
    }
}
