package org.filet.grooming;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.filet.conversation.Conversation;
import org.filet.grooming.train.FrenchTeenChats;
import org.filet.grooming.train.Segment;
import org.filet.grooming.train.SegmentCsv;
import org.filet.grooming.train.TrainingCorpus;

/**
 * Trains the statistical layer deterministically and calibrates it per language. Usage:
 * {@code TrainTriage [--data DIR] [--out FILE]}.
 *
 * <p>The full layer learns from the research data's {@code train/} windows (Perverted-Justice positives, NPS,
 * IRC and French teenagers' negatives) together with the labelled VTPAN segments of {@code dev/} (English, and the
 * German and Dutch machine translations). The labelled segments are cut into {@value #FOLDS} stratified folds with
 * a fixed seed (the German and Dutch rows are translations of the same conversations, so they share their folds):
 * each segment is scored by a model trained without its fold, and these out-of-fold scores give each language's
 * Platt calibration, its thresholds (HIGH: best F0.5, MEDIUM: best F2), the precision measured per level and the
 * cross-validated figures ({@code cv.*}: in each fold, calibration and threshold are fitted on the other folds'
 * out-of-fold scores only). The model written is trained on all segments. The signals-only layer (French) learns
 * from the {@code train/} windows only and is calibrated on the English segments. Each model is the mean of
 * {@link #DEFAULT_BAGS} models trained on windows cut with different seeds.
 */
public final class TrainTriage {

    /** Where the bundled model lives in the source tree, relative to the repository root. */
    public static final String BUNDLED_PATH = "grooming/src/main/resources/org/filet/grooming/triage-model.bin";

    /** Number of cross-validation folds over the labelled segments. */
    static final int FOLDS = 5;

    /** Seed of the fold assignment. */
    static final long FOLD_SEED = 20126;

    /** Models averaged: each is trained on windows cut with its own seed. */
    static final int DEFAULT_BAGS = 3;

    /** The labelled segment files, by language. */
    static final Map<Language, String> LABELLED = Map.of(
            Language.EN,
            "dev/vtpan_en_dev.csv",
            Language.DE,
            "dev/vtpan_de_dev.csv",
            Language.NL,
            "dev/vtpan_nl_dev.csv");

    private final MessageAnalyzer analyzer = MessageAnalyzer.standard();
    private final TrainingCorpus.Options corpusOptions;
    private final LogisticTrainer.Settings settings;
    private final int bags;

    public TrainTriage() {
        this(TrainingCorpus.Options.defaults(), LogisticTrainer.Settings.defaults(), DEFAULT_BAGS);
    }

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

    /** One language's labelled segments, their examples and fold numbers. */
    private record Labelled(
            Language language,
            List<Segment> segments,
            boolean[] y,
            int[] fold,
            List<LogisticTrainer.Example> examples) {}

    /** Trains, calibrates and measures on {@code dataDir}; prints one {@code name value} figure per line. */
    public TriageModel run(Path dataDir, PrintStream log) throws IOException {
        long t0 = System.nanoTime();
        List<Labelled> labelled = labelled(dataDir);
        for (Labelled l : labelled) {
            log.println("labelled." + code(l.language()) + ".segments "
                    + l.segments().size());
            log.println("labelled." + code(l.language()) + ".positive " + count(l.y()));
        }
        int models = labelled.isEmpty() ? 1 : FOLDS + 1;
        List<List<TriageModel>> bagged = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            bagged.add(new ArrayList<>());
        }
        for (int b = 0; b < bags; b++) {
            TrainingCorpus.Options o = corpusOptions.withSeed(corpusOptions.seed() + b);
            LogisticTrainer.Settings s = new LogisticTrainer.Settings(
                    settings.seed() + b, settings.epochs(), settings.learningRate(), settings.l2());
            List<LogisticTrainer.Example> base = examples(TrainingCorpus.load(dataDir, o), b == 0 ? log : null);
            TriageModel signalsOnly = new LogisticTrainer(s).train(signalsOnly(base));
            for (int m = 0; m < models; m++) {
                int heldOut = m < FOLDS && !labelled.isEmpty() ? m : -1;
                List<LogisticTrainer.Example> all = new ArrayList<>(base);
                for (Labelled l : labelled) {
                    for (int i = 0; i < l.examples().size(); i++) {
                        if (l.fold()[i] != heldOut) {
                            all.add(l.examples().get(i));
                        }
                    }
                }
                bagged.get(m).add(TriageModel.combine(new LogisticTrainer(s).train(all), signalsOnly));
            }
        }
        List<TriageModel> averaged = new ArrayList<>();
        for (List<TriageModel> m : bagged) {
            averaged.add(TriageModel.average(m));
        }
        TriageModel model = averaged.get(averaged.size() - 1);
        log.println("train.bags " + bags);
        log.printf(Locale.ROOT, "train.seconds %.1f%n", (System.nanoTime() - t0) / 1e9);
        for (Labelled l : labelled) {
            int n = l.segments().size();
            double[] ngrams = new double[n];
            double[] signals = new double[n];
            long[] totals = new long[n];
            List<Double> ordinary = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                TriageModel fold = averaged.get(l.fold()[i]);
                FeatureCounts counts = analyzer.count(l.segments().get(i).texts(), l.language(), fold.weights());
                ngrams[i] = fold.ngramPart(counts);
                signals[i] = fold.signalPart(counts, TriageModel.LayerKind.FULL);
                totals[i] = counts.total();
                if (!l.y()[i]) {
                    ordinary.add(ngrams[i]);
                }
            }
            Collections.sort(ordinary);
            float anchor = ordinary.isEmpty() ? Float.NaN : (float) (double) ordinary.get(ordinary.size() / 2);
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                double w = Math.min(1.0, (double) totals[i] / TriageModel.SHORT);
                z[i] = (Float.isNaN(anchor) ? ngrams[i] : anchor * (1 - w) + ngrams[i] * w) + signals[i];
            }
            log.printf(Locale.ROOT, "cv.vtpan_%s.anchor %.4f%n", code(l.language()), anchor);
            model = calibrate(model, l, z, TriageModel.LayerKind.FULL, log, "cv.vtpan_" + code(l.language()), anchor);
        }
        Optional<Labelled> english =
                labelled.stream().filter(l -> l.language() == Language.EN).findFirst();
        if (english.isPresent()) {
            Labelled en = english.get();
            double[] z = new double[en.segments().size()];
            for (int i = 0; i < z.length; i++) {
                z[i] = linearScore(model, en.segments().get(i), Language.EN, TriageModel.LayerKind.SIGNALS_ONLY);
            }
            Labelled asFrench = new Labelled(Language.FR, en.segments(), en.y(), en.fold(), en.examples());
            model = calibrate(
                    model, asFrench, z, TriageModel.LayerKind.SIGNALS_ONLY, log, "cv.vtpan_en.signals_only", Float.NaN);
        } else {
            log.println("dev.missing " + dataDir.resolve(LABELLED.get(Language.EN)));
        }
        for (Language language : List.of(Language.DE, Language.NL)) {
            if (english.isPresent() && labelled.stream().noneMatch(l -> l.language() == language)) {
                log.println("labelled." + code(language) + ".missing: scored by the signals-only layer");
                model = model.recalibrated(language, model.calibration(Language.FR));
            }
        }
        frenchHeldOut(log, model, dataDir);
        return model;
    }

    private List<Labelled> labelled(Path dataDir) throws IOException {
        List<Labelled> out = new ArrayList<>();
        int[] sharedFolds = null;
        for (Language language : List.of(Language.EN, Language.DE, Language.NL)) {
            Path csv = dataDir.resolve(LABELLED.get(language));
            if (!Files.exists(csv)) {
                continue;
            }
            List<Segment> segments = SegmentCsv.read(csv);
            boolean[] y = labels(segments);
            int[] fold;
            if (language == Language.NL
                    && sharedFolds != null
                    && sharedFolds.length == y.length
                    && java.util.Arrays.equals(y, out.get(out.size() - 1).y())) {
                fold = sharedFolds;
            } else {
                fold = folds(y, FOLDS, FOLD_SEED + language.ordinal());
            }
            if (language == Language.DE) {
                sharedFolds = fold;
            }
            long positives = count(y);
            float positiveWeight =
                    positives == 0 ? 1 : (float) Math.max(1.0, (double) (y.length - positives) / positives);
            List<LogisticTrainer.Example> examples = new ArrayList<>(segments.size());
            for (Segment s : segments) {
                examples.add(LogisticTrainer.example(
                        analyzer.count(s.texts(), language, null), s.positive(), s.positive() ? positiveWeight : 1f));
            }
            out.add(new Labelled(language, segments, y, fold, examples));
        }
        return out;
    }

    /** Stratified fold numbers: positives and negatives each shuffled with {@code seed} and dealt in turn. */
    static int[] folds(boolean[] y, int k, long seed) {
        List<Integer> positives = new ArrayList<>();
        List<Integer> negatives = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            (y[i] ? positives : negatives).add(i);
        }
        Random random = new Random(seed);
        Collections.shuffle(positives, random);
        Collections.shuffle(negatives, random);
        int[] fold = new int[y.length];
        for (int i = 0; i < positives.size(); i++) {
            fold[positives.get(i)] = i % k;
        }
        for (int i = 0; i < negatives.size(); i++) {
            fold[negatives.get(i)] = (positives.size() + i) % k;
        }
        return fold;
    }

    private List<LogisticTrainer.Example> examples(List<Segment> segments, PrintStream log) {
        long positives = segments.stream().filter(Segment::positive).count();
        long negatives = segments.size() - positives;
        if (log != null) {
            log.println("train.windows.positive " + positives);
            log.println("train.windows.negative " + negatives);
        }
        float positiveWeight = negatives == 0 ? 1 : (float) Math.min(1.0, (double) negatives / positives);
        List<LogisticTrainer.Example> examples = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            Language language = MessageAnalyzer.language(s.texts());
            FeatureCounts counts = analyzer.count(s.texts(), language, null);
            examples.add(LogisticTrainer.example(counts, s.positive(), s.positive() ? positiveWeight : 1f));
        }
        return examples;
    }

    private static List<LogisticTrainer.Example> signalsOnly(List<LogisticTrainer.Example> examples) {
        List<LogisticTrainer.Example> out = new ArrayList<>(examples.size());
        for (LogisticTrainer.Example e : examples) {
            float[] values = new float[e.signals().length];
            for (int k = 0; k < values.length; k++) {
                values[k] = TriageModel.signalsOnlyValue(k, e.signals()[k]);
            }
            out.add(new LogisticTrainer.Example(new int[0], new float[0], values, e.positive(), e.weight()));
        }
        return out;
    }

    private double linearScore(TriageModel model, Segment segment, Language language, TriageModel.LayerKind kind) {
        return model.linearScore(analyzer.count(segment.texts(), language, model.weights()), kind);
    }

    /**
     * Calibrates {@code l.language()} on the out-of-fold linear scores {@code z} (short segments already pulled
     * towards {@code anchor}, see {@link TriageModel#linearScore(FeatureCounts, Language)}), prints the cross-validated figures
     * and returns the model with that language's calibration, thresholds and measured level precision.
     */
    private TriageModel calibrate(
            TriageModel model,
            Labelled l,
            double[] z,
            TriageModel.LayerKind kind,
            PrintStream log,
            String prefix,
            float anchor) {
        boolean[] y = l.y();
        double[] ab = Calibration.platt(z, y);
        double[] p = probabilities(z, ab);
        double high = Math.min(0.99, Math.max(0.02, Calibration.bestThreshold(p, y, 0.5)));
        double medium = Math.min(high, Math.max(0.01, Calibration.bestThreshold(p, y, 2.0)));
        print(log, prefix, crossValidated(z, y, l.fold()));
        Language measured = kind == TriageModel.LayerKind.FULL ? l.language() : Language.EN;
        float[] precision = levelPrecision(l.segments(), y, p, medium, high, measured);
        for (RiskLevel level : RiskLevel.values()) {
            log.printf(
                    Locale.ROOT,
                    "%s.level.%s.precision %.4f%n",
                    prefix,
                    level.name().toLowerCase(Locale.ROOT),
                    precision[level.ordinal()]);
        }
        log.printf(Locale.ROOT, "%s.threshold.high %.4f%n%s.threshold.medium %.4f%n", prefix, high, prefix, medium);
        return model.recalibrated(
                l.language(),
                new TriageModel.Calibrated(
                        kind, (float) ab[0], (float) ab[1], (float) medium, (float) high, precision, anchor));
    }

    private static double[] probabilities(double[] z, double[] ab) {
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Calibration.sigmoid(ab[0] * z[i] + ab[1]);
        }
        return p;
    }

    /**
     * The share of true cases among the segments put at each level (scored as the scorer would, with the signals,
     * the tactic rules and the default urgency rules), or -1 for a level no segment reached.
     */
    private float[] levelPrecision(
            List<Segment> segments, boolean[] y, double[] p, double medium, double high, Language language) {
        UrgencyRules rules = new UrgencyRules(UrgencySettings.defaults());
        long[] total = new long[RiskLevel.values().length];
        long[] positive = new long[RiskLevel.values().length];
        for (int i = 0; i < p.length; i++) {
            List<String> texts = segments.get(i).texts();
            long[] masks = new long[texts.size()];
            for (int m = 0; m < masks.length; m++) {
                masks[m] = analyzer.signals(analyzer.normalize(texts.get(m), language), language);
            }
            boolean urgent = !rules.evaluate(Conversation.ofLines(texts).messages(), Roles.NONE, masks)
                    .isEmpty();
            RiskLevel level = RiskScorer.level(p[i], medium, high, masks, urgent);
            total[level.ordinal()]++;
            positive[level.ordinal()] += y[i] ? 1 : 0;
        }
        float[] out = new float[total.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = total[k] == 0 ? -1 : (float) positive[k] / total[k];
        }
        return out;
    }

    /**
     * Cross-validated confusion: for each fold, Platt calibration and the F0.5 threshold are fitted on the other
     * folds' out-of-fold scores and applied to this fold.
     */
    static Confusion crossValidated(double[] z, boolean[] y, int[] fold) {
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        int k = 0;
        for (int f : fold) {
            k = Math.max(k, f + 1);
        }
        for (int f = 0; f < k; f++) {
            List<Integer> fit = new ArrayList<>();
            for (int i = 0; i < z.length; i++) {
                if (fold[i] != f) {
                    fit.add(i);
                }
            }
            double[] zf = fit.stream().mapToDouble(i -> z[i]).toArray();
            boolean[] yf = new boolean[fit.size()];
            for (int j = 0; j < yf.length; j++) {
                yf[j] = y[fit.get(j)];
            }
            double[] ab = Calibration.platt(zf, yf);
            double threshold = Calibration.bestThreshold(probabilities(zf, ab), yf, 0.5);
            for (int i = 0; i < z.length; i++) {
                if (fold[i] != f) {
                    continue;
                }
                boolean predicted = Calibration.sigmoid(ab[0] * z[i] + ab[1]) >= threshold;
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
        return new Confusion(tp, fp, tn, fn);
    }

    static boolean[] labels(List<Segment> segments) {
        boolean[] y = new boolean[segments.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = segments.get(i).positive();
        }
        return y;
    }

    private static long count(boolean[] y) {
        long n = 0;
        for (boolean b : y) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static String code(Language language) {
        return language.name().toLowerCase(Locale.ROOT);
    }

    private void frenchHeldOut(PrintStream log, TriageModel model, Path dataDir) throws IOException {
        List<Path> files = TrainingCorpus.frenchScenarios(dataDir);
        long windows = 0;
        long windowAlerts = 0;
        long windowMedium = 0;
        long conversations = 0;
        long conversationAlerts = 0;
        long conversationsUrgent = 0;
        RiskScorer scorer = new RiskScorer(model);
        for (int i = 1; i < files.size(); i += 2) {
            List<String> texts = FrenchTeenChats.texts(files.get(i));
            conversations++;
            RiskScore whole = scorer.score(Conversation.ofLines(texts), Optional.of(Language.FR));
            conversationAlerts += whole.modelAlert() ? 1 : 0;
            conversationsUrgent += whole.level() == RiskLevel.URGENT ? 1 : 0;
            for (int start = 0; start < texts.size(); start += 20) {
                List<String> window = texts.subList(start, Math.min(texts.size(), start + 20));
                windows++;
                RiskScore s = scorer.score(Conversation.ofLines(window), Optional.of(Language.FR));
                windowAlerts += s.modelAlert() ? 1 : 0;
                windowMedium += s.level() == RiskLevel.MEDIUM ? 1 : 0;
            }
        }
        log.printf(
                Locale.ROOT,
                "fr_heldout.windows20 %d%nfr_heldout.windows20.fpr %.4f%n" + "fr_heldout.windows20.medium %.4f%n",
                windows,
                windows == 0 ? 0.0 : (double) windowAlerts / windows,
                windows == 0 ? 0.0 : (double) windowMedium / windows);
        log.printf(
                Locale.ROOT,
                "fr_heldout.conversations %d%nfr_heldout.conversations.model_alerts %d%n"
                        + "fr_heldout.conversations.urgent %d%n",
                conversations,
                conversationAlerts,
                conversationsUrgent);
    }

    static void print(PrintStream log, String prefix, Confusion c) {
        log.printf(
                Locale.ROOT,
                "%s.precision %.4f%n%s.recall %.4f%n%s.f0.5 %.4f%n%s.f1 %.4f%n%s.fpr %.4f%n"
                        + "%s.tp %d%n%s.fp %d%n%s.tn %d%n%s.fn %d%n",
                prefix,
                c.precision(),
                prefix,
                c.recall(),
                prefix,
                c.fBeta(0.5),
                prefix,
                c.fBeta(1),
                prefix,
                c.falsePositiveRate(),
                prefix,
                c.tp(),
                prefix,
                c.fp(),
                prefix,
                c.tn(),
                prefix,
                c.fn());
    }
}
