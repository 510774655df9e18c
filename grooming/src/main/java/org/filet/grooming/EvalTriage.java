package org.filet.grooming;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.filet.conversation.Conversation;
import org.filet.grooming.ConversationReader.Labelled;
import org.filet.grooming.train.MessageCsv;
import org.filet.grooming.train.Pan12Xml;
import org.filet.grooming.train.Segment;
import org.filet.grooming.train.SegmentCsv;

/**
 * Measures the scorer on a labelled corpus: the {@code segment,label} CSV (VTPAN form; each segment is one
 * message), PAN 2012 XML or its {@code conversation_id,author,text} CSV form with the predator-id list, or
 * normalised conversation JSON Lines carrying a {@code label}.
 * A conversation counts as flagged when the model's calibrated score reaches the operating threshold (the
 * grooming decision), or, with {@code withUrgency}, also when an urgency rule fires (the triage alert).
 */
public final class EvalTriage {

    private final RiskScorer scorer;

    public EvalTriage(TriageModel model) {
        this.scorer = new RiskScorer(model);
    }

    /** Reads a labelled corpus; for PAN12 XML, {@code predators} is the id list (found beside the XML if null). */
    public static List<Labelled> load(Path corpus, Path predators) throws IOException, ConversationUnreadable {
        String name = corpus.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".csv") && MessageCsv.isHeader(firstCsvRow(corpus))) {
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (Path list : predators != null ? List.of(predators) : predatorListsBeside(corpus)) {
                ids.addAll(Pan12Xml.predators(list));
            }
            return MessageCsv.read(corpus, ids);
        }
        if (name.endsWith(".csv")) {
            List<Labelled> out = new ArrayList<>();
            for (Segment s : SegmentCsv.read(corpus)) {
                out.add(new Labelled("segment#" + (out.size() + 1), Conversation.ofLines(s.texts()), s.positive()));
            }
            return out;
        }
        if (name.endsWith(".xml")) {
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (Path list : predators != null ? List.of(predators) : predatorListsBeside(corpus)) {
                ids.addAll(Pan12Xml.predators(list));
            }
            return Pan12Xml.read(corpus, ids);
        }
        try (Reader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            List<Labelled> all = ConversationReader.jsonLines(name, in);
            for (Labelled l : all) {
                if (l.label() == null) {
                    throw new ConversationUnreadable(l.id() + ": no label (0 or 1) to evaluate against");
                }
            }
            return all;
        }
    }

    private static List<String> firstCsvRow(Path csv) throws IOException {
        try (java.io.BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            return line == null ? List.of() : List.of(line.split(","));
        }
    }

    /** Every predator-id list beside the XML (PAN names them *predators*.txt or *groundtruth-problem1*.txt). */
    private static List<Path> predatorListsBeside(Path xml) throws IOException, ConversationUnreadable {
        Path dir = xml.toAbsolutePath().getParent();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> lists = files.filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".txt") && (n.contains("predators") || n.contains("groundtruth-problem1"));
                    })
                    .sorted()
                    .toList();
            if (lists.isEmpty()) {
                throw new ConversationUnreadable("no predator-id list beside the XML (pass --predators)");
            }
            return lists;
        }
    }

    /** The confusion of the scorer's alerts against the labels. */
    public Confusion evaluate(List<Labelled> corpus, Optional<Language> language, boolean withUrgency) {
        boolean[] predicted = new boolean[corpus.size()];
        boolean[] actual = new boolean[corpus.size()];
        for (int i = 0; i < predicted.length; i++) {
            RiskScore s =
                    scorer.score(corpus.get(i).conversation(), corpus.get(i).roles(), language);
            predicted[i] = withUrgency ? s.level().compareTo(RiskLevel.HIGH) >= 0 : s.modelAlert();
            actual[i] = corpus.get(i).label();
        }
        return Confusion.of(predicted, actual);
    }
}
