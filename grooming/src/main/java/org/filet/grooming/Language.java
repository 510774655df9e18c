package org.filet.grooming;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The chat languages the signals know. {@link #detect} guesses one from common function words. */
public enum Language {
    EN(Set.copyOf(java.util.List.of(
            "the", "you", "and", "is", "are", "what", "i", "to", "it", "my", "your", "do", "u", "that", "have", "im",
            "dont", "lol", "so", "with", "for", "of", "me", "yeah", "ok", "just", "was", "how", "can", "ur", "r",
            "wanna", "whats", "hey", "old", "where", "who", "why", "omg", "pls", "plz", "thx", "youre", "cant"))),
    FR(Set.copyOf(java.util.List.of(
            "je", "tu", "le", "la", "les", "est", "et", "pas", "de", "des", "un", "une", "moi", "toi", "mais", "oui",
            "non", "ca", "sa", "quoi", "mdr", "ouais", "jsuis", "cest", "tes", "tas", "il", "elle", "on", "avec",
            "pour", "ton", "ta", "mon", "ma", "suis", "trop", "bien", "fait", "vas", "quand", "quel", "quelle", "jai",
            "cc", "slt", "stp", "tkt", "bcp", "ptdr", "wsh", "wesh", "frere", "ou", "dou", "jsp", "koi", "pk", "chez",
            "ai", "es", "vous", "nous", "ils", "ce", "cette", "dans", "sur", "aussi", "tu", "jsuis", "chui", "salut"))),
    DE(Set.copyOf(java.util.List.of(
            "ich", "du", "der", "die", "das", "und", "ist", "nicht", "bist", "mit", "ein", "eine", "mir", "dir", "ja",
            "nein", "was", "wie", "auch", "hast", "habe", "hab", "bin", "auf", "dich", "mich", "noch", "schon", "aber",
            "wo", "wer", "wie", "alt", "bitte", "danke", "hallo", "gerade", "jetzt", "kannst", "willst", "mein", "dein",
            "deine", "warum", "nicht", "nix", "haste", "biste", "wohnst", "kommst"))),
    NL(Set.copyOf(java.util.List.of(
            "ik", "je", "jij", "het", "een", "en", "niet", "ben", "wat", "hoe", "ook", "mij", "jou", "dat", "heb",
            "hebt", "zijn", "maar", "nog", "wel", "van", "naar", "waar", "kan", "wil", "zo", "met", "ff", "jouw", "oud",
            "woon", "waarom", "hoi", "doei", "mijn", "moet", "gaat", "goed", "echt", "niks", "weet", "ook", "wie")));

    private final Set<String> functionWords;

    Language(Set<String> functionWords) {
        this.functionWords = functionWords;
    }

    /** The language for a code such as {@code fr} or {@code FR}; rejects unknown codes. */
    public static Language ofCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown language code (expected en, fr, de or nl)");
        }
    }

    /**
     * Guesses the language of texts already lower-cased and accent-folded ({@link ChatNormalizer#fold}) by counting
     * function words; English when nothing matches.
     */
    public static Language detect(List<String> foldedTexts) {
        int[] counts = new int[values().length];
        for (String text : foldedTexts) {
            int start = -1;
            for (int i = 0; i <= text.length(); i++) {
                char c = i < text.length() ? text.charAt(i) : ' ';
                if (start >= 0 && (c == '\'' || c == '\u2019')) {
                    continue;
                }
                boolean letter = Character.isLetter(c);
                if (letter && start < 0) {
                    start = i;
                } else if (!letter && start >= 0) {
                    String word = text.substring(start, i).replace("'", "").replace("\u2019", "");
                    for (Language l : values()) {
                        if (l.functionWords.contains(word)) {
                            counts[l.ordinal()]++;
                        }
                    }
                    start = -1;
                }
            }
        }
        Language best = EN;
        for (Language l : values()) {
            if (counts[l.ordinal()] > counts[best.ordinal()]) {
                best = l;
            }
        }
        return best;
    }
}
