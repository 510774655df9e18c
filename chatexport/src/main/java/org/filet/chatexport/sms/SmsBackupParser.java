package org.filet.chatexport.sms;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.filet.chatexport.ImportLimits;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.UnreadableExport.Reason;
import org.filet.chatexport.util.Warnings;
import org.filet.conversation.ChatFormat;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageFlag;
import org.filet.conversation.MessageKind;
import org.filet.conversation.Participant;

/**
 * Streams an SMS Backup &amp; Restore XML file (CHAT-FORMATS.md 5c) into one conversation per address (thread). Uses
 * StAX with DTDs and external entities disabled (a DOCTYPE is refused), repairs split surrogate references first, and
 * hashes MMS media without keeping it. {@code date} (epoch ms) gives the instant; {@code readable_date} is kept as
 * written.
 */
public final class SmsBackupParser {
    static final String ZONE = "UTC (epoch milliseconds in the export)";
    static final String OWNER = "(phone owner)";

    private SmsBackupParser() {}

    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /** Parses the whole stream; the caller closes {@code in}. */
    public static List<Conversation> parse(String source, InputStream in, ImportLimits limits) throws UnreadableExport {
        Reader decoded = new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        CharRefRepairReader repaired = new CharRefRepairReader(decoded);
        Threads threads = new Threads();
        Warnings warnings = new Warnings();
        long declared = -1;
        int records = 0;
        int truncatedAfter = -1;
        try {
            XMLStreamReader x = factory().createXMLStreamReader(repaired);
            boolean root = false;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw new UnreadableExport(
                            source,
                            Reason.DTD_FORBIDDEN,
                            "the XML declares a DOCTYPE; DTDs and entities" + " are refused");
                }
                if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new UnreadableExport(
                            source, Reason.DTD_FORBIDDEN, "the XML uses an entity that is not predefined");
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = x.getLocalName();
                if (!root) {
                    root = true;
                    if (name.equals("calls")) {
                        throw new UnreadableExport(
                                source, Reason.UNRECOGNISED_FORMAT, "a call log (<calls>), not a message" + " backup");
                    }
                    if (!name.equals("smses")) {
                        throw new UnreadableExport(
                                source, Reason.UNRECOGNISED_FORMAT, "the root element is not <smses>");
                    }
                    declared = parseLong(x.getAttributeValue(null, "count"), -1);
                    continue;
                }
                if (name.equals("sms")) {
                    records++;
                    SmsRecords.sms(x, records, threads, warnings);
                } else if (name.equals("mms")) {
                    records++;
                    SmsRecords.mms(x, records, threads, warnings);
                }
            }
            if (!root) {
                throw new UnreadableExport(source, Reason.MALFORMED, "no XML root element");
            }
        } catch (XMLStreamException e) {
            Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
            if (cause instanceof CharacterCodingException) {
                throw new UnreadableExport(source, Reason.INVALID_ENCODING, "invalid UTF-8 in the XML");
            }
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
            if (threads.size() == 0) {
                throw new UnreadableExport(source, Reason.MALFORMED, "invalid or truncated XML" + where);
            }
            warnings.add("the XML breaks off" + where + "; the " + threads.size() + " complete record(s) before it are"
                    + " kept");
            truncatedAfter = threads.size();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new UnreadableExport(source, Reason.INVALID_ENCODING, "invalid UTF-8 in the XML");
            }
            throw new UnreadableExport(
                    source, Reason.MALFORMED, "unreadable XML (" + e.getClass().getSimpleName() + ")", e);
        }
        if (declared >= 0 && declared != records && truncatedAfter < 0) {
            warnings.add("the backup declares " + declared + " record(s) but holds " + records);
        }
        if (repaired.pairsJoined > 0) {
            warnings.add(repaired.pairsJoined + " split surrogate character reference pair(s) joined before parsing");
        }
        if (repaired.invalidReplaced > 0) {
            warnings.add(repaired.invalidReplaced + " character reference(s) to characters XML forbids replaced by"
                    + " U+FFFD");
        }
        List<String> missing = new ArrayList<>();
        missing.add("only messages still on the phone at backup time are included; deleted ones are absent");
        if (truncatedAfter >= 0) {
            missing.add("the file is cut or damaged after record " + truncatedAfter
                    + (declared >= 0 ? " of the " + declared + " it declares" : "") + "; later records are lost");
        }
        return threads.conversations(missing, warnings.list());
    }

    static long parseLong(String s, long dflt) {
        if (s == null) {
            return dflt;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** Messages grouped by address, in file order. */
    static final class Threads {
        private final Map<String, List<Message.Builder>> byAddress = new LinkedHashMap<>();
        private final Map<String, Participant> contact = new LinkedHashMap<>();
        private int count;

        void add(String address, String contactName, Message.Builder b) {
            byAddress.computeIfAbsent(address, a -> new ArrayList<>()).add(b);
            count++;
            contact.putIfAbsent(
                    address,
                    new Participant(
                            contactName == null ? address : contactName,
                            address,
                            address.startsWith("+") || address.chars().allMatch(Character::isDigit) ? address : null));
        }

        int size() {
            return count;
        }

        List<Conversation> conversations(List<String> missing, List<String> warnings) {
            List<Conversation> out = new ArrayList<>();
            for (Map.Entry<String, List<Message.Builder>> e : byAddress.entrySet()) {
                List<Message> ms = new ArrayList<>(e.getValue().size());
                for (Message.Builder b : e.getValue()) {
                    ms.add(b.index(ms.size()).build());
                }
                Participant p = contact.get(e.getKey());
                out.add(new Conversation(
                        ChatFormat.SMS,
                        "sms-backup-restore-xml",
                        p.displayName(),
                        List.of(p, new Participant(OWNER, null, null)),
                        ms,
                        missing,
                        warnings));
            }
            return out;
        }
    }

    static Message.Builder base(XMLStreamReader x, int record, long date) {
        Message.Builder b = Message.builder(0, MessageKind.MESSAGE).position("record " + record);
        String readable = SmsRecords.attr(x, "readable_date");
        b.at(readable != null ? readable : date >= 0 ? Long.toString(date) : null);
        if (date >= 0) {
            b.instant(Instant.ofEpochMilli(date)).zone(ZONE);
        }
        return b;
    }

    static void owner(Message.Builder b) {
        b.sender(OWNER).flag(MessageFlag.FROM_ACCOUNT_OWNER);
    }
}
