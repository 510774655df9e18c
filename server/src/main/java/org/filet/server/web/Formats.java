package org.filet.server.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Formatting helpers for pages ({@code ${@fmt.at(instant)}}): times in the instance's zone, sizes, countries. */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final ZoneId zone;

    public Formats(@Value("${filet.zone:Europe/Paris}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public String at(Instant instant) {
        return instant == null ? "" : AT.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** A calendar day as the pages write days (dd/MM/yyyy). */
    public String day(java.time.LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** A size with the reader's unit words (o, Kio, Mio in French; B, KiB, MiB in English). */
    public String size(long bytes, Locale locale) {
        String plain = size(bytes);
        return "fr".equals(locale.getLanguage())
                ? plain.replace(".", ",")
                        .replace(" KiB", " Kio")
                        .replace(" MiB", " Mio")
                        .replace(" B", " o")
                : plain;
    }

    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    /** A language's name in the reader's language ({@code fr} → "français"). */
    public String language(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return Locale.forLanguageTag(code).getDisplayLanguage(locale);
    }

    public String country(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(locale);
        return name == null || name.isBlank() ? code : name;
    }
}
