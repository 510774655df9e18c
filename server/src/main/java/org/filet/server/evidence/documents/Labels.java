package org.filet.server.evidence.documents;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words of {@code report.pdf} in French and English. Every {@link Key} has a text in both languages (checked when
 * the class loads); French is the default for any language that is not English.
 */
final class Labels {

    enum Key {
        TITLE("Signalement transmis sous scellé", "Sealed report"),
        SECTION_REPORT("Signalement", "Report"),
        SECTION_DESCRIPTION("Description", "Description"),
        SECTION_MESSAGES("Chronologie des messages", "Message timeline"),
        SECTION_SUSPECT("Comptes et contacts du suspect", "Suspect accounts and contacts"),
        SECTION_FILES("Fichiers (SHA-256)", "Files (SHA-256)"),
        SECTION_CUSTODY("Chaîne de traçabilité", "Chain of custody"),
        SECTION_TREE("Arbre signé", "Signed tree"),
        ORGANISATION("Organisation", "Organisation"),
        INSTANCE("Instance", "Instance"),
        RECEIPT("Accusé de réception", "Receipt"),
        SUBJECT("Sujet", "Subject"),
        RECEIVED_AT("Reçu le", "Received"),
        EXPORTED_AT("Exporté le", "Exported"),
        CHANNEL("Canal", "Channel"),
        REPORTER("Signalé par", "Reported by"),
        CHILD_AGE("Âge de l'enfant", "Child's age"),
        CHILD_COUNTRY("Pays de l'enfant", "Child's country"),
        PLATFORM("Plateforme", "Platform"),
        FACTS_DATE("Date des faits", "Date of the facts"),
        FACTS_ABOUT("vers", "around"),
        SUSPECT_CLAIMED_AGE("Âge annoncé par la personne suspecte", "Age the suspect claimed"),
        CHILD_ACCOUNTS("Comptes de l'enfant (jamais reliés)", "The child's own accounts (never linked)"),
        IMMEDIATE_DANGER("Danger immédiat (réponse du déclarant)", "Immediate danger (reporter's answer)"),
        TRIAGE_URGENCY("Urgence selon le tri", "Urgency found by triage"),
        URGENT("URGENT", "URGENT"),
        NOT_URGENT("non urgent", "not urgent"),
        NOT_TRIAGED("pas encore trié", "not triaged yet"),
        SECTION_TRIAGE("Tri", "Triage"),
        TRIAGE_NOTICE("Ce score ordonne le travail de l'équipe ; il n'accuse personne.",
                "This score orders the team's work; it accuses no one."),
        LEVEL("Niveau", "Level"),
        RISK("Score de risque", "Risk score"),
        URGENCY_REASONS("Motifs d'urgence", "Urgency reasons"),
        NONE("aucun", "none"),
        SIGNALS("Signaux et messages qui les portent", "Signals and the messages that carry them"),
        URGENCY_RULE("règle d'urgence", "urgency rule"),
        IN("dans", "in"),
        MESSAGES_WORD("messages", "messages"),
        OVERRIDE("Priorité changée en", "Priority changed to"),
        BY("par", "by"),
        SCORED_BY("Calculé par", "Computed by"),
        SOURCE_FORM("Messages saisis dans le formulaire", "Messages typed in the form"),
        SOURCE_EXPORT("Export de conversation", "Chat export"),
        SOURCE_OCR("Lecture automatique (OCR) d'une capture d'écran", "Automatic reading (OCR) of a screenshot"),
        MACHINE_READING("LECTURE MACHINE : texte lu par OCR, il peut contenir des erreurs ; l'original est l'image.",
                "MACHINE READING: text read by OCR, it may contain errors; the original is the picture."),
        READ_FROM("lu depuis l'original", "read from the original"),
        READING_IN("transcription", "reading in"),
        OMITTED("messages de plus, tous dans", "more messages, all in"),
        SIDE_LEFT("bulle à gauche", "left bubble"),
        SIDE_RIGHT("bulle à droite", "right bubble"),
        SIGNALS_HERE("signaux", "signals"),
        SECTION_NOTES("Notes de l'organisation pour l'autorité", "Notes from the organisation for the authority"),
        NO_NOTES("Aucune note transmise.", "No notes included."),
        CASE("Dossier", "Case"),
        SECTION_LINKS("Pourquoi ces signalements sont liés", "Why these reports are linked"),
        LINK_IDENTIFIER("identifiant partagé", "shared identifier"),
        LINK_PICTURE("image correspondante", "matching picture"),
        WITH("avec", "with"),
        ROLE_ANALYST("analyste", "analyst"),
        ROLE_LEAD("responsable", "lead"),
        ROLE_ADMIN("administrateur", "administrator"),
        ROLE_AUTHORITY("autorité", "authority"),
        YES("OUI", "YES"),
        NO("non", "no"),
        NOT_GIVEN("non renseigné", "not given"),
        YEARS("ans", "years"),
        PARIS_TIME("heure de Paris", "Paris time"),
        NO_MESSAGES("Aucun message rapporté.", "No messages reported."),
        NO_ACCOUNTS("Aucun compte ni contact rapporté.", "No accounts or contacts reported."),
        NO_FILES("Aucun fichier.", "No files."),
        NO_CUSTODY("Aucune entrée.", "No entries."),
        FROM_SUSPECT("suspect", "suspect"),
        FROM_CHILD("enfant", "child"),
        FROM_OTHER("autre", "other"),
        FROM_UNKNOWN("inconnu", "unknown"),
        CONTACT_PHONE("téléphone", "phone"),
        CONTACT_EMAIL("courriel", "email"),
        BYTES("octets", "bytes"),
        ROLE_ORIGINAL("original", "original"),
        ROLE_DERIVED("dérivé", "derived"),
        DERIVED_FROM("dérivé de", "derived from"),
        ORIGINAL_NAME("nom d'origine", "original name"),
        LEAF("feuille", "leaf"),
        OUTPUTS("sorties", "outputs"),
        REASON("motif", "reason"),
        TREE_SIZE("Taille de l'arbre", "Tree size"),
        TREE_ROOT("Racine", "Root"),
        PAGE("page", "page"),
        VERIFY_WITH("vérifier avec :", "verify with:");

        private final String fr;
        private final String en;

        Key(String fr, String en) {
            this.fr = fr;
            this.en = en;
        }
    }

    private static final Labels FRENCH = new Labels("fr");
    private static final Labels ENGLISH = new Labels("en");

    private final String language;
    private final Map<Key, String> texts = new EnumMap<>(Key.class);

    private Labels(String language) {
        this.language = language;
        for (Key key : Key.values()) {
            String text = language.equals("en") ? key.en : key.fr;
            if (text == null || text.isBlank()) {
                throw new IllegalStateException("label " + key + " has no text in " + language);
            }
            texts.put(key, text);
        }
    }

    /** English for {@code en} (any case, any region such as {@code en-GB}), French otherwise. */
    static Labels of(String language) {
        if (language == null) {
            return FRENCH;
        }
        String lang = language.trim().toLowerCase(Locale.ROOT);
        return lang.equals("en") || lang.startsWith("en-") || lang.startsWith("en_") ? ENGLISH : FRENCH;
    }

    String language() {
        return language;
    }

    String get(Key key) {
        return texts.get(key);
    }

    /** What separates a label from its value: {@code " : "} in French typography, {@code ": "} in English. */
    String colon() {
        return language.equals("en") ? ": " : " : ";
    }

    /** The label for a message's {@code from} value ({@code suspect}, {@code child}, {@code other}). */
    String from(String from) {
        if (from == null) {
            return get(Key.FROM_UNKNOWN);
        }
        return switch (from.toLowerCase(Locale.ROOT)) {
            case "suspect" -> get(Key.FROM_SUSPECT);
            case "child" -> get(Key.FROM_CHILD);
            case "other" -> get(Key.FROM_OTHER);
            default -> from;
        };
    }

    /** The label for a contact's kind ({@code phone}, {@code email}); unknown kinds are shown as given. */
    String contactKind(String kind) {
        if (kind == null) {
            return get(Key.FROM_UNKNOWN);
        }
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "phone" -> get(Key.CONTACT_PHONE);
            case "email" -> get(Key.CONTACT_EMAIL);
            default -> kind;
        };
    }

    /** The label for a staff role ({@code analyst}, {@code lead}, {@code admin}, {@code authority}); others as given. */
    String staffRole(String role) {
        if (role == null) {
            return get(Key.FROM_UNKNOWN);
        }
        return switch (role.toLowerCase(Locale.ROOT)) {
            case "analyst" -> get(Key.ROLE_ANALYST);
            case "lead" -> get(Key.ROLE_LEAD);
            case "admin" -> get(Key.ROLE_ADMIN);
            case "authority" -> get(Key.ROLE_AUTHORITY);
            default -> role;
        };
    }

    /** The label for a file's role ({@code original}, {@code derived}); unknown roles are shown as given. */
    String fileRole(String role) {
        if (role == null) {
            return get(Key.FROM_UNKNOWN);
        }
        return switch (role.toLowerCase(Locale.ROOT)) {
            case "original" -> get(Key.ROLE_ORIGINAL);
            case "derived" -> get(Key.ROLE_DERIVED);
            default -> role;
        };
    }
}
