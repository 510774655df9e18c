package org.filet.server.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit entry's before or after (stored as JSON) in words: each field by its name in the reader's language, roles
 * and vetting checks by their names, yes or no for flags. {@code ${@auditWords.describe(json, #locale)}} on pages.
 */
@Component("auditWords")
public class AuditWords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final MessageSource messages;

    AuditWords(MessageSource messages) {
        this.messages = messages;
    }

    public String describe(String json, Locale locale) {
        if (json == null || json.isBlank()) {
            return "";
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (RuntimeException e) {
            return json;
        }
        if (!node.isObject()) {
            return json;
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            String field = f.getKey();
            parts.add(msg("admin.audit.field." + field, field, locale) + " : " + value(field, f.getValue(), locale));
        }
        return String.join(" ; ", parts);
    }

    private String value(String field, JsonNode v, Locale locale) {
        if (v.isBoolean()) {
            return msg(v.asBoolean() ? "admin.audit.yes" : "admin.audit.no", v.asString(), locale);
        }
        if (v.isNull()) {
            return "—";
        }
        String text = v.isString() ? v.asString() : v.toString();
        if (field.equals("role")) {
            return msg("role." + text, text, locale);
        }
        if (field.equals("missing")) {
            List<String> kinds = new ArrayList<>();
            for (String k : text.split(",\\s*")) {
                if (!k.isBlank()) {
                    kinds.add(msg("vetting.kind." + k.strip(), k.strip(), locale));
                }
            }
            return kinds.isEmpty() ? "—" : String.join(", ", kinds);
        }
        return text;
    }

    private String msg(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
