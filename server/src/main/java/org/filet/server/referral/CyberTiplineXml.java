package org.filet.server.referral;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.filet.server.intake.Reports;
import org.xml.sax.SAXException;

/**
 * A referral as XML shaped like a CyberTipline report (online enticement; reported accounts; files with their SHA-256
 * and whether and by whom each was viewed), written with StAX (text is escaped) and validated against our XSD
 * ({@code referral/cybertipline-shaped.xsd}) before it leaves. Nothing is sent to NCMEC.
 */
final class CyberTiplineXml {

    static final String NS = "urn:filet:cybertipline-shaped:1";
    private static final Schema SCHEMA = schema();

    private CyberTiplineXml() {}

    /** The facts of one report of the case, and who viewed each file (custody actors). */
    record ReportFacts(Reports.ReportDetail report, Map<String, List<String>> viewersBySha) {}

    static String write(
            String caseNumber, String organisation, String instance, boolean urgent, List<ReportFacts> reports) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(NS);
            w.writeStartElement(NS, "report");
            w.writeDefaultNamespace(NS);
            w.writeAttribute("caseNumber", caseNumber);
            w.writeAttribute("generatedAt", Instant.now().toString());
            w.writeStartElement(NS, "incidentSummary");
            text(w, "incidentType", "Online Enticement of Children for Sexual Acts");
            if (urgent) {
                text(w, "escalateToHighPriority", "urgency rules fired or immediate danger reported");
            }
            Instant first = reports.stream()
                    .map(r -> r.report().receivedAt())
                    .min(Instant::compareTo)
                    .orElse(Instant.now());
            text(w, "incidentDateTime", first.toString());
            text(w, "incidentDateTimeDescription", "time the first report was received");
            w.writeEndElement();
            w.writeStartElement(NS, "reporter");
            text(w, "organisation", organisation);
            text(w, "instance", instance);
            for (ReportFacts f : reports) {
                text(w, "reportReceipt", f.report().receipt());
            }
            w.writeEndElement();
            for (ReportFacts f : reports) {
                for (Reports.Account a : f.report().accounts()) {
                    w.writeStartElement(NS, "personOrUserReported");
                    optional(w, "espService", a.platform());
                    optional(w, "screenName", a.handle());
                    optional(w, "displayName", a.displayName());
                    optional(w, "profileUrl", a.url());
                    w.writeEndElement();
                }
                List<Reports.Contact> contacts = f.report().contacts();
                if (!contacts.isEmpty()) {
                    w.writeStartElement(NS, "personOrUserReported");
                    for (Reports.Contact c : contacts) {
                        if (c.kind().equals("phone")) {
                            text(w, "phone", c.value());
                        }
                    }
                    for (Reports.Contact c : contacts) {
                        if (c.kind().equals("email")) {
                            text(w, "email", c.value());
                        }
                    }
                    w.writeEndElement();
                }
            }
            for (ReportFacts f : reports) {
                if (f.report().childAge() != null || f.report().childCountry() != null) {
                    w.writeStartElement(NS, "victim");
                    if (f.report().childAge() != null) {
                        text(w, "age", String.valueOf(f.report().childAge()));
                    }
                    optional(w, "country", f.report().childCountry());
                    w.writeEndElement();
                }
            }
            for (ReportFacts f : reports) {
                for (Reports.FileEntry file : f.report().files()) {
                    List<String> viewers = f.viewersBySha().getOrDefault(file.sha256(), List.of());
                    w.writeStartElement(NS, "fileDetails");
                    text(w, "fileName", file.originalName() == null ? "" : file.originalName());
                    text(w, "mediaType", file.mediaType());
                    text(w, "size", String.valueOf(file.size()));
                    w.writeStartElement(NS, "originalFileHash");
                    w.writeAttribute("hashType", "SHA256");
                    w.writeCharacters(file.sha256());
                    w.writeEndElement();
                    text(w, "fileViewedByReporter", String.valueOf(!viewers.isEmpty()));
                    for (String v : viewers) {
                        text(w, "viewedBy", v);
                    }
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the XML could not be written", e);
        }
        String xml = out.toString();
        validate(xml);
        return xml;
    }

    /** Validates against our XSD; an invalid document never leaves. */
    static void validate(String xml) {
        try {
            SCHEMA.newValidator()
                    .validate(new StreamSource(
                            new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        } catch (SAXException | java.io.IOException e) {
            throw new IllegalStateException("the CyberTipline-shaped XML does not validate: " + e.getMessage(), e);
        }
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(NS, name);
        w.writeCharacters(value == null ? "" : value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "\uFFFD"));
        w.writeEndElement();
    }

    private static void optional(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value != null && !value.isBlank()) {
            text(w, name, value);
        }
    }

    private static Schema schema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(
                    new StreamSource(CyberTiplineXml.class.getResourceAsStream("/referral/cybertipline-shaped.xsd")));
        } catch (SAXException e) {
            throw new IllegalStateException("the XSD is broken", e);
        }
    }
}
