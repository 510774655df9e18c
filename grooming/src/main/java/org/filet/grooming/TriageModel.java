package org.filet.grooming;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The statistical layer: a logistic regression over hashed word and character n-grams ({@link FeatureHasher})
 * plus one feature per {@link Signal} (the {@link LayerKind#FULL full} layer, for English, German and Dutch, the
 * languages it was trained on), and a second logistic regression over the signal features alone (the
 * {@link LayerKind#SIGNALS_ONLY signals-only} layer, for French, which has no labelled grooming data). Each
 * language has its own Platt calibration, thresholds and measured precision per level ({@link #levelPrecision}).
 *
 * <p>Binary format (big-endian): magic {@code FGT3}, hashed-feature bits, then each layer (full first) as: signal
 * count, each signal's name (modified UTF-8) and weight, bias; then the number of languages and, for each, its
 * code, layer ({@code 0} full, {@code 1} signals-only), calibration scale and shift, medium and high thresholds and
 * the measured precision of LOW, MEDIUM, HIGH and URGENT ({@code -1} when not measured) and the short-conversation
 * anchor (NaN: none); then the
 * {@code 1 << bits} hashed weights as floats. Signals are matched by name, so reordering the enum keeps files
 * readable; a signal missing from the file gets weight 0.
 */
public final class TriageModel {

    /** Which layer scores a conversation. */
    public enum LayerKind {
        FULL,
        SIGNALS_ONLY
    }

    /** One logistic layer over the signal features (and the hashed features, for the full layer). */
    record Layer(float[] signalWeights, float bias) {
        Layer {
            if (signalWeights.length != Signal.values().length) {
                throw new IllegalArgumentException("signalWeights must have one entry per signal");
            }
        }
    }

    /**
     * How one language is scored: its layer, the Platt calibration of that layer's linear score, the MEDIUM and HIGH
     * thresholds on the calibrated probability, and the share of true cases measured among the conversations of each
     * level (indexed by {@link RiskLevel#ordinal()}, {@code -1} when not measured), and the anchor short
     * conversations' n-gram part is pulled towards (NaN: none; see {@link #linearScore(FeatureCounts, Language)}).
     */
    record Calibrated(
            LayerKind layer, float scale, float shift, float medium, float high, float[] levelPrecision, float anchor) {
        Calibrated {
            Objects.requireNonNull(layer, "layer");
            if (!(medium > 0 && medium <= high && high < 1)) {
                throw new IllegalArgumentException("thresholds must satisfy 0 < medium <= high < 1");
            }
            if (levelPrecision.length != RiskLevel.values().length) {
                throw new IllegalArgumentException("levelPrecision must have one entry per level");
            }
            for (float p : levelPrecision) {
                if (!(p == -1 || (p >= 0 && p <= 1))) {
                    throw new IllegalArgumentException("level precision must be -1 or in [0,1]");
                }
            }
            levelPrecision = levelPrecision.clone();
        }

        static Calibrated of(LayerKind layer, float scale, float shift, float medium, float high) {
            float[] unmeasured = new float[RiskLevel.values().length];
            Arrays.fill(unmeasured, -1);
            return new Calibrated(layer, scale, shift, medium, high, unmeasured, Float.NaN);
        }
    }

    private static final int MAGIC = 0x46475433;
    private static final String RESOURCE = "triage-model.bin";

    private final float[] weights;
    private final Layer full;
    private final Layer signalsOnly;
    private final Map<Language, Calibrated> calibration;

    TriageModel(float[] weights, Layer full, Layer signalsOnly, Map<Language, Calibrated> calibration) {
        if (weights.length != FeatureHasher.SIZE) {
            throw new IllegalArgumentException(
                    "weights must have " + FeatureHasher.SIZE + " entries, had " + weights.length);
        }
        this.weights = weights;
        this.full = Objects.requireNonNull(full, "full");
        this.signalsOnly = Objects.requireNonNull(signalsOnly, "signalsOnly");
        EnumMap<Language, Calibrated> c = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            Calibrated k = calibration.get(l);
            if (k == null) {
                throw new IllegalArgumentException("no calibration for " + l);
            }
            c.put(l, k);
        }
        this.calibration = Collections.unmodifiableMap(c);
    }

    /**
     * A model whose two layers share these signal weights and bias, and whose languages all share this calibration
     * and these thresholds (each language on its default layer, {@link #defaultLayer}).
     */
    TriageModel(
            float[] weights, float[] signalWeights, float bias, float scale, float shift, float medium, float high) {
        this(
                weights,
                new Layer(signalWeights, bias),
                new Layer(signalWeights, bias),
                uniform(scale, shift, medium, high));
    }

    private static Map<Language, Calibrated> uniform(float scale, float shift, float medium, float high) {
        EnumMap<Language, Calibrated> c = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            c.put(l, Calibrated.of(defaultLayer(l), scale, shift, medium, high));
        }
        return c;
    }

    /** The model shipped in this module's resources. */
    public static TriageModel bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        static final TriageModel BUNDLED = loadBundled();

        private static TriageModel loadBundled() {
            try (InputStream in = TriageModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " missing from the classpath: run train-triage");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The layer a language is scored with: the full layer for the languages with labelled grooming data (English,
     * and German and Dutch through the machine-translated VTPAN segments), the signals-only layer for French.
     */
    public static LayerKind layerFor(Language language) {
        return defaultLayer(language);
    }

    static LayerKind defaultLayer(Language language) {
        return language == Language.FR ? LayerKind.SIGNALS_ONLY : LayerKind.FULL;
    }

    /** The layer this model scores {@code language} with. */
    public LayerKind layer(Language language) {
        return calibration.get(language).layer();
    }

    /** Reads a model written by {@link #write}; rejects other files. */
    public static TriageModel read(InputStream input) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(input, 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a triage model (bad magic)");
        }
        int bits = in.readInt();
        if (bits != FeatureHasher.BITS) {
            throw new IOException("model has " + bits + " feature bits, this code uses " + FeatureHasher.BITS);
        }
        Layer full = readLayer(in);
        Layer signalsOnly = readLayer(in);
        int languages = in.readInt();
        if (languages < 0 || languages > 16) {
            throw new IOException("bad language count " + languages);
        }
        EnumMap<Language, Calibrated> calibration = new EnumMap<>(Language.class);
        for (int i = 0; i < languages; i++) {
            String code = in.readUTF();
            int layer = in.readInt();
            if (layer < 0 || layer >= LayerKind.values().length) {
                throw new IOException("bad layer " + layer + " for language " + code);
            }
            float scale = in.readFloat();
            float shift = in.readFloat();
            float medium = in.readFloat();
            float high = in.readFloat();
            float[] precision = new float[RiskLevel.values().length];
            for (int k = 0; k < precision.length; k++) {
                precision[k] = in.readFloat();
            }
            float anchor = in.readFloat();
            try {
                calibration.put(
                        Language.ofCode(code),
                        new Calibrated(LayerKind.values()[layer], scale, shift, medium, high, precision, anchor));
            } catch (IllegalArgumentException e) {
                throw new IOException("bad calibration for " + code + ": " + e.getMessage());
            }
        }
        float[] weights = new float[FeatureHasher.SIZE];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readFloat();
        }
        try {
            return new TriageModel(weights, full, signalsOnly, calibration);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad model: " + e.getMessage());
        }
    }

    private static Layer readLayer(DataInputStream in) throws IOException {
        int signals = in.readInt();
        if (signals < 0 || signals > 64) {
            throw new IOException("bad signal count " + signals);
        }
        float[] signalWeights = new float[Signal.values().length];
        for (int i = 0; i < signals; i++) {
            String name = in.readUTF();
            float w = in.readFloat();
            for (Signal s : Signal.values()) {
                if (s.name().equals(name)) {
                    signalWeights[s.ordinal()] = w;
                }
            }
        }
        return new Layer(signalWeights, in.readFloat());
    }

    public void write(OutputStream output) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(output, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(FeatureHasher.BITS);
        for (Layer layer : List.of(full, signalsOnly)) {
            out.writeInt(layer.signalWeights().length);
            for (Signal s : Signal.values()) {
                out.writeUTF(s.name());
                out.writeFloat(layer.signalWeights()[s.ordinal()]);
            }
            out.writeFloat(layer.bias());
        }
        out.writeInt(calibration.size());
        for (Map.Entry<Language, Calibrated> e : calibration.entrySet()) {
            Calibrated c = e.getValue();
            out.writeUTF(e.getKey().name().toLowerCase(Locale.ROOT));
            out.writeInt(c.layer().ordinal());
            out.writeFloat(c.scale());
            out.writeFloat(c.shift());
            out.writeFloat(c.medium());
            out.writeFloat(c.high());
            for (float p : c.levelPrecision()) {
                out.writeFloat(p);
            }
            out.writeFloat(c.anchor());
        }
        for (float w : weights) {
            out.writeFloat(w);
        }
        out.flush();
    }

    /** This model with one language recalibrated (same weights). */
    TriageModel recalibrated(Language language, Calibrated c) {
        EnumMap<Language, Calibrated> next = new EnumMap<>(calibration);
        next.put(language, c);
        return new TriageModel(weights, full, signalsOnly, next);
    }

    Calibrated calibration(Language language) {
        return calibration.get(language);
    }

    /** The hashed weights and full layer of {@code fullModel} with the full layer of {@code signalModel} as signals-only layer. */
    static TriageModel combine(TriageModel fullModel, TriageModel signalModel) {
        return new TriageModel(fullModel.weights, fullModel.full, signalModel.full, fullModel.calibration);
    }

    /** The mean of several uncalibrated models (bagging); the calibration of the first. */
    static TriageModel average(List<TriageModel> models) {
        float[] w = new float[FeatureHasher.SIZE];
        for (TriageModel m : models) {
            for (int i = 0; i < w.length; i++) {
                w[i] += m.weights[i] / models.size();
            }
        }
        return new TriageModel(
                w,
                averageLayer(models.stream().map(m -> m.full).toList()),
                averageLayer(models.stream().map(m -> m.signalsOnly).toList()),
                models.get(0).calibration);
    }

    private static Layer averageLayer(List<Layer> layers) {
        float[] sw = new float[Signal.values().length];
        double b = 0;
        for (Layer l : layers) {
            for (int i = 0; i < sw.length; i++) {
                sw[i] += l.signalWeights()[i] / layers.size();
            }
            b += l.bias() / layers.size();
        }
        return new Layer(sw, (float) b);
    }

    float[] weights() {
        return weights;
    }

    private Layer layer(LayerKind kind) {
        return kind == LayerKind.FULL ? full : signalsOnly;
    }

    /** The uncalibrated linear score of the counted prefix, as English is scored. */
    double linearScore(FeatureCounts counts) {
        return linearScore(counts, Language.EN);
    }

    /** The uncalibrated linear score of the counted prefix under a layer, with its reference language's anchor. */
    double linearScore(FeatureCounts counts, LayerKind kind) {
        return linearScore(counts, reference(kind));
    }

    /**
     * The uncalibrated linear score of the counted prefix as {@code language} is scored. On the full layer, the
     * n-gram part (bias and hashed features) of a conversation shorter than {@link #SHORT} hashed features is pulled
     * towards the language's anchor (the median n-gram part of its ordinary measured conversations) in proportion to
     * what is missing: a few words carry little evidence, and the calibration was fitted on long segments only. The
     * signals count in full.
     */
    double linearScore(FeatureCounts counts, Language language) {
        Calibrated c = calibration.get(language);
        if (c.layer() != LayerKind.FULL) {
            return signalPart(counts, LayerKind.SIGNALS_ONLY) + signalsOnly.bias();
        }
        double ngrams = ngramPart(counts);
        if (!Float.isNaN(c.anchor()) && counts.total() < SHORT) {
            double w = (double) counts.total() / SHORT;
            ngrams = c.anchor() * (1 - w) + ngrams * w;
        }
        return ngrams + signalPart(counts, LayerKind.FULL);
    }

    /** Hashed features a conversation needs before its n-gram part counts in full (about ten short messages). */
    static final int SHORT = 600;

    /** The full layer's bias plus hashed part. */
    double ngramPart(FeatureCounts counts) {
        return full.bias() + counts.hashedScore();
    }

    /** The signal part of a layer's linear score. */
    double signalPart(FeatureCounts counts, LayerKind kind) {
        Layer layer = layer(kind);
        boolean full = kind == LayerKind.FULL;
        double z = 0;
        float[] sw = layer.signalWeights();
        for (int s = 0; s < sw.length; s++) {
            if (counts.signalMessages(s) > 0) {
                z += sw[s] * (full ? counts.signalValue(s) : signalsOnlyValue(s, counts.signalValue(s)));
            }
        }
        return z;
    }

    /**
     * The signals-only layer's feature: whether the signal occurred at all (so long conversations do not pile up
     * risk), except the context signals {@link Signal#TIME} and {@link Signal#PLACE}, which only matter next to a
     * meeting and are left to the urgency rules.
     */
    static float signalsOnlyValue(int signal, double fullValue) {
        if (signal == Signal.TIME.ordinal() || signal == Signal.PLACE.ordinal()) {
            return 0;
        }
        return fullValue > 0 ? 1 : 0;
    }

    /** The calibrated probability of an English (full-layer) linear score. */
    public double probability(double linearScore) {
        return probability(linearScore, Language.EN);
    }

    /** The calibrated probability of a linear score under the calibration of the layer's reference language. */
    public double probability(double linearScore, LayerKind kind) {
        return probability(linearScore, reference(kind));
    }

    /** The calibrated probability of a linear score computed with {@link #layer(Language)} for {@code language}. */
    public double probability(double linearScore, Language language) {
        Calibrated c = calibration.get(language);
        return 1 / (1 + Math.exp(-(c.scale() * linearScore + c.shift())));
    }

    /** The language whose calibration the kind-based methods use: English for the full layer, French otherwise. */
    private static Language reference(LayerKind kind) {
        return kind == LayerKind.FULL ? Language.EN : Language.FR;
    }

    /** English's MEDIUM threshold. */
    public double mediumThreshold() {
        return mediumThreshold(Language.EN);
    }

    /** English's operating threshold: at or above it a conversation is HIGH risk and raises an alert. */
    public double highThreshold() {
        return highThreshold(Language.EN);
    }

    public double mediumThreshold(LayerKind kind) {
        return mediumThreshold(reference(kind));
    }

    public double highThreshold(LayerKind kind) {
        return highThreshold(reference(kind));
    }

    public double mediumThreshold(Language language) {
        return calibration.get(language).medium();
    }

    /** The operating threshold of a language: at or above it a conversation is HIGH risk and raises an alert. */
    public double highThreshold(Language language) {
        return calibration.get(language).high();
    }

    /**
     * Among the measured conversations of this language that the scorer put at this level, the share that were
     * true grooming cases (cross-validated on the labelled segments; see the model card), or empty when the level
     * was not measured. For example 0.92 reads "about 9 in 10 were true cases in our measurement data".
     */
    public OptionalDouble levelPrecision(Language language, RiskLevel level) {
        float p = calibration.get(language).levelPrecision()[level.ordinal()];
        return p < 0 ? OptionalDouble.empty() : OptionalDouble.of(p);
    }

    public double signalWeight(Signal s, LayerKind kind) {
        return layer(kind).signalWeights()[s.ordinal()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TriageModel m
                && Arrays.equals(weights, m.weights)
                && sameLayer(full, m.full)
                && sameLayer(signalsOnly, m.signalsOnly)
                && sameCalibration(calibration, m.calibration);
    }

    private static boolean sameLayer(Layer a, Layer b) {
        return Arrays.equals(a.signalWeights(), b.signalWeights()) && a.bias() == b.bias();
    }

    private static boolean sameCalibration(Map<Language, Calibrated> a, Map<Language, Calibrated> b) {
        for (Language l : Language.values()) {
            Calibrated x = a.get(l);
            Calibrated y = b.get(l);
            if (x.layer() != y.layer()
                    || x.scale() != y.scale()
                    || x.shift() != y.shift()
                    || x.medium() != y.medium()
                    || x.high() != y.high()
                    || !Arrays.equals(x.levelPrecision(), y.levelPrecision())
                    || Float.compare(x.anchor(), y.anchor()) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(weights), Arrays.hashCode(full.signalWeights()), full.bias());
    }

    @Override
    public String toString() {
        return "TriageModel[bits=" + FeatureHasher.BITS + ", high=" + highThreshold(Language.EN) + ", frHigh="
                + highThreshold(Language.FR) + "]";
    }
}
