package org.filet.chatexport.whatsapp;

import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.UnreadableExport.Reason;
import org.jspecify.annotations.Nullable;

/**
 * Walks the lines of a chat text (LF, CRLF or lone CR endings; a leading BOM is skipped), scanning each for a header.
 * Refuses a line longer than the limit with {@link Reason#LINE_TOO_LONG}.
 */
final class Lines {
    private Lines() {}

    /** Receives each line with its 1-based number and its header (or null); returns false to stop. */
    interface Sink {
        boolean line(int lineNo, String line, @Nullable Header header) throws UnreadableExport;
    }

    static void forEach(String source, String text, int maxLine, Sink sink) throws UnreadableExport {
        int n = text.length();
        int pos = n > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int lineNo = 0;
        boolean loneCr = hasLoneCr(text);
        int[] scratch = new int[14];
        while (pos < n) {
            int end;
            if (loneCr) {
                end = pos;
                while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                    end++;
                }
            } else {
                int nl = text.indexOf('\n', pos);
                end = nl < 0 ? n : nl;
                if (end > pos && text.charAt(end - 1) == '\r') {
                    end--;
                }
            }
            lineNo++;
            if (end - pos > maxLine) {
                throw new UnreadableExport(
                        source, Reason.LINE_TOO_LONG, "line " + lineNo + " is longer than " + maxLine + " characters");
            }
            String line = text.substring(pos, end);
            if (!sink.line(lineNo, line, HeaderScanner.scan(line, scratch))) {
                return;
            }
            pos = end;
            if (pos < n && text.charAt(pos) == '\r') {
                pos++;
                if (pos < n && text.charAt(pos) == '\n') {
                    pos++;
                }
            } else if (pos < n) {
                pos++;
            }
        }
    }

    /** True if some '\r' is not followed by '\n' (old Mac line ends), which needs the slower splitter. */
    private static boolean hasLoneCr(String text) {
        int i = text.indexOf('\r');
        while (i >= 0) {
            if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                return true;
            }
            i = text.indexOf('\r', i + 2);
        }
        return false;
    }
}
