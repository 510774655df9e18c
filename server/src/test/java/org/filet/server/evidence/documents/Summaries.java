package org.filet.server.evidence.documents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.filet.server.evidence.documents.ExportSummary.Account;
import org.filet.server.evidence.documents.ExportSummary.Contact;
import org.filet.server.evidence.documents.ExportSummary.CustodyItem;
import org.filet.server.evidence.documents.ExportSummary.FileItem;
import org.filet.server.evidence.documents.ExportSummary.Message;
import org.filet.verify.Sha256;

/** A small, ordinary report to build documents from; each test changes what it is about. */
final class Summaries {

    String instance = "filet-test-1";
    String organisation = "Association Exemple";
    String language = "fr";
    String subject = "report:R-7KQ2-TEST";
    String receipt = "R-7KQ2-TEST";
    Instant receivedAt = Instant.parse("2026-03-12T20:14:03Z");
    Instant exportedAt = Instant.parse("2026-03-14T09:30:00Z");
    String channel = "web";
    String reporterRole = "parent";
    Integer childAge = 12;
    String childCountry = "FR";
    String platform = "Snapchat";
    String description = "Ma fille a reçu des messages insistants d'un inconnu.";
    boolean immediateDanger = true;
    List<Message> messages = new ArrayList<>(List.of(
            new Message(1, "12/03 21:02", "suspect", "leo_2009", "t'as quel âge ?"),
            new Message(2, "12/03 21:03", "child", "Lina", "12 ans"),
            new Message(
                    3, "2026-03-12T21:05:00+01:00", "suspect", "leo_2009", "don't tell your parents, send me a pic")));
    List<Account> accounts = new ArrayList<>(List.of(
            new Account("Snapchat", "leo_2009", "https://www.snapchat.com/add/leo_2009", "Léo"),
            new Account("Instagram", "leo.off", null, null)));
    List<Contact> contacts =
            new ArrayList<>(List.of(new Contact("phone", "+33612345678"), new Contact("email", "leo@example.org")));
    List<FileItem> files = new ArrayList<>();
    List<CustodyItem> custody = new ArrayList<>();
    long treeSize = 42;
    String rootHash = sha("tree root");

    Summaries() {
        String screenshot = sha("screenshot one");
        String redacted = sha("screenshot one, blurred");
        String transcript = sha("transcript");
        files.add(new FileItem(
                "files/0001-capture.png",
                screenshot,
                48_213,
                "image/png",
                "capture écran.png",
                receivedAt,
                "original",
                null));
        files.add(new FileItem(
                "files/0002-transcript.txt",
                transcript,
                1_024,
                "text/plain",
                "messages.txt",
                receivedAt,
                "original",
                null));
        files.add(new FileItem(
                "derived/0001-capture-blurred.png", redacted, 40_001, "image/png", null, null, "derived", screenshot));
        custody.add(
                new CustodyItem(7, "received", "intake", receivedAt, List.of(), List.of(screenshot, transcript), null));
        custody.add(new CustodyItem(
                9,
                "derived",
                "analyst:a.martin",
                Instant.parse("2026-03-13T08:00:00Z"),
                List.of(screenshot),
                List.of(redacted),
                "floutage pour l'équipe"));
        custody.add(new CustodyItem(
                12,
                "exported",
                "analyst:a.martin",
                exportedAt,
                List.of(screenshot, transcript, redacted),
                List.of(sha("package zip")),
                null));
    }

    static String sha(String content) {
        return Sha256.hex(content.getBytes(StandardCharsets.UTF_8));
    }

    ExportSummary.Additions additions = new ExportSummary.Additions();

    ExportSummary build() {
        return new ExportSummary(
                instance,
                organisation,
                language,
                subject,
                receipt,
                receivedAt,
                exportedAt,
                channel,
                reporterRole,
                childAge,
                childCountry,
                platform,
                description,
                immediateDanger,
                messages,
                accounts,
                contacts,
                files,
                custody,
                treeSize,
                rootHash,
                additions);
    }
}
