package org.filet.verify.sth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note ({@code c2sp.org/signed-note}): a UTF-8 text of newline-terminated lines, an empty line, then
 * one or more signature lines {@code — <key name> <base64(4-byte key id || signature)>}. Immutable.
 *
 * <p>Parsing checks the shape only; each signature is checked by whoever knows its key ({@link SignedTreeHead},
 * {@link Cosignature}).
 */
public final class SignedNote {
    /** Signature lines a note may carry before it is refused (Go's note package allows 100). */
    public static final int MAX_SIGNATURES = 100;

    private static final String DASH = "\u2014 ";

    private final String text;
    private final List<Line> signatures;

    /** One signature line: the key name, the 4-byte key id and the signature bytes after it. */
    public record Line(String keyName, byte[] keyId, byte[] signature) {
        public Line {
            TreeHead.checkName(keyName, "key name");
            if (keyId.length != 4) {
                throw new IllegalArgumentException("key id must be 4 bytes");
            }
            keyId = keyId.clone();
            signature = signature.clone();
        }

        @Override
        public byte[] keyId() {
            return keyId.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        /** The line as written in a note, with its final newline. */
        public String encode() {
            byte[] all = new byte[4 + signature.length];
            System.arraycopy(keyId, 0, all, 0, 4);
            System.arraycopy(signature, 0, all, 4, signature.length);
            return DASH + keyName + " " + Base64.getEncoder().encodeToString(all) + "\n";
        }

        /** Parses one signature line (with or without its final newline). */
        public static Line parse(String line) throws TreeHeadException {
            String l = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
            if (!l.startsWith(DASH)) {
                throw new TreeHeadException("signed note: a signature line must start with an em dash and a space");
            }
            String rest = l.substring(DASH.length());
            int space = rest.indexOf(' ');
            if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
                throw new TreeHeadException("signed note: a signature line is '— <key name> <base64>'");
            }
            byte[] all;
            try {
                all = Base64.getDecoder().decode(rest.substring(space + 1));
            } catch (IllegalArgumentException e) {
                throw new TreeHeadException("signed note: a signature is not standard base64");
            }
            if (all.length < 5) {
                throw new TreeHeadException("signed note: a signature is shorter than its key id");
            }
            try {
                return new Line(
                        rest.substring(0, space), Arrays.copyOf(all, 4), Arrays.copyOfRange(all, 4, all.length));
            } catch (IllegalArgumentException e) {
                throw new TreeHeadException("signed note: " + e.getMessage());
            }
        }
    }

    private SignedNote(String text, List<Line> signatures) {
        this.text = text;
        this.signatures = List.copyOf(signatures);
    }

    /** A note from its body (ending in a newline, no empty line) and signature lines. */
    public static SignedNote of(String text, List<Line> signatures) throws TreeHeadException {
        checkText(text);
        if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
            throw new TreeHeadException("signed note: needs 1.." + MAX_SIGNATURES + " signatures");
        }
        return new SignedNote(text, signatures);
    }

    public static SignedNote parse(String note) throws TreeHeadException {
        if (note == null || note.isEmpty()) {
            throw new TreeHeadException("signed note: empty");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new TreeHeadException("signed note: no empty line before the signatures, or no final newline");
        }
        String text = note.substring(0, split + 1);
        checkText(text);
        List<Line> lines = new ArrayList<>();
        for (String s : note.substring(split + 2).split("\n", -1)) {
            if (s.isEmpty()) {
                continue; // the split leaves one empty string after the final newline
            }
            lines.add(Line.parse(s));
            if (lines.size() > MAX_SIGNATURES) {
                throw new TreeHeadException("signed note: more than " + MAX_SIGNATURES + " signatures");
            }
        }
        if (lines.isEmpty()) {
            throw new TreeHeadException("signed note: no signature");
        }
        return new SignedNote(text, lines);
    }

    private static void checkText(String text) throws TreeHeadException {
        if (text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n")) {
            throw new TreeHeadException("signed note: the text must be non-empty lines, each ending in a newline");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n') || c == 0x7f || Character.isSurrogate(c) && !validPair(text, i)) {
                throw new TreeHeadException("signed note: the text holds a control character at " + i);
            }
        }
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** The signed text (the checkpoint body), with its final newline. */
    public String text() {
        return text;
    }

    public byte[] textBytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public List<Line> signatures() {
        return signatures;
    }

    /** This note with one more signature line (a line already present is not repeated). */
    public SignedNote with(Line line) {
        for (Line l : signatures) {
            if (l.encode().equals(line.encode())) {
                return this;
            }
        }
        List<Line> all = new ArrayList<>(signatures);
        all.add(line);
        return new SignedNote(text, all);
    }

    public String encode() {
        StringBuilder b = new StringBuilder(text).append('\n');
        signatures.forEach(l -> b.append(l.encode()));
        return b.toString();
    }

    @Override
    public String toString() {
        return encode();
    }
}
