package org.filet.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.filet.server.ServerTest;
import org.filet.server.evidence.documents.Pdftotext;
import org.filet.server.people.Organisations;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUser;
import org.filet.server.people.StaffUsers;
import org.filet.server.people.Vetted;
import org.filet.server.people.Vetting;
import org.filet.server.support.FiletSettings;
import org.filet.verify.VerifyCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A case package as the authority downloads it, built through the server: two reports sharing a suspect's account, one
 * with messages in Chinese, Japanese, Korean, Arabic and Cyrillic, opened into a case by an analyst, approved by a lead
 * (four eyes) and referred by a second lead. {@code case.pdf} is a document of the manifest, the package verifies, and
 * {@code pdftotext case.pdf} shows the case, who approved and who referred by name and role, the authority, each
 * report's danger flags, child, platforms and triage with the sentence that a score accuses no one, why they are linked,
 * the chosen note only, and where each report's own PDF is; {@code pdftotext} of the report's PDF shows the non-Latin
 * messages.
 */
class CasePackageIT extends ServerTest {

    static final String CHINESE = "你好，你今年几岁？";
    static final String JAPANESE = "こんにちは、どこに住んでいますか？";
    static final String KOREAN = "안녕하세요 몇 살이에요";
    static final String ARABIC = "مرحبا كيف حالك";
    static final String CYRILLIC = "Привет, сколько тебе лет?";

    @Autowired
    Vetting vetting;

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void caseReferredThroughTheServerCarriesACasePdfThePoliceCanRead() throws Exception {
        UUID org = organisations.receiving(settings.organisation());
        StaffUser analyst = user("casepdf-analyst@filet.test", "Nadia Benali", org, Role.ANALYST);
        StaffUser approver = user("casepdf-lead@filet.test", "Hugo Lefèvre", org, Role.LEAD);
        StaffUser referrer = user("casepdf-lead2@filet.test", "Inès Moreau", org, Role.LEAD);
        UUID authorities = organisations
                .findByName("Autorités")
                .map(Organisations.Organisation::id)
                .orElseGet(() -> organisations.create("Autorités"));
        StaffUser police = user("casepdf-ofmin@police.test", "Agent OFMIN", authorities, Role.AUTHORITY);
        users.setAuthority(police.id(), "ofmin");

        String first = submit("""
                {"reporter":{"role":"parent"},"child":{"age":12,"country":"FR"},"platform":"Snapchat",
                 "immediateDanger":false,
                 "suspectAccounts":[{"platform":"snapchat","handle":"@Case_Pdf_88"},{"platform":"TikTok","handle":"cp88"}],
                 "messages":[{"from":"suspect","sender":"王伟","text":"%s"},
                             {"from":"suspect","sender":"さくら","text":"%s"},
                             {"from":"suspect","sender":"민준","text":"%s"},
                             {"from":"suspect","sender":"سامي","text":"%s"},
                             {"from":"suspect","sender":"Пётр","text":"%s"}],
                 "description":"Messages en plusieurs langues."}""".formatted(CHINESE, JAPANESE, KOREAN, ARABIC, CYRILLIC));
        String second = submit("""
                {"reporter":{"role":"other"},"child":{"age":14,"country":"BE"},
                 "suspectAccounts":[{"url":"https://www.snapchat.com/add/case_pdf_88"}],
                 "description":"Même compte, autre enfant."}""");
        awaitAnalysis(first);
        awaitAnalysis(second);

        String a = users.issueToken(analyst.id());
        String number = postForm(
                        "/staff/cases", a, "title=" + enc("Compte case_pdf_88") + "&receipts=" + first + "+" + second)
                .headers()
                .firstValue("Location")
                .orElseThrow()
                .replaceAll(".*/staff/cases/", "");
        assertThat(postForm(
                                "/staff/cases/" + number + "/notes",
                                a,
                                "forAuthority=true&body=" + enc("La mère a porté plainte le 13/11 à Lyon."))
                        .statusCode())
                .isEqualTo(302);
        assertThat(postForm("/staff/cases/" + number + "/notes", a, "body=" + enc("Interne : rappeler la mère lundi."))
                        .statusCode())
                .isEqualTo(302);
        postForm("/staff/cases/" + number + "/status", a, "status=investigating");
        postForm("/staff/cases/" + number + "/status", a, "status=ready_for_review");
        assertThat(postForm("/staff/cases/" + number + "/status", users.issueToken(approver.id()), "status=approved")
                        .statusCode())
                .isEqualTo(302);
        assertThat(postForm("/staff/cases/" + number + "/referral", users.issueToken(referrer.id()), "")
                        .statusCode())
                .isEqualTo(302);
        UUID referral = jdbc.sql("select f.id from referral f join filet_case c on c.id = f.case_id where c.number = ?")
                .param(number)
                .query(UUID.class)
                .single();

        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(uri("/authority/referrals/" + referral + "/package"))
                        .header("Authorization", "Bearer " + users.issueToken(police.id()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        Path zip = Files.write(dir.resolve("case.zip"), response.body());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = VerifyCommand.mainWithoutExit(zip.toString());
        } finally {
            System.setOut(saved);
        }
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();

        Map<String, byte[]> entries = unzip(zip);
        JsonNode manifest = JSON.readTree(new String(entries.get("manifest.json"), StandardCharsets.UTF_8));
        JsonNode listed = null;
        for (JsonNode f : manifest.get("files")) {
            if (f.get("path").asString().equals("case.pdf")) {
                listed = f;
            }
        }
        assertThat(listed).as("case.pdf is in the manifest: %s", manifest).isNotNull();
        assertThat(listed.get("role").asString()).isEqualTo("document");
        assertThat(listed.get("media_type").asString()).isEqualTo("application/pdf");
        assertThat(listed.get("size").asLong()).isEqualTo(entries.get("case.pdf").length);

        Path casePdf = Files.write(dir.resolve("case.pdf"), entries.get("case.pdf"));
        keep(casePdf);
        String text = String.join(" ", Pdftotext.text(casePdf).split("\\s+"));
        String firstPdf = "report-" + first.toLowerCase(java.util.Locale.ROOT) + ".pdf";
        String secondPdf = "report-" + second.toLowerCase(java.util.Locale.ROOT) + ".pdf";
        assertThat(text)
                .contains(
                        "Dossier transmis sous scellé",
                        "Dossier : " + number,
                        "Intitulé : Compte case_pdf_88",
                        "Statut : transmis",
                        "Sujet : case:" + number);
        assertThat(text)
                .contains(
                        "Ouvert par : Nadia Benali (analyste)",
                        "Version 1 approuvée par Hugo Lefèvre (responsable)",
                        "2 signalement(s)",
                        "transmise le");
        assertThat(text)
                .contains(
                        "Autorité destinataire : Office mineurs (OFMIN), Police nationale (ofmin)",
                        "Transmis par : Inès Moreau (responsable)",
                        "État de la transmission : envoyé");
        assertThat(text)
                .contains(
                        "Signalement " + first,
                        "Signalement " + second,
                        "Danger immédiat (réponse du déclarant) : non",
                        "Âge de l'enfant : 12 ans",
                        "Âge de l'enfant : 14 ans",
                        "Pays de l'enfant : FR",
                        "Pays de l'enfant : BE",
                        "Plateformes : Snapchat, TikTok",
                        "Ce score ordonne le travail de l'équipe ; il n'accuse personne.",
                        "Messages : 5 dans le formulaire");
        assertThat(text).contains("Urgence selon le tri : ");
        assertThat(text)
                .contains(
                        firstPdf + " · chronologie des messages, tri, fichiers et traçabilité",
                        secondPdf,
                        "case-" + first.toLowerCase(java.util.Locale.ROOT) + ".jsonld · graphe CASE/UCO",
                        "derived/");
        assertThat(text)
                .contains("Pourquoi ces signalements sont liés", "identifiant partagé (account)")
                .containsIgnoringCase("case_pdf_88");
        assertThat(text).contains("La mère a porté plainte le 13/11 à Lyon.").doesNotContain("rappeler la mère");
        assertThat(text).doesNotContain("user:" + approver.id(), "user:" + referrer.id(), "user:" + analyst.id());
        assertThat(entries).containsKeys(firstPdf, secondPdf);

        Path reportPdf = Files.write(dir.resolve("report.pdf"), entries.get(firstPdf));
        String report = String.join(" ", Pdftotext.text(reportPdf).split("\\s+"));
        assertThat(report).contains(CHINESE, "王伟", JAPANESE, "さくら", KOREAN, "민준", CYRILLIC, "Пётр");
        assertThat(report).contains("مرحبا", "كيف", "حالك", "سامي");
        System.out.println("case package " + number + ": " + response.body().length + " bytes; case.pdf "
                + entries.get("case.pdf").length + " bytes; " + firstPdf + " (CJK, Arabic, Cyrillic) "
                + entries.get(firstPdf).length + " bytes; " + secondPdf + " (Latin only) "
                + entries.get(secondPdf).length
                + " bytes");
    }

    /** Leaves the case PDF in target/ so a person can look at it. */
    private static void keep(Path pdf) throws Exception {
        Path target = Path.of("target", "case-package-it");
        Files.createDirectories(target);
        Files.copy(pdf, target.resolve("case.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private StaffUser user(String email, String name, UUID org, Role role) {
        return users.findByEmail(email).orElseGet(() -> Vetted.vet(vetting, users.create(org, email, name, role)));
    }

    private String submit(String json) throws Exception {
        HttpResponse<String> created = postJson("/api/v1/reports", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("receipt").asString();
    }

    /** Waits until the report's identifiers are extracted (links) and it is triaged. */
    private void awaitAnalysis(String receipt) throws InterruptedException {
        UUID id = jdbc.sql("select id from report where receipt = ?")
                .param(receipt)
                .query(UUID.class)
                .single();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            boolean identifiers = jdbc.sql("select count(*) from job where kind = 'identifiers-due' and subject = ? "
                                    + "and done_at is not null")
                            .param(id.toString())
                            .query(Long.class)
                            .single()
                    > 0;
            boolean triaged = jdbc.sql("select count(*) from report_triage where report_id = ?")
                            .param(id)
                            .query(Long.class)
                            .single()
                    > 0;
            if (identifiers && triaged) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("report " + receipt + " was not analysed within 120 s");
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

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
