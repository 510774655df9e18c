package org.filet.server.evidence.documents;

import java.time.Instant;
import java.util.List;

/**
 * What a sealed package says about one report, for its human-readable documents ({@code report.pdf}) and its CASE/UCO
 * JSON-LD ({@code case.jsonld}). Plain data, filled by the exporter from the report, its files and its custody record.
 *
 * @param instance     the Filet instance id that exports
 * @param organisation the organisation's name
 * @param language     {@code fr} or {@code en}: the organisation's language, used for the PDF
 * @param subject      the custody subject, e.g. {@code report:R-7KQ2-…}
 * @param exportedAt   when the package is produced
 * @param treeSize     size of the signed ledger tree the package's proofs lead to
 * @param rootHash     that tree's root, hex
 */
public record ExportSummary(String instance, String organisation, String language, String subject, String receipt,
                            Instant receivedAt, Instant exportedAt, String channel, String reporterRole,
                            Integer childAge, String childCountry, String platform, String description,
                            boolean immediateDanger, List<Message> messages, List<Account> accounts,
                            List<Contact> contacts, List<FileItem> files, List<CustodyItem> custody, long treeSize,
                            String rootHash) {

    public ExportSummary {
        messages = List.copyOf(messages);
        accounts = List.copyOf(accounts);
        contacts = List.copyOf(contacts);
        files = List.copyOf(files);
        custody = List.copyOf(custody);
    }

    /** A message as reported: when (as written), from (suspect, child, other or null), sender name, text. */
    public record Message(int position, String at, String from, String sender, String text) {
    }

    /** A suspect account as reported. */
    public record Account(String platform, String handle, String url, String displayName) {
    }

    /** A phone number or email of the suspect ({@code kind} is {@code phone} or {@code email}). */
    public record Contact(String kind, String value) {
    }

    /**
     * A file in the package: {@code path} inside the ZIP, {@code role} is {@code original} or {@code derived},
     * {@code derivedFrom} the SHA-256 of its source for derived files (else null).
     */
    public record FileItem(String path, String sha256, long size, String mediaType, String originalName,
                           Instant receivedAt, String role, String derivedFrom) {
    }

    /**
     * One custody ledger entry about the report: its leaf index in the ledger, what was done, by whom, when, from
     * which inputs to which outputs (SHA-256), and why where given.
     */
    public record CustodyItem(long leafIndex, String action, String actor, Instant time, List<String> inputs,
                              List<String> outputs, String reason) {
        public CustodyItem {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }
    }
}
