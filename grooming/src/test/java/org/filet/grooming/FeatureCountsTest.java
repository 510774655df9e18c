package org.filet.grooming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureCountsTest {

    @Test
    void incrementalScoreAndExportMatchAPlainMapReference() {
        Random random = new Random(42);
        float[] weights = new float[FeatureHasher.SIZE];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        FeatureCounts counts = new FeatureCounts(weights);
        Map<Integer, Integer> reference = new HashMap<>();
        for (int k = 0; k < 5000; k++) {
            int f = random.nextInt(2000) * 97 % FeatureHasher.SIZE;
            counts.add(f);
            reference.merge(f, 1, Integer::sum);
        }
        double total = reference.values().stream().mapToInt(Integer::intValue).sum();
        double dot = 0;
        for (Map.Entry<Integer, Integer> e : reference.entrySet()) {
            dot += weights[e.getKey()] * Math.sqrt(e.getValue()) / Math.sqrt(total);
        }
        assertThat(counts.hashedScore()).isCloseTo(dot, within(1e-6));
        int[][] f = new int[1][];
        float[][] v = new float[1][];
        counts.export(f, v);
        assertThat(f[0]).hasSize(reference.size()).isSorted();
        for (int i = 0; i < f[0].length; i++) {
            assertThat((double) v[0][i]).isCloseTo(Math.sqrt(reference.get(f[0][i])) / Math.sqrt(total), within(1e-6));
        }
    }

    @Test
    void hasherIsDeterministicAndInRange() {
        String text = ChatNormalizer.standard().normalize("send me a pic plz", Language.EN);
        java.util.List<Integer> first = new java.util.ArrayList<>();
        java.util.List<Integer> second = new java.util.ArrayList<>();
        FeatureHasher.hash(text, first::add);
        FeatureHasher.hash(text, second::add);
        assertThat(first).isEqualTo(second).isNotEmpty().allMatch(i -> i >= 0 && i < FeatureHasher.SIZE);
        int words = text.trim().split(" ").length;
        int chars = text.length();
        assertThat(first).hasSize(words + (words - 1) + (chars - 2) + (chars - 3));
    }
}
