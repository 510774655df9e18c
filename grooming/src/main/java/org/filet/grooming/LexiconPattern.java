package org.filet.grooming;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One signal pattern in the lexicon's small token language, compiled to a regular expression over
 * {@link ChatNormalizer} output.
 *
 * <p>Syntax: tokens separated by spaces; {@code a|b} alternatives; {@code +} joins several words inside one
 * alternative; a trailing {@code *} makes an alternative a prefix (at least three letters); {@code [x]} makes a
 * token optional; {@code ~N} skips up to N tokens; {@code <adult>} is a number 18–79, {@code <minor>} 6–17,
 * {@code <num>} any number, {@code <clock>} a clock time such as {@code 7pm} or {@code 17h30}.
 *
 * @param language null when the pattern applies to every language
 * @param triggerKeys the first three letters (or the whole word if shorter) of each alternative of the first
 *     required token; empty when the pattern must be tried on every message
 */
public record LexiconPattern(
        Signal signal, @Nullable Language language, String source, Pattern regex, List<String> triggerKeys) {

    public LexiconPattern {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(regex, "regex");
        triggerKeys = List.copyOf(triggerKeys);
    }

    /** Compiles {@code source}; rejects empty patterns, bad gaps and prefixes shorter than three letters. */
    public static LexiconPattern compile(Signal signal, @Nullable Language language, String source) {
        String[] tokens = source.trim().split(" +");
        StringBuilder regex = new StringBuilder(" ");
        @Nullable List<String> keys = null;
        boolean anyRequired = false;
        for (String token : tokens) {
            if (token.startsWith("~")) {
                int n = Integer.parseInt(token.substring(1));
                if (n < 1 || n > 9) {
                    throw new IllegalArgumentException("gap must be ~1..~9 in pattern: " + source);
                }
                regex.append("(?:\\S+ ){0,").append(n).append('}');
                continue;
            }
            boolean optional = token.startsWith("[") && token.endsWith("]");
            String body = optional ? token.substring(1, token.length() - 1) : token;
            String[] alternatives = body.split("\\|");
            StringBuilder block = new StringBuilder("(?:");
            @Nullable List<String> tokenKeys = new ArrayList<>();
            for (int a = 0; a < alternatives.length; a++) {
                String alt = alternatives[a];
                if (alt.isEmpty()) {
                    throw new IllegalArgumentException("empty alternative in pattern: " + source);
                }
                block.append(a == 0 ? "" : "|").append(altRegex(alt, source));
                String key = keyOf(alt);
                if (key == null) {
                    tokenKeys = null;
                } else if (tokenKeys != null) {
                    tokenKeys.add(key);
                }
            }
            block.append(") ");
            if (optional) {
                regex.append("(?:").append(block).append(")?");
            } else {
                regex.append(block);
                if (!anyRequired) {
                    keys = tokenKeys;
                    anyRequired = true;
                }
            }
        }
        if (!anyRequired) {
            throw new IllegalArgumentException("pattern has no required token: " + source);
        }
        return new LexiconPattern(
                signal, language, source, Pattern.compile(regex.toString()), keys == null ? List.of() : keys);
    }

    private static String altRegex(String alt, String source) {
        switch (alt) {
            case "<adult>":
                return "(?:1[89]|[2-7][0-9])";
            case "<minor>":
                return "(?:[6-9]|1[0-7])";
            case "<num>":
                return "[0-9]+";
            case "<clock>":
                return "(?:[0-9]{1,2}(?:am|pm|h|h[0-9]{2}))";
            default:
                break;
        }
        boolean prefix = alt.endsWith("*");
        String word = prefix ? alt.substring(0, alt.length() - 1) : alt;
        if (prefix && word.length() < 3) {
            throw new IllegalArgumentException("prefix shorter than three letters in pattern: " + source);
        }
        if (!word.matches("[a-z0-9_?+]+")) {
            throw new IllegalArgumentException("pattern words must be lower-case folded letters: " + source);
        }
        String literal = Pattern.quote(word.replace('+', ' '));
        return prefix ? literal + "\\S*" : literal;
    }

    private static @Nullable String keyOf(String alt) {
        if (alt.startsWith("<")) {
            return null;
        }
        String word = alt.endsWith("*") ? alt.substring(0, alt.length() - 1) : alt;
        int space = word.indexOf('+');
        if (space >= 0) {
            word = word.substring(0, space);
        }
        return word.length() > 3 ? word.substring(0, 3) : word;
    }

    @Override
    public String toString() {
        return "LexiconPattern[" + signal + ", " + (language == null ? "*" : language) + ", " + source + "]";
    }
}
