package org.filet.grooming;

import java.util.ArrayList;
import java.util.List;

/** Normalises messages and finds their signals: the one pipeline shared by scoring and training. */
final class MessageAnalyzer {

    private final ChatNormalizer normalizer;
    private final SignalLexicon lexicon;

    MessageAnalyzer(ChatNormalizer normalizer, SignalLexicon lexicon) {
        this.normalizer = normalizer;
        this.lexicon = lexicon;
    }

    static MessageAnalyzer standard() {
        return new MessageAnalyzer(ChatNormalizer.standard(), SignalLexicon.standard());
    }

    /** Guesses the language from the first 200 texts. */
    static Language language(List<String> texts) {
        List<String> folded = new ArrayList<>(Math.min(texts.size(), 200));
        for (int i = 0; i < texts.size() && i < 200; i++) {
            folded.add(ChatNormalizer.fold(texts.get(i)));
        }
        return Language.detect(folded);
    }

    String normalize(String text, Language language) {
        return normalizer.normalize(text, language);
    }

    long signals(String normalized, Language language) {
        return lexicon.detect(normalized, language);
    }

    /** Counts the features and signals of all texts (training and batch use). */
    FeatureCounts count(List<String> texts, Language language, float[] weights) {
        FeatureCounts counts = new FeatureCounts(weights);
        for (String text : texts) {
            String normalized = normalize(text, language);
            counts.addSignals(signals(normalized, language));
            FeatureHasher.hash(normalized, counts::add);
        }
        return counts;
    }
}
