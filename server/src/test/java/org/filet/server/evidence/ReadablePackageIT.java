package org.filet.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.filet.server.Multipart;
import org.filet.server.ServerTest;
import org.filet.server.cases.Cases;
import org.filet.server.conversations.ScreenshotOcrIT;
import org.filet.server.evidence.documents.Pdftotext;
import org.filet.server.people.Organisations;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUser;
import org.filet.server.people.StaffUsers;
import org.filet.server.support.FiletSettings;
import org.filet.verify.PackageVerifier;
import org.filet.verify.VerificationReport;
import org.filet.verify.VerifyCommand;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A package police can read: a report with a parsed WhatsApp export and a screenshot read by OCR, found urgent by
 * triage although the parent answered "no" to immediate danger, in a case with one note for the authority and one
 * internal note. {@code pdftotext report.pdf} must show the export's messages, the OCR reading marked as a machine
 * reading, both urgency answers, the triage, the chosen note only, and staff by name; the parse and the reading are in
 * {@code derived/} naming their originals, and the verifier checks them.
 */
class ReadablePackageIT extends ServerTest {

    static final String WHATSAPP = """
            12/11/2026, 20:01 - Max: salut ça va ?
            12/11/2026, 20:02 - Léa: oui et toi
            12/11/2026, 20:03 - Max: t'as quel âge ?
            12/11/2026, 20:04 - Léa: 12 ans
            12/11/2026, 20:05 - Max: tu es seule chez toi ce soir ?
            12/11/2026, 20:06 - Léa: Привет, я не знаю
            12/11/2026, 20:07 - Max: on se voit samedi à 15h au parc derrière l'école ?
            12/11/2026, 20:08 - Léa: je sais pas
            12/11/2026, 20:09 - Max: ne dis rien à tes parents
            12/11/2026, 20:10 - Léa: d'accord
            """;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    Cases cases;

    @TempDir
    Path dir;

    @Test
    void reportPdfShowsEverySourceTheTriageTheChosenNotesAndStaffByNameAndDerivedFilesAreVerified() throws Exception {
        boolean ocr = tesseract();
        Multipart form = new Multipart()
                .json(
                        "report",
                        "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"age\":12,"
                                + "\"country\":\"FR\",\"nameInConversation\":\"Léa\"},\"immediateDanger\":false,"
                                + "\"description\":\"Export et capture. مرحبا بكم\"}")
                .file(
                        "files",
                        "Discussion WhatsApp avec Max.txt",
                        "text/plain",
                        WHATSAPP.getBytes(StandardCharsets.UTF_8))
                .file("files", "capture.png", "image/png", ScreenshotOcrIT.chatScreenshot());
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports"))
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String receipt = json(created).get("receipt").asString();
        UUID id = jdbc.sql("select id from report where receipt = ?")
                .param(receipt)
                .query(UUID.class)
                .single();
        awaitTriage(id);

        UUID org = organisations.receiving(settings.organisation());
        StaffUser analyst = users.findByEmail("camille.durand@filet.test")
                .orElseGet(() -> users.create(org, "camille.durand@filet.test", "Camille Durand", Role.ANALYST));
        Cases.Case kase = cases.open(analyst, "Max, parc", List.of(receipt));
        cases.note(analyst, kase.number(), "Le père a déposé plainte au commissariat le 13/11.", true);
        cases.note(analyst, kase.number(), "Note interne : rappeler la mère lundi.", false);
        String token = users.issueToken(analyst.id());
        download(receipt, token, "first.zip"); // the first export is itself in the custody record of the second
        Path zip = download(receipt, token, "package.zip");

        VerificationReport report = PackageVerifier.verify(zip);
        assertThat(report.findings()).isEmpty();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(VerifyCommand.mainWithoutExit(zip.toString())).isZero();
        } finally {
            System.setOut(saved);
        }

        Map<String, byte[]> entries = unzip(zip);
        JsonNode manifest = JSON.readTree(new String(entries.get("manifest.json"), StandardCharsets.UTF_8));
        Map<String, String> originals = new HashMap<>();
        Map<String, JsonNode> derived = new HashMap<>();
        for (JsonNode f : manifest.get("files")) {
            if (f.get("role").asString().equals("original")) {
                originals.put(f.get("original_name").asString(), f.get("sha256").asString());
            } else if (f.get("role").asString().equals("derived")) {
                derived.put(f.get("media_type").asString(), f);
            }
        }
        JsonNode parse = derived.get("application/x-ndjson");
        assertThat(parse).as("the parsed export is in derived/: %s", manifest).isNotNull();
        assertThat(parse.get("path").asString()).startsWith("derived/").endsWith(".jsonl");
        assertThat(parse.get("derived_from").asString()).isEqualTo(originals.get("Discussion WhatsApp avec Max.txt"));
        assertThat(new String(entries.get(parse.get("path").asString()), StandardCharsets.UTF_8))
                .contains("on se voit samedi à 15h au parc");
        assertThat(new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8))
                .contains(parse.get("path").asString());
        if (ocr) {
            JsonNode reading = derived.get("application/json");
            assertThat(reading)
                    .as("the OCR reading is in derived/: %s", manifest)
                    .isNotNull();
            assertThat(reading.get("derived_from").asString()).isEqualTo(originals.get("capture.png"));
            assertThat(new String(entries.get(reading.get("path").asString()), StandardCharsets.UTF_8))
                    .contains("machine reading");
        }

        Path pdf = Files.write(dir.resolve("report.pdf"), entries.get("report.pdf"));
        String text = String.join(" ", Pdftotext.text(pdf).split("\\s+"));
        assertThat(text)
                .contains(
                        "salut ça va ?",
                        "tu es seule chez toi ce soir ?",
                        "on se voit samedi à 15h au parc derrière l'école ?",
                        "ne dis rien à tes parents",
                        "d'accord");
        assertThat(text).contains("Привет, я не знаю").contains("مرحبا");
        assertThat(text).contains("Export de conversation : Discussion WhatsApp avec Max.txt");
        assertThat(text).contains("Danger immédiat (réponse du déclarant) : non", "Urgence selon le tri : URGENT");
        assertThat(text).contains("Ce score ordonne le travail de l'équipe ; il n'accuse personne.");
        assertThat(text)
                .contains("Le père a déposé plainte au commissariat le 13/11.", "Camille Durand (analyste)")
                .doesNotContain("rappeler la mère");
        assertThat(text).doesNotContain("user:" + analyst.id()).doesNotContain("Aucun message rapporté");
        if (ocr) {
            assertThat(text)
                    .contains("Lecture automatique (OCR) d'une capture d'écran : capture.png", "LECTURE MACHINE")
                    .containsIgnoringCase("seule chez toi");
        }
    }

    private static boolean tesseract() {
        boolean installed;
        try {
            Process p = new ProcessBuilder("tesseract", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            installed = p.waitFor() == 0;
        } catch (Exception e) {
            installed = false;
        }
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must install tesseract-ocr, -fra and -eng (see .ci/run)");
        }
        if (!installed) {
            System.out.println(
                    "SKIPPED: the OCR part needs Debian tesseract-ocr, tesseract-ocr-fra, tesseract-ocr-eng");
        }
        return installed;
    }

    private void awaitTriage(UUID id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (jdbc.sql("select count(*) from report_triage where report_id = ?")
                            .param(id)
                            .query(Long.class)
                            .single()
                    > 0) {
                return;
            }
            Thread.sleep(200);
        }
        Assumptions.abort("triage did not finish in time");
    }

    private Path download(String receipt, String token, String name) throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports/" + receipt + "/package"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return Files.write(dir.resolve(name), response.body());
    }

    private static Map<String, byte[]> unzip(Path zip) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
