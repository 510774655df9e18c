package org.filet.grooming;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-written signal patterns ({@code signals.tsv} and {@code sexual_terms.tsv}), compiled and indexed by
 * trigger token so that a message only runs the few patterns whose first word it contains. Detection for a
 * language runs that language's patterns, the language-independent ones and, for other languages, the English
 * ones too (chat often switches to English). Thread-safe once constructed.
 */
public final class SignalLexicon {

    private static final SignalLexicon STANDARD = load();

    private final List<LexiconPattern> patterns;
    private final Map<Language, Index> indexes = new EnumMap<>(Language.class);

    private SignalLexicon(List<LexiconPattern> patterns) {
        this.patterns = List.copyOf(patterns);
        for (Language language : Language.values()) {
            indexes.put(language, new Index(this.patterns, language));
        }
    }

    /** The bundled lexicon. */
    public static SignalLexicon standard() {
        return STANDARD;
    }

    /** A lexicon of the given patterns (for tests and deployments with their own lexicon). */
    public static SignalLexicon of(List<LexiconPattern> patterns) {
        return new SignalLexicon(patterns);
    }

    public List<LexiconPattern> patterns() {
        return patterns;
    }

    /**
     * The signals found in one message, as a bit mask over {@link Signal#ordinal()}.
     *
     * <p>Requires {@code normalized} to be {@link ChatNormalizer} output (tokens between single spaces).
     */
    public long detect(String normalized, Language language) {
        Index index = indexes.get(language);
        long found = 0;
        long[] tried = new long[(patterns.size() + 63) >>> 6];
        for (int p : index.always) {
            found = tryPattern(p, normalized, found, tried);
        }
        int start = 1;
        int n = normalized.length();
        while (start < n) {
            int end = normalized.indexOf(' ', start);
            if (end < 0) {
                end = n;
            }
            if (end > start) {
                int[] candidates = index.byKey.get(normalized.substring(start, Math.min(end, start + 3)));
                if (candidates != null) {
                    for (int p : candidates) {
                        found = tryPattern(p, normalized, found, tried);
                    }
                }
            }
            start = end + 1;
        }
        return found;
    }

    private long tryPattern(int p, String normalized, long found, long[] tried) {
        LexiconPattern pattern = patterns.get(p);
        long bit = 1L << pattern.signal().ordinal();
        if ((found & bit) != 0 || (tried[p >>> 6] & (1L << p)) != 0) {
            return found;
        }
        tried[p >>> 6] |= 1L << p;
        return pattern.regex().matcher(normalized).find() ? found | bit : found;
    }

    /** Decodes a bit mask from {@link #detect} into signals, in declaration order. */
    public static List<Signal> signals(long mask) {
        List<Signal> out = new ArrayList<>(Long.bitCount(mask));
        for (Signal s : Signal.values()) {
            if ((mask & (1L << s.ordinal())) != 0) {
                out.add(s);
            }
        }
        return out;
    }

    private static final class Index {
        final Map<String, int[]> byKey;
        final int[] always;

        Index(List<LexiconPattern> patterns, Language language) {
            Map<String, List<Integer>> keys = new HashMap<>();
            List<Integer> alwaysList = new ArrayList<>();
            for (int p = 0; p < patterns.size(); p++) {
                LexiconPattern pattern = patterns.get(p);
                Language l = pattern.language();
                boolean applies = l == null || l == language || l == Language.EN;
                if (!applies) {
                    continue;
                }
                if (pattern.triggerKeys().isEmpty()) {
                    alwaysList.add(p);
                }
                for (String key : pattern.triggerKeys()) {
                    keys.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
                }
            }
            Map<String, int[]> compact = new HashMap<>();
            keys.forEach((k, v) -> compact.put(
                    k, v.stream().distinct().mapToInt(Integer::intValue).toArray()));
            this.byKey = compact;
            this.always = alwaysList.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static SignalLexicon load() {
        List<LexiconPattern> patterns = new ArrayList<>();
        for (String[] row : readTsv("signals.tsv", 3)) {
            patterns.add(LexiconPattern.compile(Signal.valueOf(row[0]), language(row[1]), row[2]));
        }
        for (String[] row : readTsv("sexual_terms.tsv", 2)) {
            patterns.add(LexiconPattern.compile(Signal.SEXUAL_TALK, language(row[0]), row[1]));
        }
        return new SignalLexicon(patterns);
    }

    private static Language language(String code) {
        return code.equals("*") ? null : Language.ofCode(code);
    }

    static List<String[]> readTsv(String resource, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = SignalLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != columns) {
                    throw new IllegalStateException(
                            resource + " line " + number + ": expected " + columns + " columns");
                }
                rows.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
