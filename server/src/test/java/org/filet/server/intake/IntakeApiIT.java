package org.filet.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import org.filet.server.Multipart;
import org.filet.server.ServerTest;
import org.filet.server.TestImages;
import org.filet.server.evidence.EvidenceStore;
import org.filet.verify.Sha256;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class IntakeApiIT extends ServerTest {

    static final String REPORT = """
            {"reporter":{"role":"parent","language":"fr"},"child":{"age":12,"country":"FR"},"platform":"Snapchat",
             "suspectAccounts":[{"platform":"Snapchat","handle":"lucas_2009","displayName":"Lucas"}],
             "phones":["+33 6 12 34 56 78"],"emails":["someone@example.org"],
             "messages":[{"at":"2026-11-20 21:04","from":"suspect","sender":"Lucas","text":"t'as quel âge ?"},
                         {"at":"2026-11-20 21:05","from":"child","sender":"Léa","text":"12 et toi"}],
             "description":"Un adulte écrit à ma fille sur Snapchat.","immediateDanger":false}""";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EvidenceStore store;

    @Test
    void jsonReportIsCommittedAndAnswers201WithReceiptCodeAndStatusUrl() throws Exception {
        HttpResponse<String> response = postJson("/api/v1/reports", REPORT);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json(response);
        String receipt = body.get("receipt").asString();
        assertThat(receipt).matches("R-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(body.get("accessCode").asString()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(body.get("statusUrl").asString()).isEqualTo("/api/v1/reports/" + receipt);
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/reports/" + receipt);

        assertThat(jdbc.sql(
                                "select count(*) from report_message m join report r on r.id = m.report_id where r.receipt = ?")
                        .param(receipt)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql(
                                "select handle from report_account a join report r on r.id = a.report_id where r.receipt = ?")
                        .param(receipt)
                        .query(String.class)
                        .single())
                .isEqualTo("lucas_2009");
        assertThat(jdbc.sql("select action from custody_event where subject = ? order by id")
                        .param("report:" + receipt)
                        .query(String.class)
                        .list())
                .first()
                .isEqualTo("received"); // analysis events follow asynchronously
        // the exact bytes received are kept, and their hash is what the custody record names
        byte[] kept = jdbc.sql("select submission from report where receipt = ?")
                .param(receipt)
                .query(byte[].class)
                .single();
        assertThat(new String(kept, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(REPORT);
        assertThat(jdbc.sql("select outputs[1] from custody_event where subject = ? and action = 'received'")
                        .param("report:" + receipt)
                        .query(String.class)
                        .single())
                .isEqualTo(Sha256.hex(REPORT.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void statusNeedsTheAccessCode() throws Exception {
        JsonNode created = json(postJson("/api/v1/reports", REPORT));
        String receipt = created.get("receipt").asString();
        String code = created.get("accessCode").asString();

        HttpResponse<String> withCode = get("/api/v1/reports/" + receipt, "X-Access-Code", code);
        assertThat(withCode.statusCode()).isEqualTo(200);
        assertThat(json(withCode).get("status").asString()).isEqualTo("received");
        assertThat(json(withCode).get("receipt").asString()).isEqualTo(receipt);

        HttpResponse<String> lowerCaseNoDashes = get(
                "/api/v1/reports/" + receipt,
                "X-Access-Code",
                code.replace("-", "").toLowerCase());
        assertThat(lowerCaseNoDashes.statusCode()).isEqualTo(200);

        HttpResponse<String> without = get("/api/v1/reports/" + receipt);
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(json(without).get("field").asString()).isEqualTo("X-Access-Code");

        HttpResponse<String> wrong = get("/api/v1/reports/" + receipt, "X-Access-Code", "AAAA-BBBB-CCCC");
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(json(wrong).has("status") && json(wrong).get("status").asInt() == 404)
                .isTrue();
        assertThat(json(wrong).has("receivedAt")).isFalse();

        HttpResponse<String> unknown = get("/api/v1/reports/R-0000-0000-0000", "X-Access-Code", code);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void malformedJsonIs400NamingTheField() throws Exception {
        HttpResponse<String> wrongType = postJson(
                "/api/v1/reports",
                "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"age\":\"douze\"},\"description\":\"x\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(wrongType).get("field").asString()).isEqualTo("child.age");

        HttpResponse<String> broken = postJson("/api/v1/reports", "{\"reporter\": {\"role\": \"parent\"");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json(broken).get("field").asString()).isEqualTo("reporter");
        assertThat(json(broken).get("detail").asString()).contains("not valid JSON");

        HttpResponse<String> invalid = postJson(
                "/api/v1/reports", "{\"reporter\":{\"role\":\"boss\"},\"phones\":[\"call me\"],\"description\":\"x\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid)
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString())
                        .toList())
                .containsExactlyInAnyOrder("reporter.role", "phones[0]");

        HttpResponse<String> missingReporter = postJson("/api/v1/reports", "{\"description\":\"x\"}");
        assertThat(missingReporter.statusCode()).isEqualTo(400);
        assertThat(json(missingReporter).get("field").asString()).isEqualTo("reporter");

        assertThat(jdbc.sql("select count(*) from report where description = 'x'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void multipartReportKeepsFilesByTheirSha256() throws Exception {
        byte[] png = TestImages.png(1);
        byte[] chat = "[20/11/2026, 21:04:00] Lucas: salut\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Multipart form = new Multipart()
                .json("report", REPORT)
                .file("files", "capture.png", "image/png", png)
                .file("files", "_chat.txt", "text/plain", chat);
        HttpResponse<String> response = send(form);
        assertThat(response.statusCode()).isEqualTo(201);
        String receipt = json(response).get("receipt").asString();

        var rows = jdbc.sql("""
                        select f.sha256, f.media_type, f.size, f.original_name from report_file f
                        join report r on r.id = f.report_id where r.receipt = ? order by f.position""")
                .param(receipt)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0))
                .containsExactly(Sha256.hex(png), "image/png", String.valueOf(png.length), "capture.png");
        assertThat(rows.get(1)[1]).isEqualTo("text/plain");
        try (InputStream in = store.open(rows.get(0)[0])) {
            assertThat(in.readAllBytes()).isEqualTo(png);
        }
        assertThat(jdbc.sql("select count(*) from custody_event where subject = ? and action = 'stored'")
                        .param("report:" + receipt)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void oversizedFileIs413AndNothingIsKept() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024];
        System.arraycopy(TestImages.png(2), 0, big, 0, 100);
        Multipart form = new Multipart()
                .json("report", REPORT.replace("Un adulte", "Trop gros"))
                .file("files", "big.png", "image/png", big);
        HttpResponse<String> response = send(form);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Too large");
        assertThat(jdbc.sql("select count(*) from report where description like 'Trop gros%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void fileWhoseContentIsNotAnAllowedTypeIs415EvenWithAPictureName() throws Exception {
        byte[] elf = HexFormat.of().parseHex("7f454c4602010100000000000000000002003e00");
        Multipart form = new Multipart()
                .json("report", REPORT.replace("Un adulte", "Exécutable"))
                .file("files", "photo.jpg", "image/jpeg", elf);
        HttpResponse<String> response = send(form);
        assertThat(response.statusCode()).isEqualTo(415);
        JsonNode problem = json(response);
        assertThat(problem.get("field").asString()).isEqualTo("files[0]");
        assertThat(problem.get("detectedType").asString()).isNotEqualTo("image/jpeg");
        assertThat(jdbc.sql("select count(*) from report where description like 'Exécutable%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void pictureWithTheWrongExtensionIsKeptAndFlagged() throws Exception {
        Multipart form =
                new Multipart().json("report", REPORT).file("files", "photo.jpg", "image/jpeg", TestImages.png(3));
        String receipt = json(send(form)).get("receipt").asString();
        assertThat(jdbc.sql(
                                "select media_type || ' ' || type_mismatch from report_file f join report r on r.id = f.report_id where r.receipt = ?")
                        .param(receipt)
                        .query(String.class)
                        .single())
                .isEqualTo("image/png true");
    }

    @Test
    void evidenceCanBeAddedWithTheAccessCodeOnly() throws Exception {
        JsonNode created = json(postJson("/api/v1/reports", REPORT));
        String receipt = created.get("receipt").asString();
        byte[] jpeg = TestImages.jpeg(4);
        Multipart files = new Multipart().file("files", "later.jpg", "image/jpeg", jpeg);

        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports/" + receipt + "/evidence"))
                        .header("Content-Type", files.contentType())
                        .header("X-Access-Code", "AAAA-AAAA-AAAA")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(files.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(404);

        HttpResponse<String> added = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports/" + receipt + "/evidence"))
                        .header("Content-Type", files.contentType())
                        .header("X-Access-Code", created.get("accessCode").asString())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(files.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(json(added).get("files").get(0).get("sha256").asString()).isEqualTo(Sha256.hex(jpeg));
        assertThat(json(get(
                                "/api/v1/reports/" + receipt,
                                "X-Access-Code",
                                created.get("accessCode").asString()))
                        .get("files")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void openApiDocumentDescribesTheIntakeApi() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(json(docs).get("paths").has("/api/v1/reports")).isTrue();
        assertThat(json(docs).get("paths").has("/api/v1/reports/{receipt}/evidence"))
                .isTrue();
    }

    private HttpResponse<String> send(Multipart form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports"))
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
