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
import java.util.List;
import java.util.Objects;

/**
 * The statistical layer: a logistic regression over hashed word and character n-grams ({@link FeatureHasher})
 * plus one feature per {@link Signal} (the {@link LayerKind#FULL full} layer, for English, the only language it was
 * trained on), and a second logistic regression over the signal features alone (the
 * {@link LayerKind#SIGNALS_ONLY signals-only} layer, for the other languages). Each layer has its own Platt
 * calibration and thresholds.
 *
 * <p>Binary format (big-endian): magic {@code FGT2}, hashed-feature bits, then each layer (full first) as: signal
 * count, each signal's name (modified UTF-8) and weight, bias, calibration scale and shift, medium and high
 * thresholds; then the {@code 1 << bits} hashed weights as floats. Signals are matched by name, so reordering the
 * enum keeps files readable; a signal missing from the file gets weight 0.
 */
public final class TriageModel {

  /** Which layer scores a conversation. */
  public enum LayerKind { FULL, SIGNALS_ONLY }

  /** One calibrated logistic layer over the signal features (and the hashed features, for the full layer). */
  record Layer(float[] signalWeights, float bias, float scale, float shift, float medium, float high) {
    Layer {
      if (signalWeights.length != Signal.values().length) {
        throw new IllegalArgumentException("signalWeights must have one entry per signal");
      }
      if (!(medium > 0 && medium <= high && high < 1)) {
        throw new IllegalArgumentException("thresholds must satisfy 0 < medium <= high < 1");
      }
    }

    Layer recalibrated(float newScale, float newShift, float newMedium, float newHigh) {
      return new Layer(signalWeights, bias, newScale, newShift, newMedium, newHigh);
    }
  }

  private static final int MAGIC = 0x46475432;
  private static final String RESOURCE = "triage-model.bin";

  private final float[] weights;
  private final Layer full;
  private final Layer signalsOnly;

  TriageModel(float[] weights, Layer full, Layer signalsOnly) {
    if (weights.length != FeatureHasher.SIZE) {
      throw new IllegalArgumentException("weights must have " + FeatureHasher.SIZE + " entries, had " + weights.length);
    }
    this.weights = weights;
    this.full = Objects.requireNonNull(full, "full");
    this.signalsOnly = Objects.requireNonNull(signalsOnly, "signalsOnly");
  }

  /** A model whose two layers share these signal weights, bias, calibration and thresholds. */
  TriageModel(float[] weights, float[] signalWeights, float bias, float scale, float shift, float medium,
      float high) {
    this(weights, new Layer(signalWeights, bias, scale, shift, medium, high),
        new Layer(signalWeights, bias, scale, shift, medium, high));
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

  /** The layer for a language: the full layer for English, the signals-only layer otherwise. */
  public static LayerKind layerFor(Language language) {
    return language == Language.EN ? LayerKind.FULL : LayerKind.SIGNALS_ONLY;
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
    float[] weights = new float[FeatureHasher.SIZE];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = in.readFloat();
    }
    return new TriageModel(weights, full, signalsOnly);
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
    float bias = in.readFloat();
    float scale = in.readFloat();
    float shift = in.readFloat();
    float medium = in.readFloat();
    float high = in.readFloat();
    try {
      return new Layer(signalWeights, bias, scale, shift, medium, high);
    } catch (IllegalArgumentException e) {
      throw new IOException("bad layer: " + e.getMessage());
    }
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
      out.writeFloat(layer.scale());
      out.writeFloat(layer.shift());
      out.writeFloat(layer.medium());
      out.writeFloat(layer.high());
    }
    for (float w : weights) {
      out.writeFloat(w);
    }
    out.flush();
  }

  /** This model with one layer recalibrated (same weights). */
  TriageModel recalibrated(LayerKind kind, float scale, float shift, float medium, float high) {
    return kind == LayerKind.FULL
        ? new TriageModel(weights, full.recalibrated(scale, shift, medium, high), signalsOnly)
        : new TriageModel(weights, full, signalsOnly.recalibrated(scale, shift, medium, high));
  }

  /** The hashed weights and full layer of {@code fullModel} with the full layer of {@code signalModel} as signals-only layer. */
  static TriageModel combine(TriageModel fullModel, TriageModel signalModel) {
    return new TriageModel(fullModel.weights, fullModel.full, signalModel.full);
  }

  /** The mean of several uncalibrated models (bagging); calibration and thresholds of the first. */
  static TriageModel average(List<TriageModel> models) {
    float[] w = new float[FeatureHasher.SIZE];
    for (TriageModel m : models) {
      for (int i = 0; i < w.length; i++) {
        w[i] += m.weights[i] / models.size();
      }
    }
    return new TriageModel(w, averageLayer(models.stream().map(m -> m.full).toList()),
        averageLayer(models.stream().map(m -> m.signalsOnly).toList()));
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
    Layer first = layers.get(0);
    return new Layer(sw, (float) b, first.scale(), first.shift(), first.medium(), first.high());
  }

  float[] weights() {
    return weights;
  }

  private Layer layer(LayerKind kind) {
    return kind == LayerKind.FULL ? full : signalsOnly;
  }

  /** The uncalibrated linear score of the counted prefix under the full layer. */
  double linearScore(FeatureCounts counts) {
    return linearScore(counts, LayerKind.FULL);
  }

  double linearScore(FeatureCounts counts, LayerKind kind) {
    Layer layer = layer(kind);
    boolean full = kind == LayerKind.FULL;
    double z = layer.bias() + (full ? counts.hashedScore() : 0);
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

  /** The calibrated probability for a full-layer linear score. */
  public double probability(double linearScore) {
    return probability(linearScore, LayerKind.FULL);
  }

  public double probability(double linearScore, LayerKind kind) {
    Layer layer = layer(kind);
    return 1 / (1 + Math.exp(-(layer.scale() * linearScore + layer.shift())));
  }

  public double mediumThreshold() {
    return full.medium();
  }

  /** The full layer's operating threshold: at or above it a conversation is HIGH risk and raises an alert. */
  public double highThreshold() {
    return full.high();
  }

  public double mediumThreshold(LayerKind kind) {
    return layer(kind).medium();
  }

  public double highThreshold(LayerKind kind) {
    return layer(kind).high();
  }

  public double signalWeight(Signal s, LayerKind kind) {
    return layer(kind).signalWeights()[s.ordinal()];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TriageModel m && Arrays.equals(weights, m.weights) && sameLayer(full, m.full)
        && sameLayer(signalsOnly, m.signalsOnly);
  }

  private static boolean sameLayer(Layer a, Layer b) {
    return Arrays.equals(a.signalWeights(), b.signalWeights()) && a.bias() == b.bias() && a.scale() == b.scale()
        && a.shift() == b.shift() && a.medium() == b.medium() && a.high() == b.high();
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(weights), Arrays.hashCode(full.signalWeights()), full.bias());
  }

  @Override
  public String toString() {
    return "TriageModel[bits=" + FeatureHasher.BITS + ", high=" + full.high() + ", signalsOnlyHigh="
        + signalsOnly.high() + "]";
  }
}
