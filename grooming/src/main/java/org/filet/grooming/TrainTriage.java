package org.filet.grooming;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.filet.grooming.train.FrenchTeenChats;
import org.filet.grooming.train.Segment;
import org.filet.grooming.train.SegmentCsv;
import org.filet.grooming.train.TrainingCorpus;

/**
 * Trains the statistical layer deterministically on the research data's {@code train/} folders, calibrates it
 * (Platt) and picks its operating threshold on {@code dev/vtpan_en_dev.csv}, prints the figures and writes the
 * model. Usage: {@code TrainTriage [--data DIR] [--out FILE]}.
 */
public final class TrainTriage {

  /** Where the bundled model lives in the source tree, relative to the repository root. */
  public static final String BUNDLED_PATH = "grooming/src/main/resources/org/filet/grooming/triage-model.bin";

  private final MessageAnalyzer analyzer = MessageAnalyzer.standard();
  private final TrainingCorpus.Options corpusOptions;
  private final LogisticTrainer.Settings settings;
  private final int bags;

  public TrainTriage() {
    this(TrainingCorpus.Options.defaults(), LogisticTrainer.Settings.defaults(), DEFAULT_BAGS);
  }

  /** Models averaged: each is trained on windows cut with its own seed. */
  static final int DEFAULT_BAGS = 5;

  TrainTriage(TrainingCorpus.Options corpusOptions, LogisticTrainer.Settings settings, int bags) {
    this.corpusOptions = corpusOptions;
    this.settings = settings;
    this.bags = bags;
  }

  public static void main(String[] args) throws IOException {
    Path data = Path.of("../shared/data/grooming");
    Path out = Path.of(BUNDLED_PATH);
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--data") && i + 1 < args.length) {
        data = Path.of(args[++i]);
      } else if (args[i].equals("--out") && i + 1 < args.length) {
        out = Path.of(args[++i]);
      } else {
        System.err.println("usage: TrainTriage [--data DIR] [--out FILE]");
        System.exit(2);
      }
    }
    TriageModel model = new TrainTriage().run(data, System.out);
    try (OutputStream o = Files.newOutputStream(out)) {
      model.write(o);
    }
    System.out.println("model.written " + out);
  }

  /** Trains, calibrates and measures on {@code dataDir}; prints one {@code name value} figure per line. */
  public TriageModel run(Path dataDir, PrintStream log) throws IOException {
    long t0 = System.nanoTime();
    List<TriageModel> bagged = new ArrayList<>();
    for (int b = 0; b < bags; b++) {
      TrainingCorpus.Options o = corpusOptions.withSeed(corpusOptions.seed() + b);
      LogisticTrainer.Settings s = new LogisticTrainer.Settings(settings.seed() + b, settings.epochs(),
          settings.learningRate(), settings.l2());
      bagged.add(train(TrainingCorpus.load(dataDir, o), s, b == 0 ? log : new PrintStream(
          java.io.OutputStream.nullOutputStream())));
    }
    TriageModel raw = TriageModel.average(bagged);
    log.println("train.bags " + bags);
    log.printf(Locale.ROOT, "train.seconds %.1f%n", (System.nanoTime() - t0) / 1e9);
    Path dev = dataDir.resolve("dev/vtpan_en_dev.csv");
    if (!Files.exists(dev)) {
      log.println("dev.missing " + dev);
      return raw;
    }
    List<Segment> devSegments = SegmentCsv.read(dev);
    boolean[] y = labels(devSegments);
    TriageModel model = raw;
    for (TriageModel.LayerKind kind : TriageModel.LayerKind.values()) {
      String prefix = kind == TriageModel.LayerKind.FULL ? "dev.vtpan_en" : "dev.vtpan_en.signals_only";
      double[] z = linearScores(model, devSegments, kind);
      model = calibrate(model, kind, z, y);
      double[] p = new double[z.length];
      for (int i = 0; i < z.length; i++) {
        p[i] = model.probability(z[i], kind);
      }
      print(log, prefix, Calibration.confusion(p, y, model.highThreshold(kind)));
      log.printf(Locale.ROOT, "%s.threshold.high %.4f%n%s.threshold.medium %.4f%n", prefix,
          model.highThreshold(kind), prefix, model.mediumThreshold(kind));
      crossFit(log, prefix + ".twofold", z, y);
    }
    frenchHeldOut(log, model, dataDir);
    return model;
  }

  TriageModel train(List<Segment> segments, LogisticTrainer.Settings settings, PrintStream log) {
    long positives = segments.stream().filter(Segment::positive).count();
    long negatives = segments.size() - positives;
    log.println("train.windows.positive " + positives);
    log.println("train.windows.negative " + negatives);
    float positiveWeight = negatives == 0 ? 1 : (float) Math.min(1.0, (double) negatives / positives);
    List<LogisticTrainer.Example> examples = new ArrayList<>(segments.size());
    for (Segment s : segments) {
      Language language = MessageAnalyzer.language(s.texts());
      FeatureCounts counts = analyzer.count(s.texts(), language, null);
      examples.add(LogisticTrainer.example(counts, s.positive(), s.positive() ? positiveWeight : 1f));
    }
    LogisticTrainer trainer = new LogisticTrainer(settings);
    List<LogisticTrainer.Example> signalsOnly = new ArrayList<>(examples.size());
    for (LogisticTrainer.Example e : examples) {
      float[] values = new float[e.signals().length];
      for (int k = 0; k < values.length; k++) {
        values[k] = TriageModel.signalsOnlyValue(k, e.signals()[k]);
      }
      signalsOnly.add(new LogisticTrainer.Example(new int[0], new float[0], values, e.positive(), e.weight()));
    }
    return TriageModel.combine(trainer.train(examples), trainer.train(signalsOnly));
  }

  double[] linearScores(TriageModel model, List<Segment> segments, TriageModel.LayerKind kind) {
    double[] z = new double[segments.size()];
    for (int i = 0; i < z.length; i++) {
      List<String> texts = segments.get(i).texts();
      z[i] = model.linearScore(analyzer.count(texts, MessageAnalyzer.language(texts), model.weights()), kind);
    }
    return z;
  }

  static boolean[] labels(List<Segment> segments) {
    boolean[] y = new boolean[segments.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = segments.get(i).positive();
    }
    return y;
  }

  static TriageModel calibrate(TriageModel raw, TriageModel.LayerKind kind, double[] z, boolean[] y) {
    double[] ab = Calibration.platt(z, y);
    double[] p = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      p[i] = 1 / (1 + Math.exp(-(ab[0] * z[i] + ab[1])));
    }
    double high = Math.min(0.99, Math.max(0.02, Calibration.bestThreshold(p, y, 0.5)));
    double medium = Math.min(high, Math.max(0.01, Calibration.bestThreshold(p, y, 2.0)));
    return raw.recalibrated(kind, (float) ab[0], (float) ab[1], (float) medium, (float) high);
  }

  /** Two-fold check: calibrate and pick the threshold on one half of dev, measure on the other, and swap. */
  private static void crossFit(PrintStream log, String prefix, double[] z, boolean[] y) {
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (int fold = 0; fold < 2; fold++) {
      List<Integer> fit = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int i = 0; i < z.length; i++) {
        (i % 2 == fold ? fit : test).add(i);
      }
      double[] zf = fit.stream().mapToDouble(i -> z[i]).toArray();
      boolean[] yf = new boolean[fit.size()];
      for (int k = 0; k < yf.length; k++) {
        yf[k] = y[fit.get(k)];
      }
      double threshold = Calibration.bestThreshold(zf, yf, 0.5);
      for (int i : test) {
        boolean predicted = z[i] >= threshold;
        if (predicted && y[i]) {
          tp++;
        } else if (predicted) {
          fp++;
        } else if (y[i]) {
          fn++;
        } else {
          tn++;
        }
      }
    }
    print(log, prefix, new Confusion(tp, fp, tn, fn));
  }

  private void frenchHeldOut(PrintStream log, TriageModel model, Path dataDir) throws IOException {
    List<Path> files = TrainingCorpus.frenchScenarios(dataDir);
    long windows = 0;
    long windowAlerts = 0;
    long conversations = 0;
    long conversationAlerts = 0;
    long conversationsUrgent = 0;
    for (int i = 1; i < files.size(); i += 2) {
      List<String> texts = FrenchTeenChats.texts(files.get(i));
      conversations++;
      RiskScore whole = new RiskScorer(model).score(Conversation.ofLines("fr", texts));
      conversationAlerts += whole.modelAlert() ? 1 : 0;
      conversationsUrgent += whole.level() == RiskLevel.URGENT ? 1 : 0;
      for (int start = 0; start < texts.size(); start += 20) {
        List<String> window = texts.subList(start, Math.min(texts.size(), start + 20));
        windows++;
        windowAlerts += new RiskScorer(model).score(Conversation.ofLines("fr", window), java.util.Optional.of(
            Language.FR)).modelAlert() ? 1 : 0;
      }
    }
    log.printf(Locale.ROOT, "fr_heldout.windows20 %d%nfr_heldout.windows20.fpr %.4f%n", windows,
        windows == 0 ? 0.0 : (double) windowAlerts / windows);
    log.printf(Locale.ROOT, "fr_heldout.conversations %d%nfr_heldout.conversations.model_alerts %d%n"
        + "fr_heldout.conversations.urgent %d%n", conversations, conversationAlerts, conversationsUrgent);
  }

  static void print(PrintStream log, String prefix, Confusion c) {
    log.printf(Locale.ROOT, "%s.precision %.4f%n%s.recall %.4f%n%s.f0.5 %.4f%n%s.f1 %.4f%n%s.fpr %.4f%n"
        + "%s.tp %d%n%s.fp %d%n%s.tn %d%n%s.fn %d%n", prefix, c.precision(), prefix, c.recall(), prefix,
        c.fBeta(0.5), prefix, c.fBeta(1), prefix, c.falsePositiveRate(), prefix, c.tp(), prefix, c.fp(), prefix,
        c.tn(), prefix, c.fn());
  }
}
