package org.filet.chatexport.sms;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Base64;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.filet.chatexport.source.Hashing;
import org.filet.chatexport.util.Warnings;
import org.filet.conversation.Attachment;
import org.filet.conversation.Message;
import org.jspecify.annotations.Nullable;

/** Reads one {@code <sms>} or {@code <mms>} record. */
final class SmsRecords {
    private SmsRecords() {}

    /** An attribute value, with the literal "null" read as absent. */
    static @Nullable String attr(XMLStreamReader x, String name) {
        String v = x.getAttributeValue(null, name);
        return v == null || v.equals("null") ? null : v;
    }

    static void sms(XMLStreamReader x, int record, SmsBackupParser.Threads threads, Warnings warnings) {
        long date = SmsBackupParser.parseLong(x.getAttributeValue(null, "date"), -1);
        Message.Builder b = SmsBackupParser.base(x, record, date);
        if (date < 0) {
            warnings.add("record " + record + ": no readable 'date'; no instant");
        }
        String address = normalise(attr(x, "address"));
        String contact = contactName(attr(x, "contact_name"));
        int type = (int) SmsBackupParser.parseLong(x.getAttributeValue(null, "type"), 0);
        if (type == 1) {
            b.sender(contact != null ? contact : address).senderId(address);
        } else {
            SmsBackupParser.owner(b);
            if (type == 3) {
                warnings.add("record " + record + ": a draft, never sent");
            }
        }
        b.text(attr(x, "body"));
        threads.add(address, contact, b);
    }

    static void mms(XMLStreamReader x, int record, SmsBackupParser.Threads threads, Warnings warnings)
            throws XMLStreamException {
        long date = SmsBackupParser.parseLong(x.getAttributeValue(null, "date"), -1);
        if (date >= 0 && date < 100_000_000_000L) {
            date *= 1000; // seconds, seen in some MMS records
            warnings.add("record " + record + ": MMS date in seconds; read as seconds");
        }
        Message.Builder b = SmsBackupParser.base(x, record, date);
        String address = normalise(attr(x, "address"));
        String contact = contactName(attr(x, "contact_name"));
        int box = (int) SmsBackupParser.parseLong(x.getAttributeValue(null, "msg_box"), 0);
        boolean received = box == 1;
        String subject = attr(x, "sub");
        String from = null;
        StringBuilder text = new StringBuilder();
        boolean hasText = false;
        int depth = 1;
        while (depth > 0 && x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = x.getLocalName();
                if (name.equals("part")) {
                    String ct = attr(x, "ct");
                    String partText = attr(x, "text");
                    String data = x.getAttributeValue(null, "data");
                    if ("text/plain".equals(ct) && partText != null) {
                        if (hasText) {
                            text.append('\n');
                        }
                        text.append(partText);
                        hasText = true;
                    } else if (ct != null && !ct.equals("application/smil")) {
                        String fileName = firstNonNull(attr(x, "name"), attr(x, "fn"), attr(x, "cl"), ct);
                        b.attachment(
                                data == null
                                        ? Attachment.referenced(fileName)
                                        : hashed(fileName, data, record, warnings));
                    }
                } else if (name.equals("addr") && "137".equals(x.getAttributeValue(null, "type"))) {
                    from = normalise(attr(x, "address"));
                }
            }
        }
        if (received) {
            b.sender(from != null ? from : contact != null ? contact : address).senderId(from != null ? from : address);
            if (contact != null && (from == null || from.equals(address))) {
                b.sender(contact);
            }
        } else {
            SmsBackupParser.owner(b);
        }
        b.text(hasText ? text.toString() : subject);
        threads.add(address, contact, b);
    }

    private static Attachment hashed(String name, String base64, int record, Warnings warnings) {
        MessageDigest d = Hashing.sha256();
        String compact = base64.indexOf('\n') >= 0 || base64.indexOf('\r') >= 0 || base64.indexOf(' ') >= 0
                ? base64.replaceAll("\\s+", "")
                : base64;
        try (InputStream in = Base64.getDecoder()
                .wrap(new java.io.ByteArrayInputStream(
                        compact.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))) {
            byte[] buf = new byte[32 * 1024];
            int r;
            while ((r = in.read(buf)) > 0) {
                d.update(buf, 0, r);
            }
        } catch (IOException | IllegalArgumentException e) {
            warnings.add("record " + record + ": MMS part data is not valid base64; not hashed");
            return Attachment.referenced(name);
        }
        return new Attachment(name, Hashing.hex(d));
    }

    private static String firstNonNull(@Nullable String a, @Nullable String b, @Nullable String c, String d) {
        return a != null ? a : b != null ? b : c != null ? c : d;
    }

    private static @Nullable String contactName(@Nullable String c) {
        return c == null || c.equals("(Unknown)") || c.isBlank() ? null : c;
    }

    private static String normalise(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return "(no address)";
        }
        return address.replace(" ", "").replace("\u00A0", "");
    }
}
