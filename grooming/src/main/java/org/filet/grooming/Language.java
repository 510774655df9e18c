package org.filet.grooming;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The chat languages the signals know. {@link #detect} guesses one from common function words. */
public enum Language {
  EN(Set.of("the", "you", "and", "is", "are", "what", "i", "to", "it", "my", "your", "do", "u", "that", "have",
      "im", "dont", "lol", "so", "with", "for", "of", "me", "yeah", "ok", "just", "was", "how", "can")),
  FR(Set.of("je", "tu", "le", "la", "les", "est", "et", "pas", "de", "des", "un", "une", "moi", "toi", "mais",
      "oui", "non", "ca", "sa", "quoi", "mdr", "ouais", "jsuis", "cest", "tes", "tas", "il", "elle", "on", "avec",
      "pour", "ton", "ta", "mon", "ma", "suis", "trop", "bien", "fait", "vas", "quand")),
  DE(Set.of("ich", "du", "der", "die", "das", "und", "ist", "nicht", "bist", "mit", "ein", "eine", "mir", "dir",
      "ja", "nein", "was", "wie", "auch", "hast", "habe", "hab", "bin", "auf", "dich", "mich", "noch", "schon",
      "aber", "wo", "wer")),
  NL(Set.of("ik", "je", "jij", "het", "een", "en", "niet", "ben", "wat", "hoe", "ook", "mij", "jou", "dat",
      "heb", "hebt", "zijn", "maar", "nog", "wel", "van", "naar", "waar", "kan", "wil", "zo", "met", "ff", "jouw"));

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
        boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
        if (letter && start < 0) {
          start = i;
        } else if (!letter && start >= 0) {
          String word = text.substring(start, i);
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
