package org.filet.server.linking;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.filet.server.ServerTest;
import org.filet.server.people.Organisations;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUsers;
import org.filet.server.support.FiletSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** Full-text search (French and English, accents ignored, organisation-scoped) and similar handles. */
class SearchIT extends ServerTest {

    @Autowired
    StaffUsers users;
    @Autowired
    Organisations organisations;
    @Autowired
    FiletSettings settings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Search search;

    @Test
    void findsWordsWhateverTheirAccentsAndOnlyInTheOrganisation() throws Exception {
        UUID org = organisations.receiving(settings.organisation());
        String fr = receipt(postJson("/api/v1/reports", """
                {"reporter":{"role":"parent"},"description":"Il lui a demandé le nom de son collège.",
                 "messages":[{"text":"tu vas à quel collège ?"}]}"""));
        String en = receipt(postJson("/api/v1/reports", """
                {"reporter":{"role":"parent","language":"en"},"description":"He kept asking for photos after school."}"""));
        String token = users.issueToken(users.findByEmail("searcher@filet.test")
                .orElseGet(() -> users.create(org, "searcher@filet.test", "Chercheuse", Role.ANALYST)).id());

        HttpResponse<String> accentless = get("/staff/search?q=" + enc("college"), "Authorization", "Bearer " + token);
        assertThat(accentless.statusCode()).isEqualTo(200);
        assertThat(accentless.body()).contains(fr).doesNotContain(en);
        assertThat(get("/staff/search?q=" + enc("photo"), "Authorization", "Bearer " + token).body()).contains(en).doesNotContain(fr);
        assertThat(get("/staff/search?q=" + enc("<script>alert(1)</script>"), "Authorization", "Bearer " + token).body())
                .doesNotContain("<script>alert(1)</script>");

        UUID other = organisations.findByName("Autre association").map(Organisations.Organisation::id)
                .orElseGet(() -> organisations.create("Autre association"));
        String outsider = users.issueToken(users.findByEmail("search-outsider@filet.test")
                .orElseGet(() -> users.create(other, "search-outsider@filet.test", "Dehors", Role.ANALYST)).id());
        assertThat(get("/staff/search?q=" + enc("college"), "Authorization", "Bearer " + outsider).body()).doesNotContain(fr);
    }

    @Test
    void similarHandlesAreSuggestedNotMerged() throws Exception {
        UUID org = organisations.receiving(settings.organisation());
        String a = receipt(postJson("/api/v1/reports", """
                {"reporter":{"role":"parent"},"suspectAccounts":[{"platform":"snapchat","handle":"alicia_12_test"}],"description":"a"}"""));
        String b = receipt(postJson("/api/v1/reports", """
                {"reporter":{"role":"parent"},"suspectAccounts":[{"platform":"snapchat","handle":"alicia12_test"}],"description":"b"}"""));
        UUID ida = awaitIdentifiers(a);
        awaitIdentifiers(b);
        assertThat(search.similarAccounts(ida, org)).anyMatch(s -> s.otherReceipt().equals(b));
        assertThat(jdbc.sql("select count(distinct key) from report_identifier where key like 'ACCOUNT/snapchat/alicia%test'")
                .query(Long.class).single()).as("never merged").isEqualTo(2);
    }

    private UUID awaitIdentifiers(String receipt) throws InterruptedException {
        UUID id = jdbc.sql("select id from report where receipt = ?").param(receipt).query(UUID.class).single();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (jdbc.sql("select count(*) from job where kind = 'identifiers-due' and subject = ? and done_at is not null")
                    .param(id.toString()).query(Long.class).single() > 0) {
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("identifiers not extracted");
    }

    private static String receipt(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("receipt").asString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
