package org.filet.server.evidence.documents;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of {@code report.pdf} and {@code case.pdf} in French and English. Every {@link Key} has a text in both languages (checked when
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
        TRIAGE_NOTICE(
                "Ce score ordonne le travail de l'équipe ; il n'accuse personne.",
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
        MACHINE_READING(
                "LECTURE MACHINE : texte lu par OCR, il peut contenir des erreurs ; l'original est l'image.",
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
        CASE_TITLE("Dossier transmis sous scellé", "Sealed case"),
        CASE_NAME("Intitulé", "Title"),
        STATUS("Statut", "Status"),
        SECTION_APPROVAL("Approbation (quatre yeux) et transmission", "Approval (four eyes) and referral"),
        OPENED_BY("Ouvert par", "Opened by"),
        VERSION("Version", "Version"),
        APPROVED_BY("approuvée par", "approved by"),
        ON("le", "on"),
        REFERRED_ON("transmise le", "referred on"),
        NOT_REFERRED("pas transmise", "not referred"),
        REPORTS_COUNT("signalement(s)", "report(s)"),
        CONTENT_SHA("empreinte SHA-256 du contenu approuvé", "SHA-256 of the approved content"),
        NO_APPROVAL("Aucune approbation enregistrée.", "No approval recorded."),
        FOUR_EYES(
                "Quatre yeux : le contenu transmis (signalements et fichiers) a été approuvé par une deuxième personne, "
                        + "responsable, qui n'est pas l'auteur du dossier ; un contenu ajouté depuis n'est transmis qu'après une "
                        + "nouvelle approbation.",
                "Four eyes: the content referred (reports and files) was approved by a second person, a lead who is not "
                        + "the case's author; content added since is referred only after a new approval."),
        AUTHORITY("Autorité destinataire", "Authority"),
        REFERRED_BY("Transmis par", "Referred by"),
        REFERRAL_STATUS("État de la transmission", "Referral status"),
        ACCEPTED_AT("Accepté le", "Accepted"),
        PROPOSED("Autorité proposée par l'annuaire", "Authority proposed by the directory"),
        OVERRIDE_REASON("Motif du choix d'une autre autorité", "Reason for choosing another authority"),
        NOT_REFERRED_YET("Pas encore transmis.", "Not referred yet."),
        SECTION_CASE_REPORTS("Signalements du dossier", "Reports of the case"),
        PLATFORMS("Plateformes", "Platforms"),
        MESSAGES_LABEL("Messages", "Messages"),
        IN_FORM("dans le formulaire", "typed in the form"),
        IN_EXPORTS("dans des exports de conversation", "in chat exports"),
        BY_OCR("lus par OCR", "read by OCR"),
        DOCUMENTS("Documents de ce signalement", "This report's documents"),
        OWN_PDF(
                "chronologie des messages, tri, fichiers et traçabilité",
                "message timeline, triage, files and custody"),
        OWN_GRAPH("graphe CASE/UCO", "CASE/UCO graph"),
        DERIVED_FILES("transcriptions dérivées", "derived transcripts"),
        NO_LINKS(
                "Aucun lien enregistré entre les signalements de ce paquet.",
                "No link recorded between the reports of this package."),
        STATUS_NEW("nouveau", "new"),
        STATUS_TRIAGED("trié", "triaged"),
        STATUS_INVESTIGATING("en cours d'examen", "investigating"),
        STATUS_READY_FOR_REVIEW("prêt pour relecture", "ready for review"),
        STATUS_APPROVED("approuvé", "approved"),
        STATUS_REFERRED("transmis", "referred"),
        STATUS_CLOSED("clos", "closed"),
        REFERRAL_SENT("envoyé", "sent"),
        REFERRAL_ACCEPTED("accepté par l'autorité", "accepted by the authority"),
        LEVEL_LOW("faible", "low"),
        LEVEL_MEDIUM("moyen", "medium"),
        LEVEL_HIGH("élevé", "high"),
        ROLE_INSTANCE_ADMIN("administrateur de l'instance", "instance administrator"),
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

    /**
     * The words the pages use for a code the triage writes (an urgency rule such as {@code child-under-age}, a signal
     * such as {@code age_asked}), read from the application's message bundles ({@code triage.reason.*},
     * {@code signal.*}); the code itself when the bundle has no words for it.
     */
    String urgencyReason(String code) {
        return bundleWord("triage.reason." + code, code);
    }

    /** @see #urgencyReason */
    String signal(String code) {
        return bundleWord("signal." + code, code);
    }

    /** A custody action ({@code received}, {@code viewed}…) as the pages say it. */
    String custodyAction(String code) {
        return code == null ? null : bundleWord("custody.action." + code, code);
    }

    /** How a report came in ({@code form}, {@code api}) as the pages say it. */
    String channel(String code) {
        return code == null ? null : bundleWord("report.channel." + code, code);
    }

    /** Who reported ({@code parent}, {@code child}…) as the pages say it. */
    String reporterRole(String code) {
        return code == null ? null : bundleWord("report.role." + code, code);
    }

    private String bundleWord(String key, String fallback) {
        try {
            ResourceBundle words = ResourceBundle.getBundle(
                    "i18n/messages", language.equals("en") ? Locale.ENGLISH : Locale.ROOT, NO_SYSTEM_LOCALE);
            return words.containsKey(key) ? words.getString(key) : fallback;
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    /** The bundle of the language asked for, else the base (French) one; never the machine's own locale. */
    private static final ResourceBundle.Control NO_SYSTEM_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

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
            case "instance-admin", "instance_admin" -> get(Key.ROLE_INSTANCE_ADMIN);
            default -> role;
        };
    }

    /** The label for a triage level ({@code low}, {@code medium}, {@code high}, {@code urgent}); others as given. */
    String level(String level) {
        if (level == null) {
            return get(Key.NOT_GIVEN);
        }
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "low" -> get(Key.LEVEL_LOW);
            case "medium" -> get(Key.LEVEL_MEDIUM);
            case "high" -> get(Key.LEVEL_HIGH);
            case "urgent" -> get(Key.URGENT);
            default -> level;
        };
    }

    /** The label for a case status ({@code referred}…) or a referral status ({@code sent}…); others as given. */
    String status(String status) {
        if (status == null) {
            return get(Key.NOT_GIVEN);
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "new" -> get(Key.STATUS_NEW);
            case "triaged" -> get(Key.STATUS_TRIAGED);
            case "investigating" -> get(Key.STATUS_INVESTIGATING);
            case "ready_for_review" -> get(Key.STATUS_READY_FOR_REVIEW);
            case "approved" -> get(Key.STATUS_APPROVED);
            case "referred" -> get(Key.STATUS_REFERRED);
            case "closed" -> get(Key.STATUS_CLOSED);
            case "sent" -> get(Key.REFERRAL_SENT);
            case "accepted" -> get(Key.REFERRAL_ACCEPTED);
            default -> status;
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
