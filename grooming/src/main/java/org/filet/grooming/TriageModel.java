package org.filet.grooming;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The statistical layer: a logistic regression over hashed word and character n-grams ({@link FeatureHasher})
 * plus one feature per {@link Signal}, with a Platt calibration and the operating thresholds.
 *
 * <p>Binary format (big-endian): magic {@code FGT1}, hashed-feature bits, signal count, each signal's name
 * (modified UTF-8) and weight, bias, calibration scale and shift, medium and high thresholds, then the
 * {@code 1 << bits} hashed weights as floats. Signals are matched by name, so reordering the enum keeps old files
 * readable; a signal missing from the file gets weight 0.
 */
public final class TriageModel {

  private static final int MAGIC = 0x46475431;
  private static final String RESOURCE = "triage-model.bin";

  private final float[] weights;
  private final float[] signalWeights;
  private final float bias;
  private final float calibrationScale;
  private final float calibrationShift;
  private final float mediumThreshold;
  private final float highThreshold;

  TriageModel(float[] weights, float[] signalWeights, float bias, float calibrationScale, float calibrationShift,
      float mediumThreshold, float highThreshold) {
    if (weights.length != FeatureHasher.SIZE) {
      throw new IllegalArgumentException("weights must have " + FeatureHasher.SIZE + " entries, had " + weights.length);
    }
    if (signalWeights.length != Signal.values().length) {
      throw new IllegalArgumentException("signalWeights must have one entry per signal");
    }
    if (!(mediumThreshold > 0 && mediumThreshold <= highThreshold && highThreshold < 1)) {
      throw new IllegalArgumentException("thresholds must satisfy 0 < medium <= high < 1");
    }
    this.weights = weights;
    this.signalWeights = signalWeights;
    this.bias = bias;
    this.calibrationScale = calibrationScale;
    this.calibrationShift = calibrationShift;
    this.mediumThreshold = mediumThreshold;
    this.highThreshold = highThreshold;
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
    float[] weights = new float[FeatureHasher.SIZE];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = in.readFloat();
    }
    return new TriageModel(weights, signalWeights, bias, scale, shift, medium, high);
  }

  public void write(OutputStream output) throws IOException {
    DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(output, 1 << 16));
    out.writeInt(MAGIC);
    out.writeInt(FeatureHasher.BITS);
    out.writeInt(signalWeights.length);
    for (Signal s : Signal.values()) {
      out.writeUTF(s.name());
      out.writeFloat(signalWeights[s.ordinal()]);
    }
    out.writeFloat(bias);
    out.writeFloat(calibrationScale);
    out.writeFloat(calibrationShift);
    out.writeFloat(mediumThreshold);
    out.writeFloat(highThreshold);
    for (float w : weights) {
      out.writeFloat(w);
    }
    out.flush();
  }

  /** This model with another calibration and thresholds (same weights). */
  TriageModel recalibrated(float scale, float shift, float medium, float high) {
    return new TriageModel(weights, signalWeights, bias, scale, shift, medium, high);
  }

  /** The mean of several uncalibrated models (bagging); calibration and thresholds of the first. */
  static TriageModel average(java.util.List<TriageModel> models) {
    float[] w = new float[FeatureHasher.SIZE];
    float[] sw = new float[Signal.values().length];
    double b = 0;
    for (TriageModel m : models) {
      for (int i = 0; i < w.length; i++) {
        w[i] += m.weights[i] / models.size();
      }
      for (int i = 0; i < sw.length; i++) {
        sw[i] += m.signalWeights[i] / models.size();
      }
      b += m.bias / models.size();
    }
    TriageModel first = models.get(0);
    return new TriageModel(w, sw, (float) b, first.calibrationScale, first.calibrationShift, first.mediumThreshold,
        first.highThreshold);
  }

  float[] weights() {
    return weights;
  }

  /** The uncalibrated linear score of the counted prefix. */
  double linearScore(FeatureCounts counts) {
    double z = bias + counts.hashedScore();
    for (int s = 0; s < signalWeights.length; s++) {
      if (counts.signalMessages(s) > 0) {
        z += signalWeights[s] * counts.signalValue(s);
      }
    }
    return z;
  }

  /** The calibrated probability for a linear score. */
  public double probability(double linearScore) {
    return 1 / (1 + Math.exp(-(calibrationScale * linearScore + calibrationShift)));
  }

  public double mediumThreshold() {
    return mediumThreshold;
  }

  /** The operating threshold: at or above it a conversation is HIGH risk and raises an alert. */
  public double highThreshold() {
    return highThreshold;
  }

  public double signalWeight(Signal s) {
    return signalWeights[s.ordinal()];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TriageModel m && Arrays.equals(weights, m.weights)
        && Arrays.equals(signalWeights, m.signalWeights) && bias == m.bias
        && calibrationScale == m.calibrationScale && calibrationShift == m.calibrationShift
        && mediumThreshold == m.mediumThreshold && highThreshold == m.highThreshold;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(weights), Arrays.hashCode(signalWeights), bias);
  }

  @Override
  public String toString() {
    return "TriageModel[bits=" + FeatureHasher.BITS + ", high=" + highThreshold + "]";
  }
}
