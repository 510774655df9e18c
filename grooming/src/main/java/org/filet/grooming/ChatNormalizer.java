package org.filet.grooming;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Rewrites chat spelling into a canonical form the signals and the model can match: lower case, accents folded,
 * apostrophes joined ({@code t'as} → {@code tas}), runs of a repeated letter collapsed, chat abbreviations of the
 * conversation's language expanded ({@code r u} → {@code are you}, {@code slt} → {@code salut}), emoji and
 * emoticons mapped to {@code emo_*} tokens, {@code ?} kept as a token, other punctuation dropped.
 *
 * <p>The result is the tokens separated by single spaces, with one space before the first and after the last
 * (so patterns can match whole tokens with spaces). Thread-safe once constructed.
 */
public final class ChatNormalizer {

    private static final char[] FOLD = buildFoldTable();
    private static final ChatNormalizer DEFAULT = new ChatNormalizer(loadAbbreviations());

    private final Map<Language, Map<String, String>> expansions;

    private ChatNormalizer(Map<Language, Map<String, String>> expansions) {
        this.expansions = expansions;
    }

    /** The normaliser with the bundled abbreviation tables. */
    public static ChatNormalizer standard() {
        return DEFAULT;
    }

    /** Normalises one message written in {@code language}. */
    public String normalize(String text, Language language) {
        Map<String, String> table = expansions.get(language);
        StringBuilder out = new StringBuilder(text.length() + 8).append(' ');
        StringBuilder token = new StringBuilder(16);
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            String emoticon = cp < 128 ? Emoji.emoticonAt(text, i) : null;
            if (emoticon != null) {
                flush(token, out, table);
                out.append(emoticon).append(' ');
                i += Emoji.emoticonLength(text, i);
                continue;
            }
            if (cp == '\'' || cp == '\u2019' || cp == '`' || cp == '\u00B4') {
                i += width;
                continue;
            }
            if (cp >= 0x2000) {
                String emoji = Emoji.token(cp);
                if (emoji != null) {
                    flush(token, out, table);
                    out.append(emoji).append(' ');
                } else if (Character.isLetterOrDigit(cp)) {
                    token.appendCodePoint(Character.toLowerCase(cp));
                } else if (!Emoji.isModifier(cp)) {
                    flush(token, out, table);
                }
                i += width;
                continue;
            }
            char c = Character.toLowerCase((char) cp);
            if (c == '?') {
                flush(token, out, table);
                out.append("? ");
            } else if (c < FOLD.length && FOLD[c] != 0) {
                token.append(FOLD[c]);
            } else if (c == 'ß') {
                token.append("ss");
            } else if (c == 'œ') {
                token.append("oe");
            } else if (c == 'æ') {
                token.append("ae");
            } else if (c >= FOLD.length && Character.isLetterOrDigit(c)) {
                token.append(Character.toLowerCase(c));
            } else {
                flush(token, out, table);
            }
            i += width;
        }
        flush(token, out, table);
        return out.toString();
    }

    /** Lower-cases and folds accents only (no abbreviation expansion); used for language detection. */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < FOLD.length && FOLD[c] != 0 ? FOLD[c] : c < FOLD.length ? ' ' : Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static void flush(StringBuilder token, StringBuilder out, Map<String, String> table) {
        if (token.length() == 0) {
            return;
        }
        collapseRepeats(token);
        String word = token.toString();
        String expanded = table.get(word);
        out.append(expanded != null ? expanded : word).append(' ');
        token.setLength(0);
    }

    /**
     * Collapses runs of three or more of the same letter: to one letter at the end of a word ({@code sooo} →
     * {@code so}), to two for o and e inside a word ({@code cooool} → {@code cool}), else to one. Digits are kept.
     */
    static void collapseRepeats(StringBuilder token) {
        int write = 0;
        int len = token.length();
        int read = 0;
        while (read < len) {
            char c = token.charAt(read);
            int run = 1;
            while (read + run < len && token.charAt(read + run) == c) {
                run++;
            }
            int keep = run;
            if (run >= 3 && Character.isLetter(c)) {
                boolean atEnd = read + run == len;
                keep = !atEnd && (c == 'o' || c == 'e') ? 2 : 1;
            }
            for (int k = 0; k < keep; k++) {
                token.setCharAt(write++, c);
            }
            read += run;
        }
        token.setLength(write);
    }

    private static char[] buildFoldTable() {
        char[] table = new char[0x250];
        for (char c = 0; c < table.length; c++) {
            if (c == 'ß' || c == 'œ' || c == 'æ' || c == 'Œ' || c == 'Æ') {
                continue;
            }
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char first = Character.toLowerCase(base.charAt(0));
            if (first < 128) {
                table[c] = first;
            } else {
                table[c] = Character.toLowerCase(c);
            }
        }
        table['Œ'] = 0;
        return table;
    }

    private static Map<Language, Map<String, String>> loadAbbreviations() {
        Map<String, String> universal = new HashMap<>();
        Map<Language, Map<String, String>> specific = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            specific.put(l, new HashMap<>());
        }
        try (InputStream in = ChatNormalizer.class.getResourceAsStream("abbreviations.tsv")) {
            if (in == null) {
                throw new IllegalStateException("abbreviations.tsv missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 3) {
                    throw new IllegalStateException("abbreviations.tsv: bad line " + line);
                }
                if (f[0].equals("*")) {
                    universal.put(f[1], f[2]);
                } else {
                    specific.get(Language.ofCode(f[0])).put(f[1], f[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Language, Map<String, String>> merged = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            Map<String, String> m = new HashMap<>(universal);
            m.putAll(specific.get(l));
            merged.put(l, Map.copyOf(m));
        }
        return merged;
    }
}
