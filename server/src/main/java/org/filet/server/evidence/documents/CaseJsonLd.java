package org.filet.server.evidence.documents;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.filet.server.evidence.Sha256;
import org.filet.server.evidence.documents.ExportSummary.Account;
import org.filet.server.evidence.documents.ExportSummary.Contact;
import org.filet.server.evidence.documents.ExportSummary.CustodyItem;
import org.filet.server.evidence.documents.ExportSummary.FileItem;
import org.filet.server.evidence.documents.ExportSummary.Message;

import tools.jackson.databind.node.ObjectNode;

import static org.filet.server.evidence.documents.CaseGraph.ref;
import static org.filet.server.evidence.documents.CaseGraph.refs;
import static org.filet.server.evidence.documents.CaseGraph.segment;
import static org.filet.server.evidence.documents.CaseGraph.text;
import static org.filet.server.evidence.documents.CaseGraph.texts;
import static org.filet.server.evidence.documents.CaseGraph.time;
import static org.filet.server.evidence.documents.CaseGraph.typed;

/**
 * {@code case.jsonld}: an export summary as a CASE 1.4 / UCO 1.4 graph.
 *
 * <ul>
 * <li>The package is a {@code uco-core:Bundle} created by the organisation ({@code uco-identity:Organization}) at
 * {@code exportedAt}; its tags carry the signed ledger tree (size and root) the package's proofs lead to.</li>
 * <li>The report is a {@code case-investigation:ProvenanceRecord}: exhibit number = receipt, description, received
 * time, and tags for channel, reporter role, child's age and country, platform and the immediate-danger flag; its
 * objects are the files, messages, accounts and contacts.</li>
 * <li>Each file is a {@code uco-observable:File} with a {@code FileFacet} (path in the ZIP, original name, size) and a
 * {@code ContentDataFacet} (size, media type, {@code uco-types:Hash} SHA256); a derived file points to its source with
 * {@code case-investigation:wasDerivedFrom}. A hash that custody mentions but the package does not hold is a plain
 * {@code uco-observable:ObservableObject} with just that hash.</li>
 * <li>Each custody entry is a {@code case-investigation:InvestigativeAction} with {@code uco-action:performer} (a
 * {@code uco-identity:Identity} per actor), {@code startTime}, {@code object} = inputs and {@code result} = outputs.
 * UCO 1.x put these properties on the action itself (the old {@code ActionReferencesFacet} is gone).</li>
 * <li>Suspect accounts are {@code uco-observable:ApplicationAccount}s (account identifier, display name, the
 * platform as a {@code uco-observable:Application}, the profile URL as an external reference); phone numbers are
 * {@code PhoneAccount}s and emails {@code EmailAddress}es.</li>
 * <li>Messages are {@code uco-observable:Message}s whose {@code MessageFacet} holds the text, the position as
 * {@code messageID}, the sender (a {@code uco-observable:DigitalAccount} tagged suspect, child or other) and
 * {@code sentTime} when the written time is an ISO-8601 instant; the time as written is kept in the description.</li>
 * </ul>
 *
 * <p><b>Why the messages' text is included.</b> The reported messages are the core fact of a grooming report and a
 * CASE consumer should not have to parse another file to see them. They are often typed into the form rather than
 * exported, so there may be no transcript file to point to; and this file travels only inside the same sealed,
 * manifest-hashed package as {@code report.pdf}, which already shows the text. So the text adds no exposure. Tools
 * that merge this graph into a shared knowledge base beyond the case should drop {@code uco-observable:messageText}
 * and {@code uco-core:description}, which hold the reporter's words.
 *
 * <p><b>Identifiers.</b> {@code kb:} is {@code urn:filet:<instance>:}. Files are {@code kb:file-<sha256>} and custody
 * entries {@code kb:custody-leaf-<index>}, stable across exports of the instance; accounts, contacts and actors are
 * named by their values, and report-specific nodes by the subject. None is random, so the output is a pure function
 * of the summary (the UCO advisory that IRIs end in a UUID is deliberately not followed).
 */
final class CaseJsonLd {

    private final ExportSummary s;
    private final CaseGraph g;
    private final String scope;
    private final Map<String, String> fileIds = new LinkedHashMap<>();
    private final Map<String, String> nodes = new LinkedHashMap<>();
    private final List<String> evidence = new ArrayList<>();
    private final List<String> all = new ArrayList<>();

    private CaseJsonLd(ExportSummary summary) {
        this.s = summary;
        this.g = new CaseGraph("urn:filet:" + segment(summary.instance()) + ":");
        this.scope = "kb:" + segment(summary.subject());
    }

    static byte[] render(ExportSummary summary) {
        return new CaseJsonLd(summary).render();
    }

    private byte[] render() {
        ObjectNode bundle = g.node(scope + "-bundle", "uco-core:Bundle");
        String recordId = scope + "-provenance-record";
        ObjectNode record = g.node(recordId, "case-investigation:ProvenanceRecord");
        String organisation = identity("kb:organisation", "uco-identity:Organization", s.organisation());
        s.files().forEach(f -> fileIds.putIfAbsent(f.sha256(), "kb:file-" + segment(f.sha256())));
        s.files().forEach(this::file);
        s.accounts().forEach(this::account);
        s.contacts().forEach(this::contact);
        for (int i = 0; i < s.messages().size(); i++) {
            message(i + 1, s.messages().get(i));
        }
        s.custody().forEach(this::custody);

        text(record, "uco-core:name", s.receipt());
        text(record, "case-investigation:exhibitNumber", s.receipt());
        text(record, "uco-core:description", s.description());
        time(record, "uco-core:objectCreatedTime", s.receivedAt());
        List<String> facts = new ArrayList<>();
        tag(facts, "subject", s.subject());
        tag(facts, "channel", s.channel());
        tag(facts, "reporter-role", s.reporterRole());
        tag(facts, "child-age", s.childAge() == null ? null : s.childAge().toString());
        tag(facts, "child-country", s.childCountry());
        tag(facts, "platform", s.platform());
        tag(facts, "immediate-danger", Boolean.toString(s.immediateDanger()));
        texts(record, "uco-core:tag", facts);
        refs(record, "uco-core:object", evidence);

        text(bundle, "uco-core:name", "Filet sealed package " + s.subject());
        text(bundle, "uco-core:specVersion", CaseGraph.SPEC_VERSION);
        ref(bundle, "uco-core:createdBy", organisation);
        time(bundle, "uco-core:objectCreatedTime", s.exportedAt());
        texts(bundle, "uco-core:tag", List.of("ledger-tree-size:" + s.treeSize(), "ledger-root:" + s.rootHash()));
        all.add(0, recordId);
        refs(bundle, "uco-core:object", all);
        return g.write();
    }

    private void file(FileItem f) {
        String id = fileIds.get(f.sha256());
        if (nodes.containsKey(id)) {
            return;
        }
        ObjectNode file = top(id, "uco-observable:File", true);
        nodes.put(id, id);
        texts(file, "uco-core:tag", f.role() == null ? List.of() : List.of(f.role()));
        ObjectNode facet = g.facet(file, id + "-file-facet", "uco-observable:FileFacet");
        text(facet, "uco-observable:fileName", f.originalName() != null ? f.originalName() : baseName(f.path()));
        text(facet, "uco-observable:filePath", f.path());
        typed(facet, "uco-observable:sizeInBytes", "xsd:integer", Long.toString(f.size()));
        time(facet, "uco-observable:observableCreatedTime", f.receivedAt());
        ObjectNode content = contentFacet(file, id, f.sha256());
        typed(content, "uco-observable:sizeInBytes", "xsd:integer", Long.toString(f.size()));
        text(content, "uco-observable:mimeType", f.mediaType());
        if (f.derivedFrom() != null) {
            ref(file, "case-investigation:wasDerivedFrom", content(f.derivedFrom()));
        }
    }

    private ObjectNode contentFacet(ObjectNode owner, String id, String sha256) {
        ObjectNode content = g.facet(owner, id + "-content-facet", "uco-observable:ContentDataFacet");
        if (Sha256.isAddress(sha256)) {
            ObjectNode hash = content.putArray("uco-observable:hash").addObject();
            hash.put("@id", id + "-hash");
            hash.put("@type", "uco-types:Hash");
            typed(hash, "uco-types:hashMethod", "uco-vocabulary:HashNameVocab", "SHA256");
            typed(hash, "uco-types:hashValue", "xsd:hexBinary", sha256);
        }
        return content;
    }

    /** The node for content with this SHA-256: the package's file, or a bare observable naming the hash. */
    private String content(String sha256) {
        String file = fileIds.get(sha256);
        if (file != null) {
            return file;
        }
        String id = "kb:content-" + segment(sha256);
        if (!nodes.containsKey(id)) {
            ObjectNode node = top(id, "uco-observable:ObservableObject", false);
            nodes.put(id, id);
            text(node, "uco-core:description", "content not included in this package");
            contentFacet(node, id, sha256);
        }
        return id;
    }

    private void account(Account a) {
        String id = "kb:account-" + segment(a.platform()) + "-" + segment(a.handle());
        if (nodes.containsKey(id)) {
            return;
        }
        ObjectNode account = top(id, "uco-observable:ApplicationAccount", true);
        nodes.put(id, id);
        text(g.facet(account, id + "-account-facet", "uco-observable:AccountFacet"),
                "uco-observable:accountIdentifier", a.handle());
        if (a.platform() != null) {
            ref(g.facet(account, id + "-application-account-facet", "uco-observable:ApplicationAccountFacet"),
                    "uco-observable:application", application(a.platform()));
        }
        if (a.displayName() != null) {
            text(g.facet(account, id + "-digital-account-facet", "uco-observable:DigitalAccountFacet"),
                    "uco-observable:displayName", a.displayName());
        }
        if (a.url() != null) {
            ObjectNode reference = account.putArray("uco-core:externalReference").addObject();
            reference.put("@id", id + "-profile-url");
            reference.put("@type", "uco-core:ExternalReference");
            typed(reference, "uco-core:referenceURL", "xsd:anyURI", a.url());
        }
    }

    private void contact(Contact c) {
        boolean phone = "phone".equalsIgnoreCase(c.kind());
        boolean email = "email".equalsIgnoreCase(c.kind());
        String kind = phone ? "phone" : email ? "email" : "contact-" + segment(c.kind());
        String id = "kb:" + kind + "-" + segment(c.value());
        if (nodes.containsKey(id)) {
            return;
        }
        nodes.put(id, id);
        if (phone) {
            ObjectNode node = top(id, "uco-observable:PhoneAccount", true);
            text(g.facet(node, id + "-facet", "uco-observable:PhoneAccountFacet"), "uco-observable:phoneNumber",
                    c.value());
        } else if (email) {
            ObjectNode node = top(id, "uco-observable:EmailAddress", true);
            text(g.facet(node, id + "-facet", "uco-observable:EmailAddressFacet"), "uco-observable:addressValue",
                    c.value());
        } else {
            ObjectNode node = top(id, "uco-observable:ObservableObject", true);
            text(node, "uco-core:name", c.value());
            texts(node, "uco-core:tag", c.kind() == null ? List.of() : List.of(c.kind()));
        }
    }

    private void message(int index, Message m) {
        String id = scope + "-message-" + index;
        ObjectNode message = top(id, "uco-observable:Message", true);
        if (m.at() != null) {
            text(message, "uco-core:description", "time as written: " + m.at());
        }
        ObjectNode facet = g.facet(message, id + "-facet", "uco-observable:MessageFacet");
        text(facet, "uco-observable:messageText", m.text());
        text(facet, "uco-observable:messageID", Integer.toString(m.position()));
        ref(facet, "uco-observable:from", participant(m.from(), m.sender()));
        time(facet, "uco-observable:sentTime", isoInstant(m.at()));
        if (s.platform() != null) {
            ref(facet, "uco-observable:application", application(s.platform()));
        }
    }

    private String participant(String from, String sender) {
        if (from == null && sender == null) {
            return null;
        }
        String id = scope + "-participant-" + segment(from) + "-" + segment(sender);
        if (!nodes.containsKey(id)) {
            ObjectNode node = top(id, "uco-observable:DigitalAccount", false);
            nodes.put(id, id);
            texts(node, "uco-core:tag", from == null ? List.of() : List.of(from.toLowerCase(Locale.ROOT)));
            if (sender != null) {
                text(g.facet(node, id + "-facet", "uco-observable:DigitalAccountFacet"),
                        "uco-observable:displayName", sender);
            }
        }
        return id;
    }

    private void custody(CustodyItem c) {
        ObjectNode action = top("kb:custody-leaf-" + c.leafIndex(), "case-investigation:InvestigativeAction", false);
        text(action, "uco-core:name", c.action());
        text(action, "uco-core:description", c.reason());
        texts(action, "uco-core:tag", List.of("ledger-leaf:" + c.leafIndex()));
        time(action, "uco-action:startTime", c.time());
        if (c.actor() != null) {
            ref(action, "uco-action:performer",
                    identity("kb:identity-" + segment(c.actor()), "uco-identity:Identity", c.actor()));
        }
        refs(action, "uco-action:object", c.inputs().stream().map(this::content).toList());
        refs(action, "uco-action:result", c.outputs().stream().map(this::content).toList());
    }

    private String application(String platform) {
        String id = "kb:application-" + segment(platform);
        if (!nodes.containsKey(id)) {
            text(top(id, "uco-observable:Application", false), "uco-core:name", platform);
            nodes.put(id, id);
        }
        return id;
    }

    private String identity(String id, String type, String name) {
        if (!nodes.containsKey(id)) {
            text(top(id, type, false), "uco-core:name", name);
            nodes.put(id, id);
        }
        return id;
    }

    private ObjectNode top(String id, String type, boolean isEvidence) {
        all.add(id);
        if (isEvidence) {
            evidence.add(id);
        }
        return g.node(id, type);
    }

    private static void tag(List<String> tags, String name, String value) {
        if (value != null) {
            tags.add(name + ":" + value);
        }
    }

    private static String baseName(String path) {
        return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    }

    private static Instant isoInstant(String written) {
        if (written == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(written.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
