package org.filet.bench.identifiers;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.filet.identifiers.IdentifierExtractor;
import org.filet.identifiers.IdentifierKind;
import org.filet.identifiers.Identifiers;
import org.filet.identifiers.Platform;

/**
 * {@code filet bench identifiers}: on one thread, extracts identifiers from synthetic chat messages of about 100
 * characters (English and French, one in four carrying an invented phone number, e-mail, profile link or handle) and
 * prints {@code identifiers.extract_per_s}; normalises a mix of invented phones, e-mails, links and handles and prints
 * {@code identifiers.normalise_per_s}; libphonenumber's {@code findNumbers} alone on the same messages is the
 * baseline ({@code identifiers.find_numbers_only_per_s}). Self-timed, about 15 s in all.
 */
public final class IdentifierBench {

    private static final String[] ORDINARY = {
        "did you do the maths homework",
        "lol that was so funny",
        "i'm at football practice",
        "my mum says dinner is ready",
        "see you at school tomorrow",
        "t'as fait les devoirs de maths",
        "mdr trop drôle",
        "je suis au foot ce soir",
        "on se capte au collège demain",
        "c'est quoi le film ce soir",
        "ma mère m'appelle",
        "t'as quel âge ?",
        "don't tell your parents",
        "send me a pic",
        "how old r u?"
    };
    private static final String[] WITH_IDENTIFIER = {
        "ajoute moi sur snap @fake_snap%d",
        "mon insta c'est fake.gram_%d",
        "appelle moi au 01 99 00 %02d 34",
        "text me on 202-555-01%02d",
        "mail me fake.user%d@example.org",
        "https://www.instagram.com/fake.gram_%d/?igshid=abc",
        "discord : fake.cord_%d",
        "wa.me/1202555%04d",
        "follow @someone_%d lol",
        "https://t.me/fake_gram%d"
    };

    private IdentifierBench() {}

    public static void run(PrintStream out) {
        run(out, 1.0);
    }

    /** Requires {@code scale > 0}: 1 for the real run, smaller for a smoke test. */
    static void run(PrintStream out, double scale) {
        List<String> messages = syntheticMessages(2_000, 2026);
        IdentifierExtractor extractor = IdentifierExtractor.standard();
        double chars = messages.stream().mapToInt(String::length).average().orElse(0);
        double extractRate = rate(messages.size(), 2 * scale, 4 * scale, () -> {
            double n = 0;
            for (String m : messages) {
                n += extractor.extract(m, "FR").size();
            }
            return n;
        });
        double findNumbersRate = rate(messages.size(), scale, 2 * scale, () -> {
            double n = 0;
            for (String m : messages) {
                for (PhoneNumberMatch match :
                        PhoneNumberUtil.getInstance().findNumbers(m, "FR", Leniency.POSSIBLE, Long.MAX_VALUE)) {
                    n += match.end();
                }
            }
            return n;
        });
        List<String[]> inputs = syntheticInputs(2_000, 2026);
        double normaliseRate = rate(inputs.size(), 2 * scale, 4 * scale, () -> {
            double n = 0;
            for (String[] in : inputs) {
                n += Identifiers.normalise(
                                        IdentifierKind.valueOf(in[0]),
                                        in[1].isEmpty() ? null : Platform.fromCode(in[1]),
                                        in[2],
                                        "FR")
                                .isOk()
                        ? 1
                        : 0;
            }
            return n;
        });
        out.printf(Locale.ROOT, "identifiers.extract_per_s %.0f messages/s%n", extractRate);
        out.printf(Locale.ROOT, "identifiers.extract_chars_per_message %.0f chars%n", chars);
        out.printf(Locale.ROOT, "identifiers.find_numbers_only_per_s %.0f messages/s%n", findNumbersRate);
        out.printf(Locale.ROOT, "identifiers.normalise_per_s %.0f identifiers/s%n", normaliseRate);
    }

    /** Chat messages of about 100 characters, one in four with an invented identifier; same seed, same messages. */
    public static List<String> syntheticMessages(int count, long seed) {
        Random random = new Random(seed);
        List<String> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder();
            boolean withId = random.nextInt(4) == 0;
            int idAt = withId ? random.nextInt(3) : -1;
            for (int part = 0; b.length() < 90; part++) {
                if (b.length() > 0) {
                    b.append(random.nextBoolean() ? ", " : " ");
                }
                if (part == idAt) {
                    b.append(String.format(
                            Locale.ROOT, WITH_IDENTIFIER[random.nextInt(WITH_IDENTIFIER.length)], random.nextInt(100)));
                } else {
                    b.append(ORDINARY[random.nextInt(ORDINARY.length)]);
                }
            }
            messages.add(b.toString());
        }
        return messages;
    }

    /** {kind, platform code or "", text}: invented phones, e-mails, links and handles; same seed, same inputs. */
    public static List<String[]> syntheticInputs(int count, long seed) {
        Random random = new Random(seed);
        List<String[]> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = random.nextInt(100);
            inputs.add(
                    switch (random.nextInt(5)) {
                        case 0 -> new String[] {"PHONE", "", String.format(Locale.ROOT, "01 99 00 %02d 34", n)};
                        case 1 -> new String[] {"EMAIL", "", "Fake.User+" + n + "@GMail.com"};
                        case 2 -> new String[] {"URL", "", "https://www.instagram.com/fake.gram_" + n + "/?igshid=abc"};
                        case 3 -> new String[] {"ACCOUNT", "snapchat", "@Fake_Snap" + n};
                        default ->
                            new String[] {"URL", "", "https://mobile.twitter.com/fake_bird" + n + "/status/1?s=20"};
                    });
        }
        return inputs;
    }

    /** Items per second of {@code work} after warming up; the sink keeps the JIT from dropping the work. */
    private static double rate(long itemsPerRound, double warmupSeconds, double measureSeconds, DoubleSupplier work) {
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
