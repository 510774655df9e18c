package org.filet.server.evidence.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.filet.server.evidence.documents.ExportSummary.FileItem;
import org.filet.server.evidence.documents.ExportSummary.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportPdfTest {

    @Test
    void showsTheReceiptAndEveryFilesFullSha256() throws IOException {
        Summaries summaries = new Summaries();
        String text = text(PackageDocuments.reportPdf(summaries.build()));

        assertThat(text).contains("R-7KQ2-TEST").contains("Association Exemple").contains("filet-test-1");
        for (FileItem file : summaries.files) {
            assertThat(text).contains(file.sha256()).contains(file.path());
        }
        assertThat(text).contains("dérivé de " + summaries.files.get(0).sha256());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"fr", "FR", "de"})
    void frenchLabelsForFrenchAndByDefault(String language) throws IOException {
        Summaries summaries = new Summaries();
        summaries.language = language;
        String text = text(PackageDocuments.reportPdf(summaries.build()));

        assertThat(text)
                .contains(
                        "Signalement transmis sous scellé",
                        "Accusé de réception : R-7KQ2-TEST",
                        "Danger immédiat (réponse du déclarant) : OUI",
                        "Âge de l'enfant : 12 ans",
                        "Chronologie des messages",
                        "Chaîne de traçabilité",
                        "vérifier avec : java -jar filet-verify.jar package.zip");
        assertThat(text).doesNotContain("Receipt", "Message timeline", "verify with:");
    }

    @Test
    void englishLabelsForEnglish() throws IOException {
        Summaries summaries = new Summaries();
        summaries.language = "en";
        summaries.immediateDanger = false;
        String text = text(PackageDocuments.reportPdf(summaries.build()));

        assertThat(text)
                .contains(
                        "Sealed report",
                        "Receipt: R-7KQ2-TEST",
                        "Immediate danger (reporter's answer): no",
                        "Child's age: 12 years",
                        "Message timeline",
                        "Chain of custody",
                        "verify with: java -jar filet-verify.jar package.zip");
        assertThat(text).doesNotContain("Accusé de réception", "Chronologie", "vérifier avec");
    }

    @Test
    void timesAreGivenInUtcAndParisTime() throws IOException {
        String text = text(PackageDocuments.reportPdf(new Summaries().build()));

        assertThat(text).contains("Reçu le : 2026-03-12 20:14:03 UTC (2026-03-12 21:14:03 heure de Paris)");
        assertThat(text).contains("Exporté le : 2026-03-14 09:30:00 UTC (2026-03-14 10:30:00 heure de Paris)");
    }

    @Test
    void showsMessagesAccountsContactsCustodyAndTree() throws IOException {
        Summaries summaries = new Summaries();
        String text = text(PackageDocuments.reportPdf(summaries.build()));

        assertThat(text).contains("#1", "12/03 21:02", "leo_2009", "t'as quel âge ?", "enfant", "Lina");
        assertThat(text).contains("don't tell your parents, send me a pic");
        assertThat(text).contains("Snapchat", "https://www.snapchat.com/add/leo_2009", "leo.off");
        assertThat(text).contains("téléphone : +33612345678", "courriel : leo@example.org");
        assertThat(text).contains("feuille 9", "derived", "analyst:a.martin", "floutage pour l'équipe");
        String output = summaries.custody.get(1).outputs().get(0);
        assertThat(text).contains(output.substring(0, 12) + "\u2026");
        assertThat(text).contains("Taille de l'arbre : 42").contains(summaries.rootHash);
    }

    @Test
    void everyPageHasAFooterWithSubjectPageNumberAndVerifyCommand() throws IOException {
        Summaries summaries = new Summaries();
        summaries.description = words(900);
        try (PDDocument document = Loader.loadPDF(PackageDocuments.reportPdf(summaries.build()))) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            for (int n = 1; n <= pages; n++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(n);
                stripper.setEndPage(n);
                assertThat(stripper.getText(document))
                        .contains(
                                "Sujet : report:R-7KQ2-TEST",
                                "page " + n + "/" + pages,
                                "java -jar filet-verify.jar package.zip");
            }
        }
    }

    @Test
    void longDescriptionAndMessageSpanPagesWithoutLoss() throws IOException {
        Summaries summaries = new Summaries();
        summaries.description = words(1500);
        summaries.messages.add(
                new Message(4, "12/03 22:00", "suspect", "leo_2009", words(400).replace('w', 'm')));
        byte[] pdf = PackageDocuments.reportPdf(summaries.build());
        String text = text(pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
        }
        assertThat(tokens(text, "w")).isEqualTo(tokens(summaries.description, "w"));
        assertThat(tokens(text, "m")).hasSize(400);
    }

    @Test
    void unbrokenTextIsCutAcrossLinesWithoutLoss() throws IOException {
        Summaries summaries = new Summaries();
        String longWord = "abcdefghij".repeat(60);
        summaries.description = longWord;
        String text = text(PackageDocuments.reportPdf(summaries.build()));

        assertThat(text.replaceAll("\\s", "")).contains(longWord);
    }

    @Test
    void hostileTextRendersWithoutThrowing() throws IOException {
        Summaries summaries = new Summaries();
        String hostile = "<script>alert(1)</script> \u0000\u0007\u001b[31m \uD83D\uDE00 \u0645\u0631\u062D\u0628\u0627 "
                + "\u4F60\u597D \u202Eabc\u202C \uD800 tab\there \u00e9t\u00e9 \u20ac";
        summaries.description = hostile;
        summaries.subject = "report:\uD83D\uDE00\u0000";
        summaries.organisation = hostile;
        summaries.messages.add(new Message(4, hostile, hostile, hostile, hostile + "\r\nline two\rline three"));
        summaries.accounts.add(new ExportSummary.Account(hostile, hostile, hostile, hostile));
        summaries.files.add(new FileItem(hostile, Summaries.sha("x"), 1, hostile, hostile, null, hostile, hostile));

        byte[] pdf = PackageDocuments.reportPdf(summaries.build());
        String text = text(pdf);

        assertThat(text).contains("<script>alert(1)</script>", "été €", "line two", "line three", "tab here");
        assertThat(text)
                .contains("</script> \uFFFD\uFFFD\uFFFD[31m \uD83D\uDE00 \u0645\u0631\u062D\u0628\u0627 \u4F60\u597D "
                        + "\uFFFDabc\uFFFD \uFFFD tab here");
        assertThat(text).contains("Sujet : report:\uD83D\uDE00\uFFFD");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getSubject()).isEqualTo(summaries.subject);
        }
    }

    @Test
    void accentsCyrillicAndArabicComeOutOfPdftotext(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Summaries summaries = new Summaries();
        summaries.messages.add(new Message(5, "13/03 08:00", "suspect", "Пётр", "Привет, сколько тебе лет?"));
        summaries.messages.add(new Message(6, "13/03 08:01", "suspect", "سامي", "مرحبا كيف حالك"));
        summaries.messages.add(new Message(7, "13/03 08:02", "child", "Zoë", "Ça va, où es-tu ? Größe 12"));
        java.nio.file.Path pdf =
                java.nio.file.Files.write(dir.resolve("report.pdf"), PackageDocuments.reportPdf(summaries.build()));

        String text = Pdftotext.text(pdf);

        assertThat(text).contains("Привет, сколько тебе лет?", "Пётр", "Ça va, où es-tu ? Größe 12", "Zoë");
        assertThat(text).contains("مرحبا", "كيف", "حالك", "سامي");
        assertThat(text).doesNotContain("??????");
    }

    @Test
    void chineseJapaneseKoreanArabicAndCyrillicComeOutOfPdftotext(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Summaries summaries = new Summaries();
        byte[] latinOnly = PackageDocuments.reportPdf(summaries.build());
        summaries.messages.add(new Message(5, "13/03 08:00", "suspect", "王伟", "你好，你今年几岁？"));
        summaries.messages.add(new Message(6, "13/03 08:01", "suspect", "さくら", "こんにちは、どこに住んでいますか？"));
        summaries.messages.add(new Message(7, "13/03 08:02", "suspect", "민준", "안녕하세요 몇 살이에요"));
        summaries.messages.add(new Message(8, "13/03 08:03", "suspect", "سامي", "مرحبا كيف حالك"));
        summaries.messages.add(new Message(9, "13/03 08:04", "suspect", "Пётр", "Привет, сколько тебе лет?"));
        summaries.messages.add(new Message(10, "13/03 08:05", "child", "Lina", "mixte 你好 Привет 안녕 fin"));
        summaries.messages.add(
                new Message(11, "13/03 08:06", "child", "Lina", "aucune police : \uDB80\uDC00 \u0378 fin"));
        byte[] pdf = PackageDocuments.reportPdf(summaries.build());
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("report.pdf"), pdf);

        String text = Pdftotext.text(file);

        assertThat(text)
                .contains(
                        "你好，你今年几岁？",
                        "王伟",
                        "こんにちは、どこに住んでいますか？",
                        "さくら",
                        "안녕하세요 몇 살이에요",
                        "민준",
                        "Привет, сколько тебе лет?",
                        "Пётр",
                        "mixte 你好 Привет 안녕 fin");
        assertThat(text).contains("مرحبا", "كيف", "حالك", "سامي");
        assertThat(text).contains("aucune police : \uFFFD \uFFFD fin");
        assertThat(text)
                .as("no ligature glyphs: a copied path or command reads as written")
                .contains("files/0001-capture.png", "java -jar filet-verify.jar")
                .doesNotContain("\uFB01", "\uFB00");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            java.util.Set<String> fonts = new java.util.TreeSet<>();
            for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                    org.apache.pdfbox.pdmodel.font.PDFont font =
                            page.getResources().getFont(name);
                    fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
                    assertThat(font.getName()).as("embedded as a subset").matches("[A-Z]{6}\\+.*");
                    assertThat(font.isEmbedded()).isTrue();
                }
            }
            assertThat(fonts).contains("DejaVuSans", "WenQuanYiMicroHei");
        }
        try (PDDocument document = Loader.loadPDF(latinOnly)) {
            for (org.apache.pdfbox.cos.COSName name :
                    document.getPage(0).getResources().getFontNames()) {
                assertThat(document.getPage(0).getResources().getFont(name).getName())
                        .doesNotContain("WenQuanYi");
            }
        }
        System.out.println("report.pdf: " + latinOnly.length + " bytes in Latin only, " + pdf.length
                + " bytes with CJK, Arabic and Cyrillic messages (+" + (pdf.length - latinOnly.length) + ")");
    }

    @Test
    void showsEverySourceOfMessagesTheTriageTheNotesTheLinksAndStaffByName() throws IOException {
        Summaries summaries = new Summaries();
        summaries.immediateDanger = false;
        String export = Summaries.sha("chat.txt");
        String parse = Summaries.sha("parse");
        String shot = Summaries.sha("shot.png");
        String ocr = Summaries.sha("ocr");
        ExportSummary.Additions a = summaries.additions;
        a.timeline(new ExportSummary.Timeline(
                "export",
                parse + "#0",
                "chat.txt (whatsapp/android-fr)",
                export,
                parse,
                false,
                List.of(
                        new ExportSummary.TimelineMessage(0, "12/03/2026 21:04", "Léo", "t'habites où exactement ?"),
                        new ExportSummary.TimelineMessage(1, "12/03/2026 21:05", "Lina", "pourquoi ?")),
                3));
        a.timeline(new ExportSummary.Timeline(
                "ocr",
                null,
                "capture.png",
                shot,
                ocr,
                true,
                List.of(new ExportSummary.TimelineMessage(0, null, "left", "on se voit samedi au parc")),
                0));
        a.triage(new ExportSummary.Triage(
                "urgent",
                0.91,
                true,
                List.of("location-asked"),
                summaries.exportedAt,
                "component:triage@0.1.0",
                List.of(
                        new ExportSummary.Signal(parse + "#0", "location_asked", false, List.of(0)),
                        new ExportSummary.Signal(parse + "#0", "location-asked", true, List.of(0))),
                List.of(new ExportSummary.Override("user:42", summaries.exportedAt, "high", "vérifié au téléphone"))));
        a.note(new ExportSummary.Note(
                "C-2026-0001", "user:42", summaries.exportedAt, "Le père a porté plainte le 13/03."));
        a.link(new ExportSummary.Link("R-OTHER-0001", "identifier", "phone", "+33612345678"));
        a.person("user:42", "Alice Martin", "lead");
        summaries.custody.add(new ExportSummary.CustodyItem(
                13, "viewed", "user:42", summaries.exportedAt, List.of(), List.of(), "lecture"));
        String text = String.join(
                " ", text(PackageDocuments.reportPdf(summaries.build())).split("\\s+"));

        assertThat(text)
                .contains(
                        "Danger immédiat (réponse du déclarant) : non",
                        "Urgence selon le tri : URGENT (Adresse ou position de l'enfant demandée)");
        assertThat(text).contains("Ce score ordonne le travail de l'équipe ; il n'accuse personne.");
        assertThat(text)
                .contains(
                        "demande où est l'enfant · dans Export de conversation chat.txt (whatsapp/android-fr) : messages #0");
        assertThat(text).as("triage codes are said in words").doesNotContain("location-asked", "location_asked");
        assertThat(text)
                .as("who reported and the custody actions in words, as the pages say them")
                .contains("Signalé par : un parent", "· reçu · intake", "· consulté · Alice Martin (responsable)");
        assertThat(text)
                .contains(
                        "Export de conversation : chat.txt (whatsapp/android-fr)",
                        "lu depuis l'original " + export,
                        "transcription derived/" + parse,
                        "#0 · 12/03/2026 21:04 · Léo · signaux : demande où est l'enfant, URGENT: Adresse ou position de l'enfant demandée",
                        "t'habites où exactement ?",
                        "pourquoi ?",
                        "3 messages de plus, tous dans"); // then derived/<parse>, after a page break here
        assertThat(text)
                .contains(
                        "Lecture automatique (OCR) d'une capture d'écran : capture.png",
                        "LECTURE MACHINE : texte lu par OCR",
                        "#0 · bulle à gauche",
                        "on se voit samedi au parc");
        assertThat(text)
                .contains("Dossier C-2026-0001", "Alice Martin (responsable)", "Le père a porté plainte le 13/03.");
        assertThat(text)
                .contains(
                        "Pourquoi ces signalements sont liés",
                        "avec R-OTHER-0001 · identifiant partagé (phone) : +33612345678");
        assertThat(text).contains("Priorité changée en high par Alice Martin (responsable)", "vérifié au téléphone");
        assertThat(text).contains("consulté · Alice Martin (responsable)").doesNotContain("user:42");
    }

    @Test
    void aLongTimelinePaginatesAndSaysWhatWasLeftOut() throws IOException {
        Summaries summaries = new Summaries();
        List<ExportSummary.TimelineMessage> messages = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            messages.add(new ExportSummary.TimelineMessage(
                    i,
                    "12/03/2026 21:" + (i % 60),
                    i % 2 == 0 ? "Léo" : "Lina",
                    "message numéro " + i + " : tu fais quoi ce soir ?"));
        }
        String parse = Summaries.sha("long parse");
        summaries.additions.timeline(new ExportSummary.Timeline(
                "export",
                parse + "#0",
                "long.txt (whatsapp/ios)",
                Summaries.sha("long.txt"),
                parse,
                false,
                messages,
                500));
        long started = System.nanoTime();
        byte[] pdf = PackageDocuments.reportPdf(summaries.build());
        long millis = (System.nanoTime() - started) / 1_000_000;

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(60);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("message numéro 0 :", "message numéro 1999 :");
            assertThat(text.replaceAll("\\s", "")).contains("500messagesdeplus,tousdansderived/" + parse);
            assertThat(text).contains("page " + document.getNumberOfPages() + "/" + document.getNumberOfPages());
        }
        System.out.println("report.pdf with 2000 timeline messages: " + pdf.length + " bytes in " + millis + " ms");
    }

    @Test
    void identicalInputGivesIdenticalBytes() {
        byte[] first = PackageDocuments.reportPdf(new Summaries().build());
        byte[] second = PackageDocuments.reportPdf(new Summaries().build());
        Summaries later = new Summaries();
        later.exportedAt = later.exportedAt.plusSeconds(1);

        assertThat(second).isEqualTo(first);
        assertThat(PackageDocuments.reportPdf(later.build())).isNotEqualTo(first);
    }

    @Test
    void metadataComesFromTheSummary() throws IOException {
        Summaries summaries = new Summaries();
        try (PDDocument document = Loader.loadPDF(PackageDocuments.reportPdf(summaries.build()))) {
            PDDocumentInformation info = document.getDocumentInformation();
            assertThat(info.getTitle()).contains("R-7KQ2-TEST");
            assertThat(info.getSubject()).isEqualTo("report:R-7KQ2-TEST");
            assertThat(info.getCreationDate().toInstant()).isEqualTo(summaries.exportedAt);
            assertThat(info.getModificationDate().toInstant()).isEqualTo(summaries.exportedAt);
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("fr");
        }
    }

    @Test
    void emptyAndMissingValuesAreShownAsNotGiven() throws IOException {
        Summaries summaries = new Summaries();
        summaries.childAge = null;
        summaries.platform = null;
        summaries.description = null;
        summaries.receivedAt = null;
        summaries.messages.clear();
        summaries.accounts.clear();
        summaries.contacts.clear();
        summaries.files.clear();
        summaries.custody.clear();
        String text = text(PackageDocuments.reportPdf(summaries.build()));

        assertThat(text)
                .contains(
                        "Âge de l'enfant : non renseigné",
                        "Plateforme : non renseigné",
                        "Aucun message rapporté.",
                        "Aucun compte ni contact rapporté.",
                        "Aucun fichier.",
                        "Aucune entrée.");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String words(int count) {
        StringBuilder text = new StringBuilder("Début. ");
        for (int i = 1; i <= count; i++) {
            text.append(String.format("w%04d ", i));
            if (i % 150 == 0) {
                text.append("\n");
            }
        }
        return text.toString().trim();
    }

    private static List<String> tokens(String text, String prefix) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\b" + prefix + "\\d{4}\\b").matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
