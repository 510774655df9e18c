package org.filet.bench.grooming;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.grooming.ChatNormalizer;
import org.filet.grooming.Language;
import org.filet.grooming.RiskScorer;

/**
 * {@code filet bench triage}: scores synthetic chats (ordinary sentences mixed with mild indicator phrases, in
 * English and French, 40 messages per conversation) on one thread and prints {@code triage.messages_per_s}, next
 * to the baseline of normalisation alone ({@code triage.normalize_messages_per_s}). Self-timed: about 2 s of
 * warm-up and 5 s of measurement.
 */
public final class TriageBench {

    private static final String[] ORDINARY = {
        "did you do the maths homework",
        "lol that was so funny",
        "i'm at football practice",
        "my mum says dinner is ready",
        "see you at school",
        "what are you watching",
        "that game was hard",
        "can you send me the notes for history",
        "i'm so tired today",
        "haha ok",
        "t'as fait les devoirs de maths",
        "mdr trop drôle",
        "je suis au foot",
        "on se capte au collège demain",
        "c'est quoi le film ce soir",
        "jsp trop",
        "wsh ça va",
        "grave",
        "ma mère m'appelle",
        "bonne nuit 😴"
    };
    private static final String[] INDICATORS = {
        "how old r u?",
        "ur so mature for ur age",
        "are you home alone?",
        "don't tell your parents",
        "send me a pic",
        "add me on snap",
        "we should meet up tomorrow",
        "t'as quel âge ?",
        "t'es trop belle",
        "le dis pas à tes parents",
        "envoie moi une photo",
        "ajoute moi sur snap"
    };

    private TriageBench() {}

    public static void run(PrintStream out) {
        List<Conversation> chats = chats(500, 40, new Random(2012));
        RiskScorer scorer = RiskScorer.standard();
        ChatNormalizer normalizer = ChatNormalizer.standard();
        long messages = (long) chats.size() * 40;
        double scoreRate = rate(messages, 2, 5, () -> {
            double sum = 0;
            for (Conversation c : chats) {
                sum += scorer.score(c).score();
            }
            return sum;
        });
        double normalizeRate = rate(messages, 1, 2, () -> {
            double sum = 0;
            for (Conversation c : chats) {
                for (Message m : c.messages()) {
                    sum += normalizer.normalize(m.text(), Language.EN).length();
                }
            }
            return sum;
        });
        out.printf(Locale.ROOT, "triage.messages_per_s %.0f messages/s%n", scoreRate);
        out.printf(Locale.ROOT, "triage.conversations_per_s %.0f conversations/s%n", scoreRate / 40);
        out.printf(Locale.ROOT, "triage.normalize_messages_per_s %.0f messages/s%n", normalizeRate);
    }

    /** Synthetic chats of mild phrases (one in eight an indicator), the same for the same seed. */
    public static List<Conversation> syntheticChats(int count, int length, long seed) {
        return chats(count, length, new Random(seed));
    }

    static List<Conversation> chats(int count, int length, Random random) {
        List<Conversation> chats = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            List<String> lines = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                lines.add(
                        random.nextInt(8) == 0
                                ? INDICATORS[random.nextInt(INDICATORS.length)]
                                : ORDINARY[random.nextInt(ORDINARY.length)]);
            }
            chats.add(Conversation.ofLines(lines));
        }
        return chats;
    }

    /** Items per second of {@code work}, after warming up; the sink keeps the JIT from dropping the work. */
    private static double rate(
            long itemsPerRound, double warmupSeconds, double measureSeconds, java.util.function.DoubleSupplier work) {
        double sink = 0;
        long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < end) {
            sink += work.getAsDouble();
        }
        long rounds = 0;
        long start = System.nanoTime();
        end = start + (long) (measureSeconds * 1e9);
        long now;
        do {
            sink += work.getAsDouble();
            rounds++;
            now = System.nanoTime();
        } while (now < end);
        if (sink == Double.MIN_VALUE) {
            System.out.print("");
        }
        return rounds * itemsPerRound / ((now - start) / 1e9);
    }

    public static void main(String[] args) {
        run(System.out);
    }
}
