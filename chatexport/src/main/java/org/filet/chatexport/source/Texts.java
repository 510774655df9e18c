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

  /** Decodes UTF-8 strictly, dropping one leading BOM; invalid bytes give {@link Reason#INVALID_ENCODING}. */
  public static String utf8(String source, byte[] bytes) throws UnreadableExport {
    int off = hasBom(bytes) ? 3 : 0;
    String fast = new String(bytes, off, bytes.length - off, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      return fast; // no replacement happened, so the bytes were valid UTF-8
    }
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, off, bytes.length - off);
    CharBuffer out = CharBuffer.allocate(bytes.length - off);
    CoderResult r = dec.decode(in, out, true);
    if (r.isError()) {
      throw new UnreadableExport(source, Reason.INVALID_ENCODING, "invalid UTF-8 at byte offset " + in.position());
    }
    r = dec.flush(out);
    if (r.isError()) {
      throw new UnreadableExport(source, Reason.INVALID_ENCODING, "invalid UTF-8 at the end of the file");
    }
    out.flip();
    return out.toString();
  }

  public static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  /** True when the bytes decode as strict UTF-8. */
  public static boolean isUtf8(byte[] bytes, int len) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, len));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
