package org.filet.chatexport.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.UnreadableExport.Reason;

/** Strict text decoding of export members. */
public final class Texts {
    private Texts() {}

    /**
     * Decodes UTF-8 strictly, dropping one leading BOM; invalid bytes give {@link Reason#INVALID_ENCODING}. One
     * exception: a surrogate half written as three bytes (CESU-8, Java's modified UTF-8, WTF-8: {@code ED A0..BF xx}),
     * which some exporters write for emoji, is decoded to that half, so that a pair gives the emoji and a lone half is
     * later replaced and noted by {@link org.filet.chatexport.StorableText}.
     */
    public static String utf8(String source, byte[] bytes) throws UnreadableExport {
        int off = hasBom(bytes) ? 3 : 0;
        String fast = new String(bytes, off, bytes.length - off, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast; // no replacement happened, so the bytes were valid UTF-8
        }
        CharsetDecoder dec = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, off, bytes.length - off);
        CharBuffer out = CharBuffer.allocate(bytes.length - off);
        CoderResult r = dec.decode(in, out, true);
        while (r.isError() && encodedSurrogate(bytes, in.position())) {
            int p = in.position();
            out.put((char) (0xD000 | (bytes[p + 1] & 0x3F) << 6 | (bytes[p + 2] & 0x3F)));
            in.position(p + 3);
            r = dec.decode(in, out, true);
        }
        if (r.isError()) {
            throw new UnreadableExport(
                    source, Reason.INVALID_ENCODING, "invalid UTF-8 at byte offset " + in.position());
        }
        r = dec.flush(out);
        if (r.isError()) {
            throw new UnreadableExport(source, Reason.INVALID_ENCODING, "invalid UTF-8 at the end of the file");
        }
        out.flip();
        return out.toString();
    }

    /** {@code ED A0..BF 80..BF}: a UTF-16 surrogate half encoded as if it were a character. */
    private static boolean encodedSurrogate(byte[] b, int p) {
        return p + 2 < b.length && (b[p] & 0xFF) == 0xED && (b[p + 1] & 0xE0) == 0xA0 && (b[p + 2] & 0xC0) == 0x80;
    }

    public static boolean hasBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    /** True when the bytes decode as strict UTF-8. */
    public static boolean isUtf8(byte[] bytes, int len) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
