package org.filet.server.evidence.documents;

import static org.filet.server.evidence.documents.CaseGraph.ref;
import static org.filet.server.evidence.documents.CaseGraph.refs;
import static org.filet.server.evidence.documents.CaseGraph.segment;
import static org.filet.server.evidence.documents.CaseGraph.text;
import static org.filet.server.evidence.documents.CaseGraph.texts;
import static org.filet.server.evidence.documents.CaseGraph.time;
import static org.filet.server.evidence.documents.CaseGraph.typed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.filet.server.evidence.documents.ExportSummary.CustodyItem;
import org.filet.server.evidence.documents.ExportSummary.FileItem;
import org.filet.verify.Sha256;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code case.jsonld}: an export summary as a CASE 1.4 / UCO 1.4 graph.
 *
 * <ul>
 * <li>The package is a {@code uco-core:Bundle} created by the organisation ({@code uco-identity:Organization}) at
 * {@code exportedAt}; its tags carry the signed ledger tree (size and root) the package's proofs lead to.</li>
 * <li>The report is a {@code case-investigation:ProvenanceRecord}: exhibit number = receipt, description, received
 * time, and tags for channel, reporter role, child's age and country, platform and the immediate-danger flag; its
 * objects are the files, messages, accounts and contacts.</li>
 * <li>Each file is a {@code uco-observable:File} with a {@code FileFacet} (path in the ZIP, original name, size) and
 * a {@code ContentDataFacet} (size, media type, {@code uco-types:Hash} SHA256); a derived file points to its source with
 * {@code case-investigation:wasDerivedFrom}. A hash that custody mentions but the package does not hold is a plain
 * {@code uco-observable:ObservableObject} with just that hash. When a file was received is told by the custody
 * entry whose result it is ({@code observableCreatedTime} would claim a filesystem creation time).</li>
 * <li>Each custody entry is a {@code case-investigation:InvestigativeAction} with {@code uco-action:performer} (a
 * {@code uco-identity:Identity} per actor, named by the staff member's name and role when known), {@code startTime},
 * {@code object} = inputs and {@code result} = outputs.
 * UCO 1.x put these properties on the action itself (the old {@code ActionReferencesFacet} is gone).</li>
 * <li>Suspect accounts are {@code uco-observable:ApplicationAccount}s (account identifier, display name, the
 * platform as a {@code uco-observable:Application}, the profile URL as an external reference); phone numbers are
 * {@code PhoneAccount}s and emails {@code EmailAddress}es.</li>
 * <li>Messages are {@code uco-observable:Message}s whose {@code MessageFacet} holds the text, the position as
 * {@code messageID}, the sender (a {@code uco-observable:DigitalAccount} tagged suspect, child or other) and
 * {@code sentTime} when the written time is an ISO-8601 instant; the time as written is kept in the description.</li>
 * </ul>
 *
 * <p><b>Why the messages' text is included</b> rather than only a reference to the package's transcript file. The
 * reported messages are the core fact of a grooming report; the transcript is plain text that a CASE tool would have to
 * parse back into messages (position, time as written, sender), while here they are already structured and linked to
 * their senders. This file travels only inside the same sealed, manifest-hashed package as {@code report.pdf} and the
 * transcript, which both show the text, so including it adds no exposure. Tools that merge this graph into a shared
 * knowledge base beyond the case should drop {@code uco-observable:messageText} and {@code uco-core:description},
 * which hold the reporter's words.
 *
 * <p><b>Identifiers.</b> {@code kb:} is {@code urn:filet:<instance>:}, and every node is {@code kb:<type>-<UUID>}
 * (UCO's advice), the UUID a version 5 UUID of the instance and a key ({@link CaseGraph#write}): files are keyed by
 * their SHA-256 and custody entries by their leaf index, so they keep their IRI across exports of the instance;
 * accounts, contacts and message senders by their order in the report, so no phone number or handle is in an IRI
 * (those are properties). Nothing is random, so the output is a pure function of the summary. The hash method is the
 * plain {@code xsd:string} {@code "SHA256"} UCO 1.4.0 asks for.
 */
final class CaseJsonLd {

    private final ExportSummary s;
    private final CaseGraph g;
    private final String scope;
    private final Map<String, String> fileIds = new LinkedHashMap<>();

    private CaseJsonLd(ExportSummary summary) {
        this.s = summary;
        this.g = new CaseGraph("urn:filet:" + segment(summary.instance()) + ":", summary.instance());
        this.scope = "kb:" + segment(summary.subject());
    }

    static byte[] render(ExportSummary summary) {
        return new CaseJsonLd(summary).render();
    }

    private byte[] render() {
        ObjectNode bundle = g.node(scope + "-bundle", "uco-core:Bundle");
        ObjectNode record = g.node(scope + "-provenance-record", "case-investigation:ProvenanceRecord");
        String organisation = identity("kb:organisation", "uco-identity:Organization", s.organisation());
        s.files().forEach(f -> fileIds.putIfAbsent(f.sha256(), "kb:file-" + segment(f.sha256())));
        s.files().forEach(this::file);
        CaseParties parties = new CaseParties(g, scope, s.platform());
        s.accounts().forEach(parties::account);
        s.contacts().forEach(parties::contact);
        for (int i = 0; i < s.messages().size(); i++) {
            parties.message(i + 1, s.messages().get(i));
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
        refs(record, "uco-core:object", g.evidence());

        text(bundle, "uco-core:name", "Filet sealed package " + s.subject());
        text(bundle, "uco-core:specVersion", CaseGraph.SPEC_VERSION);
        ref(bundle, "uco-core:createdBy", organisation);
        time(bundle, "uco-core:objectCreatedTime", s.exportedAt());
        texts(bundle, "uco-core:tag", List.of("ledger-tree-size:" + s.treeSize(), "ledger-root:" + s.rootHash()));
        refs(bundle, "uco-core:object", g.topLevel().subList(1, g.topLevel().size()));
        return g.write();
    }

    private void file(FileItem f) {
        String id = fileIds.get(f.sha256());
        if (g.has(id)) {
            return;
        }
        ObjectNode file = g.evidenceNode(id, "uco-observable:File");
        texts(file, "uco-core:tag", f.role() == null ? List.of() : List.of(f.role()));
        ObjectNode facet = g.facet(file, id + "-file-facet", "uco-observable:FileFacet");
        text(facet, "uco-observable:fileName", f.originalName() != null ? f.originalName() : baseName(f.path()));
        text(facet, "uco-observable:filePath", f.path());
        typed(facet, "uco-observable:sizeInBytes", "xsd:integer", Long.toString(f.size()));
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
            text(hash, "uco-types:hashMethod", "SHA256");
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
        if (!g.has(id)) {
            ObjectNode node = g.node(id, "uco-observable:ObservableObject");
            text(node, "uco-core:description", "content not included in this package");
            contentFacet(node, id, sha256);
        }
        return id;
    }

    private void custody(CustodyItem c) {
        String id = "kb:custody-leaf-" + c.leafIndex();
        if (g.has(id)) {
            return;
        }
        ObjectNode action = g.node(id, "case-investigation:InvestigativeAction");
        text(action, "uco-core:name", c.action());
        text(action, "uco-core:description", c.reason());
        texts(action, "uco-core:tag", List.of("ledger-leaf:" + c.leafIndex()));
        time(action, "uco-action:startTime", c.time());
        if (c.actor() != null) {
            String shown = s.additions()
                    .person(c.actor())
                    .map(p -> p.name() + " (" + p.role() + ")")
                    .orElse(c.actor());
            ref(
                    action,
                    "uco-action:performer",
                    identity("kb:identity-" + segment(c.actor()), "uco-identity:Identity", shown));
        }
        refs(action, "uco-action:object", c.inputs().stream().map(this::content).toList());
        refs(
                action,
                "uco-action:result",
                c.outputs().stream().map(this::content).toList());
    }

    private String identity(String id, String type, String name) {
        if (!g.has(id)) {
            text(g.node(id, type), "uco-core:name", name);
        }
        return id;
    }

    private static void tag(List<String> tags, String name, String value) {
        if (value != null) {
            tags.add(name + ":" + value);
        }
    }

    private static String baseName(String path) {
        return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    }
}
