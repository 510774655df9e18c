package org.filet.chatexport.meta;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Undoes Meta's habit of writing each UTF-8 byte as its own escaped char (U+0080 to U+00FF; CHAT-FORMATS.md 2.1). Repairs only
 * when every char is at most U+00FF, at least one is at least U+0080, and the bytes decode as strict UTF-8; otherwise
 * the string is returned unchanged, so correct text (including real Latin-1 text such as "café") is never altered.
 */
public final class Mojibake {
    private Mojibake() {}

    public static @Nullable String repair(@Nullable String s) {
        if (s == null) {
            return null;
        }
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return s;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return s;
        }
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }
}
