package org.filet.grooming.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.grooming.ConversationReader.Labelled;
import org.filet.grooming.ConversationUnreadable;

/**
 * Reads the PAN 2012 sexual predator identification XML ({@code conversations/conversation[@id]/message[@line]/
 * author|time|text}) with its predator-id list (one author id per line). A conversation is positive when one of its
 * authors is a listed predator (PAN 2012 problem 1 at conversation level). DTDs and external entities are refused.
 */
public final class Pan12Xml {

    private Pan12Xml() {}

    /** The author ids of a predator list file (blank lines ignored). */
    public static Set<String> predators(Path list) throws IOException {
        Set<String> ids = new HashSet<>();
        for (String line : Files.readAllLines(list)) {
            if (!line.isBlank()) {
                ids.add(line.strip());
            }
        }
        return ids;
    }

    public static List<Labelled> read(Path xml, Set<String> predators) throws IOException, ConversationUnreadable {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Labelled> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xml)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            String id = null;
            List<Message> messages = new ArrayList<>();
            boolean predator = false;
            String author = "";
            StringBuilder text = new StringBuilder();
            String field = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("conversation")) {
                        id = r.getAttributeValue(null, "id");
                        messages = new ArrayList<>();
                        predator = false;
                    } else if (name.equals("message")) {
                        author = "";
                        text.setLength(0);
                    } else if (name.equals("author") || name.equals("text")) {
                        field = name;
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if ("text".equals(field)) {
                        text.append(r.getText());
                    } else if ("author".equals(field)) {
                        author += r.getText().strip();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("author") || name.equals("text")) {
                        field = null;
                    } else if (name.equals("message")) {
                        predator |= predators.contains(author);
                        if (!text.toString().isBlank()) {
                            messages.add(Message.text(
                                    messages.size(), author, text.toString().strip()));
                        }
                    } else if (name.equals("conversation")) {
                        out.add(new Labelled(
                                id == null ? "pan12#" + (out.size() + 1) : id, Conversation.of(messages), predator));
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new ConversationUnreadable("PAN12 XML unreadable near line "
                    + (e.getLocation() == null ? -1 : e.getLocation().getLineNumber()));
        }
        return out;
    }
}
