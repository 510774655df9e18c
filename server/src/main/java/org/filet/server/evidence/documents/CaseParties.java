package org.filet.server.evidence.documents;

import static org.filet.server.evidence.documents.CaseGraph.ref;
import static org.filet.server.evidence.documents.CaseGraph.segment;
import static org.filet.server.evidence.documents.CaseGraph.text;
import static org.filet.server.evidence.documents.CaseGraph.texts;
import static org.filet.server.evidence.documents.CaseGraph.time;
import static org.filet.server.evidence.documents.CaseGraph.typed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.filet.server.evidence.documents.ExportSummary.Account;
import org.filet.server.evidence.documents.ExportSummary.Contact;
import org.filet.server.evidence.documents.ExportSummary.Message;
import tools.jackson.databind.node.ObjectNode;

/**
 * The people side of {@code case.jsonld}: suspect accounts and contacts, the messages and who sent them, and the
 * applications they were seen on. See {@link CaseJsonLd} for the mapping.
 */
final class CaseParties {

    private final CaseGraph g;
    private final String scope;
    private final java.util.Map<String, String> keys = new java.util.HashMap<>();
    private final String platform;

    /** {@code scope} prefixes ids of nodes that only make sense in this report (messages, their senders). */
    CaseParties(CaseGraph graph, String scope, String platform) {
        this.g = graph;
        this.scope = scope;
        this.platform = platform;
    }

    void account(Account a) {
        String key = "account\n" + a.platform() + "\n" + a.handle();
        if (keys.containsKey(key)) {
            return;
        }
        String id = key(key, "account");
        ObjectNode account = g.evidenceNode(id, "uco-observable:ApplicationAccount");
        text(
                g.facet(account, id + "-account-facet", "uco-observable:AccountFacet"),
                "uco-observable:accountIdentifier",
                a.handle());
        if (a.platform() != null) {
            ref(
                    g.facet(account, id + "-application-account-facet", "uco-observable:ApplicationAccountFacet"),
                    "uco-observable:application",
                    application(a.platform()));
        }
        if (a.displayName() != null) {
            text(
                    g.facet(account, id + "-digital-account-facet", "uco-observable:DigitalAccountFacet"),
                    "uco-observable:displayName",
                    a.displayName());
        }
        if (a.url() != null) {
            ObjectNode reference =
                    account.putArray("uco-core:externalReference").addObject();
            reference.put("@id", id + "-profile-url");
            reference.put("@type", "uco-core:ExternalReference");
            typed(reference, "uco-core:referenceURL", "xsd:anyURI", a.url());
        }
    }

    void contact(Contact c) {
        boolean phone = "phone".equalsIgnoreCase(c.kind());
        boolean email = "email".equalsIgnoreCase(c.kind());
        String kind = phone ? "phone" : email ? "email" : "contact-" + segment(c.kind());
        String key = kind + "\n" + c.value();
        if (keys.containsKey(key)) {
            return;
        }
        String id = key(key, kind);
        if (phone) {
            ObjectNode node = g.evidenceNode(id, "uco-observable:PhoneAccount");
            text(
                    g.facet(node, id + "-facet", "uco-observable:PhoneAccountFacet"),
                    "uco-observable:phoneNumber",
                    c.value());
        } else if (email) {
            ObjectNode node = g.evidenceNode(id, "uco-observable:EmailAddress");
            text(
                    g.facet(node, id + "-facet", "uco-observable:EmailAddressFacet"),
                    "uco-observable:addressValue",
                    c.value());
        } else {
            ObjectNode node = g.evidenceNode(id, "uco-observable:ObservableObject");
            text(node, "uco-core:name", c.value());
            texts(node, "uco-core:tag", c.kind() == null ? List.of() : List.of(c.kind()));
        }
    }

    /** Message number {@code index} (1-based, its place in the summary; its reported position is its messageID). */
    void message(int index, Message m) {
        String id = scope + "-message-" + index;
        ObjectNode message = g.evidenceNode(id, "uco-observable:Message");
        if (m.at() != null) {
            text(message, "uco-core:description", "time as written: " + m.at());
        }
        ObjectNode facet = g.facet(message, id + "-facet", "uco-observable:MessageFacet");
        text(facet, "uco-observable:messageText", m.text());
        text(facet, "uco-observable:messageID", Integer.toString(m.position()));
        ref(facet, "uco-observable:from", participant(m.from(), m.sender()));
        time(facet, "uco-observable:sentTime", isoInstant(m.at()));
        if (platform != null) {
            ref(facet, "uco-observable:application", application(platform));
        }
    }

    private String participant(String from, String sender) {
        if (from == null && sender == null) {
            return null;
        }
        String key = "participant\n" + from + "\n" + sender;
        boolean known = keys.containsKey(key);
        String id = key(key, "participant");
        if (!known) {
            ObjectNode node = g.node(id, "uco-observable:DigitalAccount");
            texts(node, "uco-core:tag", from == null ? List.of() : List.of(from.toLowerCase(Locale.ROOT)));
            if (sender != null) {
                text(
                        g.facet(node, id + "-facet", "uco-observable:DigitalAccountFacet"),
                        "uco-observable:displayName",
                        sender);
            }
        }
        return id;
    }

    /**
     * The graph key of a reported value: its kind and its order of first appearance in this report, never the value
     * itself (a phone number or a handle does not belong in an IRI, even hashed).
     */
    private String key(String value, String kind) {
        return keys.computeIfAbsent(value, v -> scope + "-" + kind + "-" + (keys.size() + 1));
    }

    private String application(String name) {
        String id = "kb:application-" + segment(name);
        if (!g.has(id)) {
            text(g.node(id, "uco-observable:Application"), "uco-core:name", name);
        }
        return id;
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
