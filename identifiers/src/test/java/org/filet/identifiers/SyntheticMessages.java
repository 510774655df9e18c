package org.filet.identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Test data: chat messages of about 100 characters, one in four with an invented identifier; same seed, same list. */
final class SyntheticMessages {

    private static final String[] ORDINARY = {
        "did you do the maths homework",
        "lol that was so funny",
        "see you at school tomorrow",
        "t'as fait les devoirs de maths",
        "mdr trop drôle",
        "je suis au foot ce soir",
        "c'est quoi le film ce soir",
        "t'as quel âge ?",
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

    private SyntheticMessages() {}

    static List<String> of(int count, long seed) {
        Random random = new Random(seed);
        List<String> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder();
            int idAt = random.nextInt(4) == 0 ? random.nextInt(3) : -1;
            for (int part = 0; b.length() < 90; part++) {
                if (b.length() > 0) {
                    b.append(random.nextBoolean() ? ", " : " ");
                }
                b.append(
                        part == idAt
                                ? String.format(
                                        Locale.ROOT,
                                        WITH_IDENTIFIER[random.nextInt(WITH_IDENTIFIER.length)],
                                        random.nextInt(100))
                                : ORDINARY[random.nextInt(ORDINARY.length)]);
            }
            messages.add(b.toString());
        }
        return messages;
    }
}
