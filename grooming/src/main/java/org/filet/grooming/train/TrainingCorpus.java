package org.filet.grooming.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the training folders of the grooming research data (see its README) into labelled windows.
 *
 * <p>Positives: each Perverted-Justice conversation's predator lines, interleaved with the decoy lines of the same
 * conversation (the files have no turn order, so the two sides are merged in proportion), cut into a few windows.
 * Negatives: NPS Chat rooms, Ubuntu IRC, and the training half of the French teenagers' chats (files at even
 * positions in name order; the odd half is held out to measure false positives), cut into overlapping windows;
 * optionally decoy-only windows. Window lengths and positions come from a seeded {@link Random}, so the same seed
 * gives the same windows.
 */
public final class TrainingCorpus {

    private static final Pattern NPS_POST = Pattern.compile("<Post class=\"([A-Za-z]+)\"[^>]*>([^<]*)<terminals>");
    private static final Pattern IRC_LINE = Pattern.compile("^\\[[0-9:]+\\] <[^>]*> ?(.*)$");

    /** Options of the window cutter. */
    public record Options(
            long seed,
            int windowsPerPositive,
            boolean decoyNegatives,
            int minWindow,
            int maxWindow,
            int minPositiveWindow,
            int maxPositiveWindow,
            double positiveFrom) {
        public static Options defaults() {
            return new Options(20121, 8, false, 6, 60, 6, 60, 0.7);
        }

        public Options withSeed(long newSeed) {
            return new Options(
                    newSeed,
                    windowsPerPositive,
                    decoyNegatives,
                    minWindow,
                    maxWindow,
                    minPositiveWindow,
                    maxPositiveWindow,
                    positiveFrom);
        }
    }

    private TrainingCorpus() {}

    /** All training windows under {@code dataDir} (the folder holding {@code train/}). */
    public static List<Segment> load(Path dataDir, Options options) throws IOException {
        Random random = new Random(options.seed());
        List<Segment> out = new ArrayList<>();
        Path train = dataDir.resolve("train");
        Path predators = train.resolve("pj/predators");
        Path decoys = train.resolve("pj/decoys");
        for (Path predator : sorted(predators, ".txt")) {
            String suffix = predator.getFileName().toString().replaceFirst("^[a-z]+_", "");
            Path decoy = decoys.resolve("officer_" + suffix);
            List<String> p = lines(predator);
            List<String> d = Files.exists(decoy) ? lines(decoy) : List.of();
            List<String> merged = interleave(p, d);
            for (int k = 0; k < options.windowsPerPositive() && !merged.isEmpty(); k++) {
                out.add(new Segment(positiveWindow(merged, random, options), true, "pj"));
            }
            if (options.decoyNegatives() && !d.isEmpty()) {
                out.add(new Segment(window(d, random, options), false, "pj-decoy"));
            }
        }
        for (Path room : sorted(train.resolve("negatives/nps_chat/nps_chat"), ".xml")) {
            addOverlapping(out, npsPosts(room), random, options, "nps");
        }
        Path irc = train.resolve("negatives/ubuntu_irc");
        for (String folder : List.of("dev", "test")) {
            for (Path file : sorted(irc.resolve(folder), ".raw.txt")) {
                addOverlapping(out, ircLines(file), random, options, "irc");
            }
        }
        Path channelTwo = irc.resolve("channel-two/channel-two.all.raw.txt");
        if (Files.exists(channelTwo)) {
            addOverlapping(out, ircLines(channelTwo), random, options, "irc");
        }
        List<Path> french = frenchScenarios(dataDir);
        for (int i = 0; i < french.size(); i += 2) {
            addOverlapping(out, FrenchTeenChats.texts(french.get(i)), random, options, "fr");
        }
        return out;
    }

    /** The French teenagers' chat files in name order; even positions train, odd positions are held out. */
    public static List<Path> frenchScenarios(Path dataDir) throws IOException {
        return sorted(dataDir.resolve("train/negatives-fr/cyberagressionado_v1/scenarii"), ".csv");
    }

    static List<String> interleave(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            boolean takeA = j >= b.size() || (i < a.size() && (long) i * b.size() <= (long) j * a.size());
            out.add(takeA ? a.get(i++) : b.get(j++));
        }
        return out;
    }

    private static List<String> positiveWindow(List<String> lines, Random random, Options options) {
        int length = Math.min(
                lines.size(),
                options.minPositiveWindow()
                        + random.nextInt(options.maxPositiveWindow() - options.minPositiveWindow() + 1));
        int from = Math.min((int) (lines.size() * options.positiveFrom()), lines.size() - length);
        int start = from + random.nextInt(lines.size() - length - from + 1);
        return maybeJoined(lines.subList(start, start + length), random);
    }

    private static List<String> window(List<String> lines, Random random, Options options) {
        int length = Math.min(
                lines.size(), options.minWindow() + random.nextInt(options.maxWindow() - options.minWindow() + 1));
        int start = random.nextInt(lines.size() - length + 1);
        return maybeJoined(lines.subList(start, start + length), random);
    }

    private static void addOverlapping(
            List<Segment> out, List<String> lines, Random random, Options options, String source) {
        int start = 0;
        while (start < lines.size()) {
            int length = options.minWindow() + random.nextInt(options.maxWindow() - options.minWindow() + 1);
            int end = Math.min(lines.size(), start + length);
            out.add(new Segment(maybeJoined(lines.subList(start, end), random), false, source));
            start += Math.max(1, length / 3);
        }
    }

    /** Half the windows become one long text, like the segments of the VTPAN measuring set. */
    private static List<String> maybeJoined(List<String> lines, Random random) {
        return random.nextBoolean() ? List.of(String.join(" ", lines)) : List.copyOf(lines);
    }

    static List<String> npsPosts(Path file) throws IOException {
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        List<String> posts = new ArrayList<>();
        Matcher m = NPS_POST.matcher(xml);
        while (m.find()) {
            if (!m.group(1).equals("System")) {
                posts.add(unescape(m.group(2)));
            }
        }
        return posts;
    }

    static List<String> ircLines(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = IRC_LINE.matcher(line);
            if (m.matches() && !m.group(1).isBlank()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    static List<String> lines(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\r?\n")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    static List<Path> sorted(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }
}
