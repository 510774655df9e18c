package org.filet.server.evidence.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CasePdfTest {

    private static final Instant APPROVED = Instant.parse("2026-03-13T10:00:00Z");
    private static final Instant REFERRED = Instant.parse("2026-03-13T11:00:00Z");

    @TempDir
    Path dir;

    @Test
    void showsTheCaseItsApprovalsItsReferralEveryReportItsLinksAndItsChosenNotesInFrench() throws Exception {
        String text = pdftotext(PackageDocuments.casePdf(caseOf("fr", true)));

        assertThat(text)
                .contains(
                        "Dossier transmis sous scellé",
                        "Dossier : C-TEST01",
                        "Intitulé : Compte leo_2009",
                        "Statut : transmis",
                        "Sujet : case:C-TEST01",
                        "Signalements du dossier : 2");
        assertThat(text)
                .contains(
                        "Ouvert par : Nadia Benali (analyste)",
                        "Version 1 approuvée par Hugo Lefèvre (responsable) le 2026-03-13 10:00:00 UTC",
                        "transmise le 2026-03-13 11:00:00 UTC",
                        "Version 2 approuvée par Hugo Lefèvre (responsable)",
                        "pas transmise",
                        "empreinte SHA-256 du contenu approuvé : " + Summaries.sha("snapshot 1"));
        assertThat(text)
                .contains(
                        "Autorité destinataire : Office mineurs (ofmin)",
                        "Transmis par : Inès Moreau (responsable) le 2026-03-13 11:00:00 UTC",
                        "État de la transmission : envoyé",
                        "Autorité proposée par l'annuaire : pharos",
                        "Motif du choix d'une autre autorité : enfant en danger");
        assertThat(text)
                .contains(
                        "Signalement R-7KQ2-TEST",
                        "Signalement R-OTHER-0001",
                        "Danger immédiat (réponse du déclarant) : OUI",
                        "Danger immédiat (réponse du déclarant) : non",
                        "Urgence selon le tri : URGENT (address-asked)",
                        "Urgence selon le tri : pas encore trié",
                        "Âge de l'enfant : 12 ans",
                        "Pays de l'enfant : FR",
                        "Plateformes : Snapchat, Instagram",
                        "Niveau : URGENT",
                        "Motifs d'urgence : address-asked",
                        "Ce score ordonne le travail de l'équipe ; il n'accuse personne.",
                        "Messages : 3 dans le formulaire, 5 dans des exports de conversation, 1 lus par OCR");
        assertThat(text)
                .contains(
                        "report-r-7kq2-test.pdf · chronologie des messages, tri, fichiers et traçabilité",
                        "case-r-7kq2-test.jsonld · graphe CASE/UCO",
                        "report-r-other-0001.pdf",
                        "derived/0001-capture-blurred.png");
        assertThat(text).contains("R-7KQ2-TEST avec R-OTHER-0001 · identifiant partagé (phone) : +33612345678");
        assertThat(count(text, "identifiant partagé (phone)"))
                .as("a link recorded from both reports is shown once")
                .isEqualTo(1);
        assertThat(text).contains("Le père a porté plainte le 13/03.", "Alice Martin (responsable)");
        assertThat(count(text, "Le père a porté plainte le 13/03."))
                .as("a note both reports carry is shown once")
                .isEqualTo(1);
        assertThat(text).as("a note of another case stays out").doesNotContain("autre dossier");
        assertThat(text).doesNotContain("user:");
        assertThat(text).contains("page 1/", "vérifier avec : java -jar filet-verify.jar package.zip");
    }

    @Test
    void inEnglishForAnEnglishOrganisationAndSaysWhatIsMissing() throws Exception {
        CaseSummary english = caseOf("en", false);
        String text = pdftotext(PackageDocuments.casePdf(new CaseSummary(
                english.instance(),
                english.organisation(),
                "en",
                english.subject(),
                english.number(),
                english.exportedAt(),
                new CaseSummary.Facts(),
                english.reports())));

        assertThat(text)
                .contains(
                        "Sealed case",
                        "Case: C-TEST01",
                        "Title: not given",
                        "Status: not given",
                        "Approval (four eyes) and referral",
                        "No approval recorded.",
                        "Not referred yet.",
                        "Reports of the case",
                        "Immediate danger (reporter's answer): YES",
                        "This score orders the team's work; it accuses no one.",
                        "Why these reports are linked",
                        "Notes from the organisation for the authority",
                        "verify with: java -jar filet-verify.jar package.zip");
        assertThat(text).doesNotContain("Dossier transmis", "Intitulé", "vérifier avec");
    }

    @Test
    void identicalInputGivesIdenticalBytes() {
        byte[] first = PackageDocuments.casePdf(caseOf("fr", true));

        assertThat(PackageDocuments.casePdf(caseOf("fr", true))).isEqualTo(first);
        assertThat(PackageDocuments.casePdf(caseOf("fr", false))).isNotEqualTo(first);
    }

    @Test
    void hostileAndNonLatinTextRendersAndExtracts() throws Exception {
        CaseSummary base = caseOf("fr", true);
        CaseSummary.Facts facts = new CaseSummary.Facts();
        facts.caseItself("你好 안녕 \u0000\u202E مرحبا Привет", "referred", "user:1");
        CaseSummary hostile = new CaseSummary(
                base.instance(),
                "<b>\uD800</b>",
                "fr",
                base.subject(),
                base.number(),
                base.exportedAt(),
                facts,
                base.reports());

        String text = pdftotext(PackageDocuments.casePdf(hostile));

        assertThat(text)
                .contains("Intitulé : 你好 안녕 \uFFFD\uFFFD", "Привет", "مرحبا", "<b>\uFFFD</b>", "Ouvert par : user:1");
    }

    private static CaseSummary caseOf(String language, boolean referred) {
        Summaries first = new Summaries();
        first.language = language;
        ExportSummary.Additions a = first.additions;
        a.timeline(new ExportSummary.Timeline(
                "export",
                "p#0",
                "chat.txt",
                Summaries.sha("chat"),
                Summaries.sha("p"),
                false,
                List.of(
                        new ExportSummary.TimelineMessage(0, null, "Léo", "salut"),
                        new ExportSummary.TimelineMessage(1, null, "Lina", "ça va")),
                3));
        a.timeline(new ExportSummary.Timeline(
                "ocr",
                null,
                "capture.png",
                Summaries.sha("shot"),
                Summaries.sha("ocr"),
                true,
                List.of(new ExportSummary.TimelineMessage(0, null, "left", "on se voit")),
                0));
        a.triage(new ExportSummary.Triage(
                "urgent",
                0.91,
                true,
                List.of("address-asked"),
                first.exportedAt,
                "component:triage@0.1.0",
                List.of(),
                List.of()));
        ExportSummary.Note note =
                new ExportSummary.Note("C-TEST01", "user:42", first.exportedAt, "Le père a porté plainte le 13/03.");
        a.note(note);
        a.note(new ExportSummary.Note("C-OTHER", "user:42", first.exportedAt, "Note d'un autre dossier."));
        a.link(new ExportSummary.Link("R-OTHER-0001", "identifier", "phone", "+33612345678"));
        a.person("user:42", "Alice Martin", "lead");

        Summaries second = new Summaries();
        second.language = language;
        second.receipt = "R-OTHER-0001";
        second.subject = "report:R-OTHER-0001";
        second.immediateDanger = false;
        second.messages.clear();
        second.additions.note(note);
        second.additions.link(new ExportSummary.Link("R-7KQ2-TEST", "identifier", "phone", "+33612345678"));

        CaseSummary.Facts facts = new CaseSummary.Facts();
        facts.caseItself("Compte leo_2009", "referred", "user:1");
        facts.approval(new CaseSummary.Approval(
                1, "user:2", APPROVED, referred ? REFERRED : null, 2, Summaries.sha("snapshot 1")));
        facts.approval(new CaseSummary.Approval(
                2, "user:2", APPROVED.plusSeconds(7200), null, 3, Summaries.sha("snapshot 2")));
        if (referred) {
            facts.referral(new CaseSummary.Referral(
                    "ofmin", "Office mineurs", "user:3", REFERRED, "sent", null, "pharos", "enfant en danger"));
        }
        facts.person("user:1", "Nadia Benali", "analyst");
        facts.person("user:2", "Hugo Lefèvre", "lead");
        facts.person("user:3", "Inès Moreau", "lead");
        return new CaseSummary(
                "filet-test-1",
                "Association Exemple",
                language,
                "case:C-TEST01",
                "C-TEST01",
                first.exportedAt,
                facts,
                List.of(
                        CaseSummary.ReportInCase.of(first.build(), "report-r-7kq2-test.pdf", "case-r-7kq2-test.jsonld"),
                        CaseSummary.ReportInCase.of(
                                second.build(), "report-r-other-0001.pdf", "case-r-other-0001.jsonld")));
    }

    private String pdftotext(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.write(dir.resolve("case-" + System.nanoTime() + ".pdf"), pdf);
        return String.join(" ", Pdftotext.text(file).split("\\s+"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
