package org.filet.grooming;

import java.util.HashMap;
import java.util.Map;

/** Maps emoji and ASCII emoticons to {@code emo_*} tokens. */
final class Emoji {

    private static final Map<Integer, String> TOKENS = new HashMap<>();
    private static final String[][] EMOTICONS = {
        {":-)", "emo_smile"}, {":)", "emo_smile"}, {":-d", "emo_laugh"}, {":d", "emo_laugh"}, {";-)", "emo_wink"},
        {";)", "emo_wink"}, {":-*", "emo_kiss"}, {":*", "emo_kiss"}, {"<3", "emo_love"}, {":-(", "emo_sad"},
        {":(", "emo_sad"}, {":'(", "emo_sad"}, {":-p", "emo_tongue"}, {":p", "emo_tongue"}, {";p", "emo_tongue"},
    };

    static {
        map("emo_kiss", 0x1F618, 0x1F617, 0x1F619, 0x1F61A, 0x1F48B);
        map("emo_love", 0x2764, 0x1F495, 0x1F496, 0x1F497, 0x1F493, 0x1F49E, 0x1F498, 0x1F60D, 0x1F970, 0x1F63B);
        map("emo_wink", 0x1F609);
        map("emo_smirk", 0x1F60F);
        map("emo_sexual", 0x1F346, 0x1F351, 0x1F4A6, 0x1F445, 0x1F51E);
        map("emo_camera", 0x1F4F7, 0x1F4F8, 0x1F4F9, 0x1F3A5, 0x1F933);
        map("emo_secret", 0x1F92B, 0x1F910);
        map("emo_gift", 0x1F381);
        map("emo_money", 0x1F4B0, 0x1F4B5, 0x1F4B6, 0x1F4B8, 0x1F4B3, 0x1F911);
        map("emo_sad", 0x1F622, 0x1F62D, 0x1F494, 0x1F61E, 0x1F614);
        map("emo_death", 0x1F52A, 0x26B0, 0x1F480, 0x2620);
        map("emo_hot", 0x1F525, 0x1F975);
        map("emo_devil", 0x1F608);
        map("emo_clothes", 0x1F459, 0x1F457, 0x1FA72);
        map("emo_laugh", 0x1F602, 0x1F923, 0x1F606);
        map("emo_smile", 0x1F642, 0x1F60A, 0x1F600, 0x1F601, 0x1F603, 0x1F604, 0x263A);
        map("emo_home", 0x1F3E0, 0x1F3E1);
        map("emo_car", 0x1F697, 0x1F699);
    }

    private Emoji() {}

    private static void map(String token, int... codePoints) {
        for (int cp : codePoints) {
            TOKENS.put(cp, token);
        }
    }

    /** The token for an emoji code point, or null. */
    static String token(int codePoint) {
        return TOKENS.get(codePoint);
    }

    /** Variation selectors, skin tones and joiners, which carry no meaning of their own here. */
    static boolean isModifier(int cp) {
        return cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }

    /** The emoticon token starting at {@code i} (only when not inside a word), or null. */
    static String emoticonAt(String text, int i) {
        int k = match(text, i);
        return k < 0 ? null : EMOTICONS[k][1];
    }

    static int emoticonLength(String text, int i) {
        return EMOTICONS[match(text, i)][0].length();
    }

    private static int match(String text, int i) {
        char c = text.charAt(i);
        if (c != ':' && c != ';' && c != '<') {
            return -1;
        }
        for (int k = 0; k < EMOTICONS.length; k++) {
            String e = EMOTICONS[k][0];
            if (text.regionMatches(true, i, e, 0, e.length())) {
                int end = i + e.length();
                if (end == text.length() || !Character.isLetterOrDigit(text.charAt(end))) {
                    return k;
                }
            }
        }
        return -1;
    }
}
