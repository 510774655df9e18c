package org.filet.chatexport.whatsapp;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Our own table of WhatsApp's fixed texts in the languages seen in fixtures (en, fr, de, es, it, nl, pt, cs, ru).
 * Matching ignores case and direction marks. Unknown languages still parse: their placeholders stay ordinary
 * messages.
 */
final class Phrases {
    private Phrases() {}

    static final Set<String> DELETED = Set.of(
            "this message was deleted",
            "you deleted this message",
            "this message was deleted.",
            "ce message a été supprimé",
            "vous avez supprimé ce message",
            "ce message a été supprimé.",
            "diese nachricht wurde gelöscht",
            "du hast diese nachricht gelöscht",
            "diese nachricht wurde gelöscht.",
            "se eliminó este mensaje.",
            "se eliminó este mensaje",
            "eliminaste este mensaje.",
            "eliminaste este mensaje",
            "questo messaggio è stato eliminato",
            "hai eliminato questo messaggio",
            "dit bericht is verwijderd",
            "je hebt dit bericht verwijderd",
            "mensagem apagada",
            "você apagou esta mensagem",
            "essa mensagem foi apagada",
            "tato zpráva byla smazána",
            "данное сообщение удалено",
            "это сообщение удалено",
            "вы удалили это сообщение");

    static final Set<String> MEDIA_OMITTED = Set.of(
            "<media omitted>",
            "<médias omis>",
            "<medien ausgeschlossen>",
            "<multimedia omitido>",
            "<media weggelaten>",
            "<média vynechány>",
            "<media omessi>",
            "<mídia oculta>",
            "<arquivo de mídia oculto>",
            "<без медиафайлов>",
            "<médias omises>",
            "<media omitted/>");

    /** Last words of iOS "… omitted" placeholders ("image omitted", "image absente", "Bild weggelassen" …). */
    private static final Set<String> IOS_OMITTED_LAST_WORDS = Set.of(
            "omitted",
            "absente",
            "absent",
            "weggelassen",
            "omessa",
            "omesso",
            "revelada",
            "revelado",
            "omitido",
            "omitida",
            "weggelaten",
            "vynechán",
            "vynechána",
            "отсутствует");

    static final List<String> EDITED_SUFFIXES = List.of(
            "<this message was edited>",
            "<ce message a été modifié>",
            "<diese nachricht wurde bearbeitet>",
            "<se editó este mensaje.>",
            "<questo messaggio è stato modificato>",
            "<dit bericht is bewerkt>",
            "<mensagem editada>");

    /** Labels of "NAME (label)" attachments (Android) and their language. */
    static final List<String[]> FILE_ATTACHED = List.of(
            new String[] {"file attached", "en"},
            new String[] {"fichier joint", "fr"},
            new String[] {"datei angehängt", "de"},
            new String[] {"archivo adjunto", "es"},
            new String[] {"file allegato", "it"},
            new String[] {"bestand bijgevoegd", "nl"},
            new String[] {"arquivo anexado", "pt"},
            new String[] {"příloha", "cs"},
            new String[] {"файл прикреплен", "ru"},
            new String[] {"файл вложен", "ru"});

    /** Labels of "<label: NAME>" attachments (iOS). */
    static final List<String> ATTACHED_PREFIXES = List.of(
            "attached:",
            "anhang:",
            "pièce jointe :",
            "pièce jointe:",
            "adjunto:",
            "allegato:",
            "bijlage:",
            "anexo:",
            "příloha:",
            "вложение:");

    /** Fragments of system texts that WhatsApp writes as if sent by a person (iOS) or with no author (Android). */
    private static final List<String> SYSTEM_FRAGMENTS = List.of(
            "end-to-end encrypted",
            "secured with end-to-end encryption",
            "your security code with",
            "security code changed",
            "updated the message timer",
            "turned on disappearing messages",
            "turned off disappearing messages",
            "changed their phone number",
            "created group",
            "added you",
            "changed the subject",
            "changed this group's",
            "changed the group description",
            "left",
            "was removed",
            "chiffrés de bout en bout",
            "code de sécurité",
            "ende-zu-ende",
            "sicherheitsnummer",
            "cifrados de extremo a extremo",
            "crittografia end-to-end",
            "end-to-end versleuteld",
            "criptografia de ponta a ponta",
            "end-to-end šifrované",
            "сквозным шифрованием");

    /** Language of some fixed texts, used to name the export's variant. */
    static final java.util.Map<String, String> LANGUAGE_OF = java.util.Map.ofEntries(
            java.util.Map.entry("<media omitted>", "en"), java.util.Map.entry("this message was deleted", "en"),
            java.util.Map.entry("you deleted this message", "en"), java.util.Map.entry("<médias omis>", "fr"),
            java.util.Map.entry("ce message a été supprimé", "fr"),
                    java.util.Map.entry("vous avez supprimé ce message", "fr"),
            java.util.Map.entry("<medien ausgeschlossen>", "de"),
                    java.util.Map.entry("diese nachricht wurde gelöscht", "de"),
            java.util.Map.entry("du hast diese nachricht gelöscht", "de"),
                    java.util.Map.entry("<multimedia omitido>", "es"),
            java.util.Map.entry("se eliminó este mensaje.", "es"), java.util.Map.entry("<media weggelaten>", "nl"),
            java.util.Map.entry("<média vynechány>", "cs"), java.util.Map.entry("<media omessi>", "it"));

    /** Texts specific enough to be read as system notices even without a leading direction mark. */
    private static final List<String> UNMARKED_SYSTEM_FRAGMENTS = List.of(
            "updated the message timer",
            "turned on disappearing",
            "messages and calls are end-to-end encrypted",
            "are now secured with end-to-end encryption",
            "защищены сквозным шифрованием",
            "sont chiffrés de bout en bout",
            "mit ende-zu-ende-verschlüsselung geschützt");

    /** Longest deleted/omitted placeholder (with margin). */
    static final int MAX_SHORT_PLACEHOLDER = 64;

    private static final boolean[] DELETED_LENGTHS = new boolean[MAX_SHORT_PLACEHOLDER + 1];

    static {
        for (String d : DELETED) {
            if (d.length() <= MAX_SHORT_PLACEHOLDER) {
                DELETED_LENGTHS[d.length()] = true;
            }
        }
    }

    /**
     * Cheap pre-check before lower-casing: could {@code t} be a deleted/omitted/view-once placeholder? iOS "… omitted"
     * placeholders only occur in bracketed (iOS) exports.
     */
    static boolean maybePlaceholder(String t, boolean ios) {
        int n = t.length();
        return n <= MAX_SHORT_PLACEHOLDER && (n == 4 || t.startsWith("<") || DELETED_LENGTHS[n] || ios);
    }

    /** Cheap pre-check before {@link #isAttributedSystem}: a leading mark or a notice keyword. */
    static boolean maybeSystem(String rawFirstLine) {
        if (!rawFirstLine.isEmpty() && HeaderScanner.isMark(rawFirstLine.charAt(0))) {
            return true;
        }
        return rawFirstLine.contains("end-to-end")
                || rawFirstLine.contains("timer")
                || rawFirstLine.contains("disappearing")
                || rawFirstLine.contains("шифр")
                || rawFirstLine.contains("chiffr")
                || rawFirstLine.contains("Ende-zu-Ende");
    }

    static String plain(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            if (HeaderScanner.isMark(s.charAt(i))) {
                if (b == null) {
                    b = new StringBuilder(s.length());
                    b.append(s, 0, i);
                }
            } else if (b != null) {
                b.append(s.charAt(i));
            }
        }
        String r = b == null ? s : b.toString();
        return r.strip();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static boolean isDeleted(String plainLower) {
        return DELETED.contains(plainLower);
    }

    static boolean isMediaOmitted(String plainLower) {
        if (MEDIA_OMITTED.contains(plainLower)) {
            return true;
        }
        if (plainLower.length() > 60 || plainLower.indexOf('\n') >= 0) {
            return false;
        }
        int space = plainLower.lastIndexOf(' ');
        return space > 0 && IOS_OMITTED_LAST_WORDS.contains(plainLower.substring(space + 1));
    }

    /** Attributed system text (iOS encryption notice etc.): only when the body starts with a direction mark. */
    static boolean isAttributedSystem(String rawBody, String plainLower) {
        if (rawBody.isEmpty() || !HeaderScanner.isMark(rawBody.charAt(0))) {
            if (plainLower.length() > 300) {
                return false;
            }
            for (String f : UNMARKED_SYSTEM_FRAGMENTS) {
                if (plainLower.contains(f)) {
                    return true;
                }
            }
            return false;
        }
        if (plainLower.length() > 400) {
            return false;
        }
        for (String f : SYSTEM_FRAGMENTS) {
            if (f.length() > 6 && plainLower.contains(f)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the language of an attachment label found in the first line, or null. */
    static @Nullable String fileAttachedLanguage(String firstLineLower) {
        if (!firstLineLower.endsWith(")")) {
            return null;
        }
        for (String[] fa : FILE_ATTACHED) {
            int end = firstLineLower.length() - 1;
            int start = end - fa[0].length();
            if (start > 0 && firstLineLower.charAt(start - 1) == '(' && firstLineLower.startsWith(fa[0], start)) {
                return fa[1];
            }
        }
        return null;
    }
}
