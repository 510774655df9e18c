package org.filet.server.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.filet.server.Multipart;
import org.filet.server.ServerTest;
import org.filet.server.people.Organisations;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUsers;
import org.filet.server.support.FiletSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

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
                .orElseGet(() -> users.create(org, "searcher@filet.test", "Chercheuse", Role.ANALYST))
                .id());

        HttpResponse<String> accentless = get("/staff/search?q=" + enc("college"), "Authorization", "Bearer " + token);
        assertThat(accentless.statusCode()).isEqualTo(200);
        assertThat(accentless.body()).contains(fr).doesNotContain(en);
        assertThat(get("/staff/search?q=" + enc("photo"), "Authorization", "Bearer " + token)
                        .body())
                .contains(en)
                .doesNotContain(fr);
        assertThat(get("/staff/search?q=" + enc("<script>alert(1)</script>"), "Authorization", "Bearer " + token)
                        .body())
                .doesNotContain("<script>alert(1)</script>");

        UUID other = organisations
                .findByName("Autre association")
                .map(Organisations.Organisation::id)
                .orElseGet(() -> organisations.create("Autre association"));
        String outsider = users.issueToken(users.findByEmail("search-outsider@filet.test")
                .orElseGet(() -> users.create(other, "search-outsider@filet.test", "Dehors", Role.ANALYST))
                .id());
        assertThat(get("/staff/search?q=" + enc("college"), "Authorization", "Bearer " + outsider)
                        .body())
                .doesNotContain(fr);
    }

    @Test
    void identifiersAreFoundInAnyWrittenFormAndEveryResultHoldsWhatWasSearched() throws Exception {
        UUID org = organisations.receiving(settings.organisation());
        String typedPhone = receipt(postJson("/api/v1/reports", """
                {"reporter":{"role":"parent"},"phones":["06 47 21 88 35"],"description":"Il a donné un numéro."}"""));
        String phoneInText = receipt(postJson("/api/v1/reports", """
                {"reporter":{"role":"parent"},"description":"Appelle-moi au 0647218835 ou écris à Max93.Contact@Example.com"}"""));
        String account = receipt(postJson("/api/v1/reports", """
                {"reporter":{"role":"parent"},"suspectAccounts":[{"platform":"Instagram","handle":"max.93.off"}],
                 "messages":[{"text":"Léa, tu es là ? Réponds-moi."}]}"""));
        String noLea = receipt(postJson("/api/v1/reports", """
                {"reporter":{"role":"parent"},"description":"Le lendemain il a relancé, les messages sont lents et l'élève a peur."}"""));
        for (String r : new String[] {typedPhone, phoneInText, account, noLea}) {
            awaitIdentifiers(r);
        }
        String token = users.issueToken(users.findByEmail("finder@filet.test")
                .orElseGet(() -> users.create(org, "finder@filet.test", "Trouveuse", Role.ANALYST))
                .id());

        for (String phone : new String[] {
            "+33647218835", "06 47 21 88 35", "0647218835", "+33 6 47 21 88 35", "0033 6 47 21 88 35", "06.47.21.88.35"
        }) {
            String page = get("/staff/search?q=" + enc(phone), "Authorization", "Bearer " + token)
                    .body();
            assertThat(page)
                    .as(phone)
                    .contains(typedPhone)
                    .contains(phoneInText)
                    .doesNotContain(account)
                    .contains("+33647218835")
                    .doesNotContain("id=\"no-hits\"");
        }
        assertThat(get("/staff/search?q=" + enc("MAX93.contact@example.COM"), "Authorization", "Bearer " + token)
                        .body())
                .contains(phoneInText)
                .contains("max93.contact@example.com")
                .doesNotContain(typedPhone);
        for (String handle : new String[] {
            "max.93.off",
            "@max.93.off",
            "@Max.93.Off",
            "https://www.instagram.com/max.93.off/",
            "instagram.com/max.93.off"
        }) {
            String page = get("/staff/search?q=" + enc(handle), "Authorization", "Bearer " + token)
                    .body();
            assertThat(page).as(handle).contains(account).doesNotContain(phoneInText);
        }

        for (String lea : new String[] {"Léa", "lea", "LEA"}) {
            String page = get("/staff/search?q=" + enc(lea), "Authorization", "Bearer " + token)
                    .body();
            assertThat(page).as(lea).contains(account).doesNotContain(noLea).contains("«Léa»");
            java.util.regex.Matcher items = java.util.regex.Pattern.compile(
                            "<li class=\"hit-text\">(.*?)</li>", java.util.regex.Pattern.DOTALL)
                    .matcher(page);
            int n = 0;
            while (items.find()) {
                n++;
                assertThat(items.group(1))
                        .as("every result shows what was searched")
                        .containsIgnoringCase("«Léa»");
            }
            assertThat(n).isPositive();
        }
        assertThat(search.reports(org, "relance eleve").stream().map(Search.Hit::receipt))
                .contains(noLea);
        assertThat(search.reports(org, "relancé élève").stream().map(Search.Hit::excerpt))
                .anyMatch(e -> e.contains("«relancé»") && e.contains("«élève»"));

        UUID other = organisations
                .findByName("Autre association")
                .map(Organisations.Organisation::id)
                .orElseGet(() -> organisations.create("Autre association"));
        String outsider = users.issueToken(users.findByEmail("find-outsider@filet.test")
                .orElseGet(() -> users.create(other, "find-outsider@filet.test", "Ailleurs", Role.ANALYST))
                .id());
        assertThat(get("/staff/search?q=" + enc("+33647218835"), "Authorization", "Bearer " + outsider)
                        .body())
                .doesNotContain(typedPhone)
                .doesNotContain(phoneInText)
                .contains("id=\"no-hits\"");
        assertThat(get("/staff/search?q=" + enc("Léa"), "Authorization", "Bearer " + outsider)
                        .body())
                .doesNotContain(account);
        System.out.println("search: fr tsquery for Léa = "
                + jdbc.sql(
                                "select websearch_to_tsquery('filet_fr', 'Léa')::text || ' / en ' || websearch_to_tsquery('filet_en', 'Léa')::text")
                        .query(String.class)
                        .single());
    }

    @Test
    void wordsAndPhonesOfAChatExportAreFound() throws Exception {
        UUID org = organisations.receiving(settings.organisation());
        String export = """
                12/11/2026, 20:01 - Max: salut, on se retrouve à la médiathèque samedi ?
                12/11/2026, 20:02 - Zoé: je sais pas
                12/11/2026, 20:03 - Max: écris-moi au 07 56 43 21 09 plutôt
                """;
        Multipart form = new Multipart()
                .json(
                        "report",
                        "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"country\":\"FR\"},\"description\":\"export joint\"}")
                .file(
                        "files",
                        "Discussion WhatsApp avec Max.txt",
                        "text/plain",
                        export.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = http.send(
                java.net.http.HttpRequest.newBuilder(uri("/api/v1/reports"))
                        .header("Content-Type", form.contentType())
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String receipt = receipt(created);
        UUID id = jdbc.sql("select id from report where receipt = ?")
                .param(receipt)
                .query(UUID.class)
                .single();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (jdbc.sql("select count(*) from search_text where report_id = ?")
                                .param(id)
                                .query(Long.class)
                                .single()
                        == 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        String token = users.issueToken(users.findByEmail("finder@filet.test")
                .orElseGet(() -> users.create(org, "finder@filet.test", "Trouveuse", Role.ANALYST))
                .id());
        String words = get("/staff/search?q=" + enc("mediatheque"), "Authorization", "Bearer " + token)
                .body();
        assertThat(words).contains(receipt).contains("«médiathèque»").contains("dans un export de conversation");
        String phone = get("/staff/search?q=" + enc("+33 7 56 43 21 09"), "Authorization", "Bearer " + token)
                .body();
        assertThat(phone).contains(receipt).contains("+33756432109").contains("dans l&#39;export");
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
        assertThat(search.similarAccounts(ida, org))
                .anyMatch(s -> s.otherReceipt().equals(b));
        assertThat(jdbc.sql(
                                "select count(distinct key) from report_identifier where key like 'ACCOUNT/snapchat/alicia%test'")
                        .query(Long.class)
                        .single())
                .as("never merged")
                .isEqualTo(2);
    }

    private UUID awaitIdentifiers(String receipt) throws InterruptedException {
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
