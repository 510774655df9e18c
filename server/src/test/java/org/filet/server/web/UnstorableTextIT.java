package org.filet.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.filet.server.Multipart;
import org.filet.server.ServerTest;
import org.filet.server.TestImages;
import org.filet.server.evidence.EvidenceStore;
import org.filet.server.people.Organisations;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUser;
import org.filet.server.people.StaffUsers;
import org.filet.server.support.FiletSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Text PostgreSQL cannot hold (NUL, unpaired surrogates, non-characters) at every entry point: a 400 naming the field,
 * never a 500, and no object left in the evidence store that no custody entry names.
 */
class UnstorableTextIT extends ServerTest {

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EvidenceStore store;

    @Test
    void theApiNamesTheFieldForNulSurrogatesAndNonCharacters() throws Exception {
        for (String bad : new String[] {"\\u0000", "\\ud800", "\\udc00x", "\\uffff", "\\ufdd0"}) {
            HttpResponse<String> description = postJson(
                    "/api/v1/reports",
                    "{\"reporter\":{\"role\":\"parent\"},\"description\":\"avant" + bad + "après\"}");
            assertThat(description.statusCode()).as(bad).isEqualTo(400);
            assertThat(description.headers().firstValue("Content-Type").orElse(""))
                    .contains("application/problem+json");
            assertThat(json(description).get("field").asString()).isEqualTo("description");
        }
        HttpResponse<String> message = postJson(
                "/api/v1/reports",
                "{\"reporter\":{\"role\":\"parent\"},\"messages\":["
                        + "{\"from\":\"suspect\",\"text\":\"bonjour\"},{\"from\":\"suspect\",\"text\":\"a\\u0000b\"}]}");
        assertThat(message.statusCode()).isEqualTo(400);
        assertThat(json(message).get("field").asString()).isEqualTo("messages[1].text");
        HttpResponse<String> handle = postJson(
                "/api/v1/reports",
                "{\"reporter\":{\"role\":\"parent\"},\"description\":\"x\","
                        + "\"suspectAccounts\":[{\"platform\":\"snapchat\",\"handle\":\"max\\u0000\"}]}");
        assertThat(json(handle).get("field").asString()).isEqualTo("suspectAccounts[0].handle");
        HttpResponse<String> fine = postJson(
                "/api/v1/reports",
                "{\"reporter\":{\"role\":\"parent\"},"
                        + "\"description\":\"Léa — привет — مرحبا — 你好 \\ud83d\\ude00\"}");
        assertThat(fine.statusCode())
                .as("every script, and a paired surrogate, is fine")
                .isEqualTo(201);
    }

    @Test
    void aRefusedMultipartReportLeavesNoObjectBehind() throws Exception {
        long before = objects();
        byte[] picture = TestImages.png(41);
        Multipart form = new Multipart()
                .json("report", "{\"reporter\":{\"role\":\"parent\"},\"description\":\"nul\\u0000ici\"}")
                .file("files", "capture.png", "image/png", picture);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports"))
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("field").asString()).isEqualTo("description");
        assertThat(objects()).as("no orphan object in the store").isEqualTo(before);
    }

    @Test
    void thePublicFormAndTheStaffFormsAnswer400NamingTheField() throws Exception {
        // the parent's form, with its session and CSRF token as a browser sends it
        HttpResponse<String> page = get("/");
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        Multipart form = new Multipart()
                .file("_csrf", null, "text/plain", csrf.group(1).getBytes(StandardCharsets.UTF_8))
                .file("reporterRole", null, "text/plain", "parent".getBytes(StandardCharsets.UTF_8))
                .file("description", null, "text/plain", "il a écrit\u0000ceci".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(uri("/report"))
                        .header("Cookie", cookie)
                        .header("Accept-Language", "fr")
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"error-detail\"")
                .contains("description")
                .contains("Rien n&#39;a été enregistré");

        // a staff form (a case note) and a path segment
        UUID org = organisations.receiving(settings.organisation());
        StaffUser analyst = users.findByEmail("nul-analyst@filet.test")
                .orElseGet(() -> users.create(org, "nul-analyst@filet.test", "Analyste", Role.ANALYST));
        String token = users.issueToken(analyst.id());
        HttpResponse<String> note =
                postForm("/staff/cases", token, "title=" + URLEncoder.encode("titre\u0000", StandardCharsets.UTF_8));
        assertThat(note.statusCode()).isEqualTo(400);
        assertThat(note.body()).contains("title");
        assertThat(get("/staff/cases/C-%00", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(400);
        assertThat(get(
                                "/staff/search?q=" + URLEncoder.encode("a\uFFFF", StandardCharsets.UTF_8),
                                "Authorization",
                                "Bearer " + token)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aChatExportHoldingNulIsParsedWithTheCharacterReplacedAndTheParseSaysSo() throws Exception {
        byte[] export = ("12/11/2026, 20:01 - Max: salut\u0000 toi\n12/11/2026, 20:02 - Léa: \uFFFF ok\n"
                        + "12/11/2026, 20:03 - Max: à demain\n")
                .getBytes(StandardCharsets.UTF_8);
        Multipart form = new Multipart()
                .json("report", "{\"reporter\":{\"role\":\"parent\"},\"description\":\"export\"}")
                .file("files", "Discussion WhatsApp avec Max.txt", "text/plain", export);
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports"))
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode())
                .as("an export is evidence as sent: kept, never refused for its content")
                .isEqualTo(201);
        UUID report = jdbc.sql("select id from report where receipt = ?")
                .param(json(created).get("receipt").asString())
                .query(UUID.class)
                .single();

        java.util.Map<String, Object> parse = null;
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (parse == null && java.time.Instant.now().isBefore(deadline)) {
            parse = jdbc
                    .sql("select outcome, messages, parse_sha256, array_to_string(warnings, ' | ') as warnings "
                            + "from conversation_parse where report_id = ?")
                    .param(report)
                    .query()
                    .listOfRows()
                    .stream()
                    .findFirst()
                    .orElse(null);
            if (parse == null) {
                Thread.sleep(200);
            }
        }
        assertThat(parse).as("the export was parsed and recorded within 60 s").isNotNull();
        assertThat(parse.get("outcome")).isEqualTo("parsed");
        assertThat(parse.get("messages")).isEqualTo(3);
        assertThat((String) parse.get("warnings")).contains("a database cannot store", "message(s) 1, 2");
        String parsed;
        try (var in = store.open((String) parse.get("parse_sha256"))) {
            parsed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(parsed).contains("salut\uFFFD toi", "\uFFFD ok", "à demain").doesNotContain("\u0000", "\uFFFF");
    }

    private static long objects() throws Exception {
        Path evidence = DATA.resolve("evidence");
        try (Stream<Path> all = Files.walk(evidence)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("incoming"))
                    .count();
        }
    }
}
