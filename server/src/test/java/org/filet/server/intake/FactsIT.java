package org.filet.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.filet.server.Multipart;
import org.filet.server.ServerTest;
import org.filet.server.evidence.documents.Pdftotext;
import org.filet.server.people.Organisations;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUsers;
import org.filet.server.people.Vetted;
import org.filet.server.people.Vetting;
import org.filet.server.support.FiletSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the facts are: the date (a day, or about a month; never in the future), the child's own accounts (never linked)
 * and the age the suspect claimed, through the API and the public form, shown on the analyst's report page.
 */
class FactsIT extends ServerTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    Vetting vetting;

    private static List<String> fields(HttpResponse<String> response) {
        return json(response)
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }

    @Test
    void theApiTakesTheFactsAndRefusesImpossibleOnesNamingTheField() throws Exception {
        String tomorrowPlus = LocalDate.now().plusDays(3).toString();
        HttpResponse<String> future = postJson("/api/v1/reports", """
                {"reporter":{"role":"parent"},"description":"futur","factsDate":"%s"}""".formatted(tomorrowPlus));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(fields(future)).containsExactly("factsDate");
        assertThat(fields(postJson(
                        "/api/v1/reports", """
                {"reporter":{"role":"parent"},"description":"futur","factsDate":"%s"}""".formatted(YearMonth.now().plusMonths(2)))))
                .containsExactly("factsDate");
        assertThat(fields(postJson("/api/v1/reports", """
                {"reporter":{"role":"parent"},"description":"futur","factsDate":"2026-02-30"}"""))).containsExactly("factsDate");
        assertThat(fields(postJson("/api/v1/reports", """
                {"reporter":{"role":"parent"},"description":"futur","factsDate":"hier"}"""))).containsExactly("factsDate");
        assertThat(fields(postJson("/api/v1/reports", """
                {"reporter":{"role":"parent"},"description":"futur","suspectClaimedAge":150}"""))).containsExactly("suspectClaimedAge");
        assertThat(fields(postJson("/api/v1/reports", """
                {"reporter":{"role":"parent"},"description":"futur","child":{"accounts":[{"platform":"Snapchat"}]}}"""))).containsExactly("child.accounts[0].handle");
        assertThat(jdbc.sql("select count(*) from report where description = 'futur'")
                        .query(Long.class)
                        .single())
                .isZero();

        HttpResponse<String> created = postJson("/api/v1/reports", """
                {"reporter":{"role":"parent"},"factsDate":"2026-11","suspectClaimedAge":15,
                 "child":{"age":13,"accounts":[{"platform":"Snapchat","handle":"lea.s2013"}]},
                 "suspectAccounts":[{"platform":"Snapchat","handle":"max.93.off"}],
                 "description":"Il lui écrit sur Snapchat, elle y est @lea.s2013 ; il dit avoir 15 ans."}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String receipt = json(created).get("receipt").asString();
        UUID id = jdbc.sql("select id from report where receipt = ?")
                .param(receipt)
                .query(UUID.class)
                .single();
        awaitIdentifiers(id);
        assertThat(jdbc.sql("select key from report_identifier where report_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .as("the child's own account is never a suspect identifier")
                .contains("ACCOUNT/snapchat/max.93.off")
                .noneMatch(k -> k.contains("lea.s2013"));

        UUID org = organisations.receiving(settings.organisation());
        String token = users.issueToken(users.findByEmail("facts@filet.test")
                .orElseGet(() -> Vetted.vet(vetting, users.create(org, "facts@filet.test", "Faits", Role.ANALYST)))
                .id());
        String page = get("/staff/reports/" + receipt, "Authorization", "Bearer " + token, "Accept-Language", "fr")
                .body();
        assertThat(between(page, "id=\"facts-date\">", "</dd>")).isEqualTo("vers novembre 2026");
        assertThat(between(page, "id=\"suspect-claimed-age\">", "</dd>")).isEqualTo("15 ans");
        assertThat(between(page, "id=\"child-accounts\">", "</dd>"))
                .contains("Snapchat")
                .contains("lea.s2013");

        // and in the sealed package's report.pdf, in the organisation's language
        HttpResponse<byte[]> pkg = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports/" + receipt + "/package"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pkg.statusCode()).isEqualTo(200);
        java.nio.file.Path pdf = java.nio.file.Files.createTempFile("facts-", ".pdf");
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(pkg.body()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("report.pdf")) {
                    java.nio.file.Files.write(pdf, zip.readAllBytes());
                }
            }
        }
        String text = String.join(" ", Pdftotext.text(pdf).split("\\s+"));
        assertThat(text)
                .contains("Date des faits")
                .contains("vers novembre 2026")
                .contains("Âge annoncé par la personne suspecte")
                .contains("15 ans")
                .contains("Snapchat lea.s2013");
    }

    @Test
    void theFormKeepsEverythingTypedWhenTheDateIsInTheFuture() throws Exception {
        HttpResponse<String> form = get("/", "Accept-Language", "fr");
        assertThat(form.body())
                .contains("id=\"factsDate\"")
                .contains("id=\"factsMonth\"")
                .contains("id=\"suspectClaimedAge\"")
                .contains("name=\"childAccounts[0].handle\"")
                .contains("Quand cela s&#39;est-il passé");
        String cookie = form.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(m.find()).isTrue();
        Multipart typed = new Multipart();
        field(typed, "_csrf", m.group(1));
        field(typed, "reporterRole", "parent");
        field(typed, "description", "Un inconnu écrit à ma fille depuis des semaines.");
        field(typed, "factsDate", LocalDate.now().plusDays(5).toString());
        field(typed, "suspectClaimedAge", "16");
        field(typed, "childAccounts[0].platform", "Instagram");
        field(typed, "childAccounts[0].handle", "lea_officiel");
        field(typed, "accounts[0].handle", "max.93.off");
        HttpResponse<String> refused = post(cookie, typed);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("id=\"errors\"")
                .contains("<strong>Date des faits</strong>")
                .contains("ne peut pas être dans le futur")
                .contains("value=\"lea_officiel\"")
                .contains("value=\"16\"")
                .contains("value=\"max.93.off\"")
                .contains("depuis des semaines.");

        Multipart fixed = new Multipart();
        field(fixed, "_csrf", m.group(1));
        field(fixed, "reporterRole", "parent");
        field(fixed, "description", "Un inconnu écrit à mon fils depuis des semaines.");
        field(fixed, "factsMonth", YearMonth.now().minusMonths(1).toString());
        field(fixed, "suspectClaimedAge", "16");
        field(fixed, "childAccounts[0].platform", "Instagram");
        field(fixed, "childAccounts[0].handle", "tom_officiel");
        assertThat(post(cookie, fixed).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("""
                        select r.facts_date || ' ' || r.facts_month || ' ' || r.suspect_claimed_age || ' ' || a.platform || ':' || a.handle
                        from report r join report_child_account a on a.report_id = r.id
                        where r.description = 'Un inconnu écrit à mon fils depuis des semaines.'""").query(String.class).single())
                .isEqualTo(YearMonth.now().minusMonths(1).atDay(1) + " true 16 Instagram:tom_officiel");
    }

    private static void field(Multipart form, String name, String value) {
        form.file(name, null, "text/plain", value.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String cookie, Multipart form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri("/report"))
                        .header("Cookie", cookie)
                        .header("Accept-Language", "fr")
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitIdentifiers(UUID id) throws InterruptedException {
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

    private static String between(String text, String start, String end) {
        int i = text.indexOf(start);
        assertThat(i).as(start).isNotNegative();
        i += start.length();
        return text.substring(i, text.indexOf(end, i))
                .replaceAll("\\s+", " ")
                .replaceAll("<[^>]+>", "")
                .trim();
    }
}
