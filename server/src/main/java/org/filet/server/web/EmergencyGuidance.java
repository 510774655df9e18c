package org.filet.server.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Whom to call when a child is in immediate danger, per country, from {@code emergency-numbers.tsv} (a readable table
 * other countries extend: country, number, message key of its label). Unknown countries get the European 112.
 */
@Component
public class EmergencyGuidance {

    /** One number to call, with the message key that says what it is for. */
    public record EmergencyNumber(String number, String labelKey) {}

    private final Map<String, List<EmergencyNumber>> byCountry = new LinkedHashMap<>();

    public EmergencyGuidance() {
        try (InputStream in = EmergencyGuidance.class.getResourceAsStream("/emergency-numbers.tsv")) {
            if (in == null) {
                throw new IllegalStateException("emergency-numbers.tsv is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 3) {
                    throw new IllegalStateException("emergency-numbers.tsv: bad line: " + line);
                }
                byCountry
                        .computeIfAbsent(cols[0].trim().toUpperCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(new EmergencyNumber(cols[1].trim(), cols[2].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The numbers for a country (ISO 3166 alpha-2), or the default list when the country is unknown or absent. */
    public List<EmergencyNumber> forCountry(String country) {
        if (country != null) {
            List<EmergencyNumber> numbers = byCountry.get(country.trim().toUpperCase(Locale.ROOT));
            if (numbers != null) {
                return numbers;
            }
        }
        return byCountry.getOrDefault("*", List.of(new EmergencyNumber("112", "emergency.label.112")));
    }

    public List<String> countries() {
        return byCountry.keySet().stream().filter(c -> !c.equals("*")).toList();
    }
}
