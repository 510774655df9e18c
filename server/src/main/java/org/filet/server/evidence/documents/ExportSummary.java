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
public record ExportSummary(
        String instance,
        String organisation,
        String language,
        String subject,
        String receipt,
        Instant receivedAt,
        Instant exportedAt,
        String channel,
        String reporterRole,
        Integer childAge,
        String childCountry,
        String platform,
        String description,
        boolean immediateDanger,
        List<Message> messages,
        List<Account> accounts,
        List<Contact> contacts,
        List<FileItem> files,
        List<CustodyItem> custody,
        long treeSize,
        String rootHash,
        Additions additions) {

    public ExportSummary {
        messages = List.copyOf(messages);
        accounts = List.copyOf(accounts);
        contacts = List.copyOf(contacts);
        files = List.copyOf(files);
        custody = List.copyOf(custody);
        additions = additions == null ? new Additions() : additions;
    }

    /** A summary with nothing beyond the report itself (no parsed exports, OCR, triage, notes, links or names). */
    public ExportSummary(
            String instance,
            String organisation,
            String language,
            String subject,
            String receipt,
            Instant receivedAt,
            Instant exportedAt,
            String channel,
            String reporterRole,
            Integer childAge,
            String childCountry,
            String platform,
            String description,
            boolean immediateDanger,
            List<Message> messages,
            List<Account> accounts,
            List<Contact> contacts,
            List<FileItem> files,
            List<CustodyItem> custody,
            long treeSize,
            String rootHash) {
        this(
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
                new Additions());
    }

    /**
     * What the capabilities that hold it add to a report's documents (see {@link PackageContent}): the timelines read
     * from chat exports and screenshots, the triage result, the notes chosen for the authority, why reports are linked,
     * and who the staff in the custody record are. Filled once before rendering; the renderers only read it.
     */
    public static final class Additions {
        private final List<Timeline> timelines = new java.util.ArrayList<>();
        private Triage triage;
        private final List<Note> notes = new java.util.ArrayList<>();
        private final List<Link> links = new java.util.ArrayList<>();
        private final java.util.Map<String, Person> people = new java.util.TreeMap<>();
        private Facts facts;

        /** What the reporter said of the facts: when, the age the suspect claimed, the child's own accounts. */
        public void facts(Facts given) {
            this.facts = given;
        }

        public java.util.Optional<Facts> facts() {
            return java.util.Optional.ofNullable(facts);
        }

        public void timeline(Timeline timeline) {
            timelines.add(timeline);
        }

        /**
         * Keeps only the timelines read from files that are in the package (and those from no file): a report packaged
         * as a second person approved it carries nothing read from a file added since.
         */
        public void keepTimelinesOf(java.util.Set<String> packagedFiles) {
            timelines.removeIf(t -> t.sourceSha256() != null && !packagedFiles.contains(t.sourceSha256()));
        }

        public void triage(Triage result) {
            this.triage = result;
        }

        public void note(Note note) {
            notes.add(note);
        }

        public void link(Link link) {
            links.add(link);
        }

        /** How an actor ({@code user:<id>}) is shown: name and role ({@code analyst}, {@code lead}…). */
        public void person(String actor, String name, String role) {
            people.put(actor, new Person(name, role));
        }

        public List<Timeline> timelines() {
            return List.copyOf(timelines);
        }

        public java.util.Optional<Triage> triage() {
            return java.util.Optional.ofNullable(triage);
        }

        public List<Note> notes() {
            return List.copyOf(notes);
        }

        public List<Link> links() {
            return List.copyOf(links);
        }

        public java.util.Map<String, Person> people() {
            return java.util.Collections.unmodifiableMap(people);
        }

        /** The person behind an actor, when the actor is a known staff member. */
        public java.util.Optional<Person> person(String actor) {
            return actor == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(people.get(actor));
        }
    }

    /**
     * What the reporter said of the facts, each part optional: the date ({@code aboutMonth}: only the month is known),
     * the age the suspect claimed, and the child's own accounts ("platform handle"; never suspect identifiers).
     */
    public record Facts(
            java.time.LocalDate date, boolean aboutMonth, Integer suspectClaimedAge, List<String> childAccounts) {
        public Facts {
            childAccounts = childAccounts == null ? List.of() : List.copyOf(childAccounts);
        }
    }

    /** A staff member as named in the documents: display name and role ({@code analyst}, {@code lead}…). */
    public record Person(String name, String role) {}

    /**
     * Messages read from one source other than the form: a parsed chat export or an OCR reading of a screenshot.
     *
     * @param kind           {@code export} or {@code ocr}
     * @param conversationId the id triage scored it under ({@code <parse sha>#<n>}), or null
     * @param title          what the source is, e.g. the export's original file name and format
     * @param sourceSha256   the original it was read from
     * @param derivedSha256  the derived file holding the reading (in {@code derived/})
     * @param machineReading true for OCR: a machine reading, not the original
     * @param omitted        messages left out of the document (they are all in the derived file)
     */
    public record Timeline(
            String kind,
            String conversationId,
            String title,
            String sourceSha256,
            String derivedSha256,
            boolean machineReading,
            List<TimelineMessage> messages,
            int omitted) {
        public Timeline {
            messages = List.copyOf(messages);
        }
    }

    /** One message of a timeline: its index in the source, the time as written, sender and text. */
    public record TimelineMessage(int index, String at, String sender, String text) {}

    /**
     * The triage result: level ({@code low}…{@code urgent}), risk score, whether urgent and which urgency rules fired,
     * the signals with the messages that carry them, and analysts' overrides.
     */
    public record Triage(
            String level,
            double risk,
            boolean urgent,
            List<String> urgencyReasons,
            Instant scoredAt,
            String scorer,
            List<Signal> signals,
            List<Override> overrides) {
        public Triage {
            urgencyReasons = List.copyOf(urgencyReasons);
            signals = List.copyOf(signals);
            overrides = List.copyOf(overrides);
        }
    }

    /**
     * One signal (or urgency rule, {@code urgent} true) found in one conversation ({@code messages} for the messages
     * typed in the form, {@code <parse sha>#<n>} for an export), with the indexes of the messages that carry it.
     */
    public record Signal(String conversationId, String name, boolean urgent, List<Integer> messages) {
        public Signal {
            messages = List.copyOf(messages);
        }
    }

    /** An analyst's change of priority, with who (as shown), when and why. */
    public record Override(String by, Instant at, String priority, String reason) {}

    /** A case note the organisation chose to send to the authority. */
    public record Note(String caseNumber, String author, Instant at, String body) {}

    /**
     * Why this report is linked to another report of the same package: {@code reason} is {@code identifier} (a shared
     * phone, email or account, {@code detail} says which) or {@code picture} (a matching picture, {@code detail} says
     * how close).
     */
    public record Link(String otherReceipt, String reason, String kind, String detail) {}

    /** A message as reported: when (as written), from (suspect, child, other or null), sender name, text. */
    public record Message(int position, String at, String from, String sender, String text) {}

    /** A suspect account as reported. */
    public record Account(String platform, String handle, String url, String displayName) {}

    /** A phone number or email of the suspect ({@code kind} is {@code phone} or {@code email}). */
    public record Contact(String kind, String value) {}

    /**
     * A file in the package: {@code path} inside the ZIP, {@code role} is {@code original} or {@code derived},
     * {@code derivedFrom} the SHA-256 of its source for derived files (else null).
     */
    public record FileItem(
            String path,
            String sha256,
            long size,
            String mediaType,
            String originalName,
            Instant receivedAt,
            String role,
            String derivedFrom) {}

    /**
     * One custody ledger entry about the report: its leaf index in the ledger, what was done, by whom, when, from
     * which inputs to which outputs (SHA-256), and why where given.
     */
    public record CustodyItem(
            long leafIndex,
            String action,
            String actor,
            Instant time,
            List<String> inputs,
            List<String> outputs,
            String reason) {
        public CustodyItem {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }
    }
}
