package org.filet.verify.sth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.filet.verify.Hex;

/**
 * An unsigned tree head: the log's origin (e.g. {@code filet:hotline-fr}), its size and RFC 9162 root, and the time
 * it was produced (milliseconds). The signed bytes are a C2SP tlog-checkpoint body with one extension line:
 *
 * <pre>
 * &lt;origin&gt;\n
 * &lt;tree size, decimal&gt;\n
 * &lt;root hash, standard base64&gt;\n
 * timestamp &lt;unix time in milliseconds, decimal&gt;\n
 * </pre>
 */
public record TreeHead(String origin, long treeSize, byte[] rootHash, Instant timestamp) {
    public TreeHead {
        checkName(origin, "origin");
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must be >= 0, got " + treeSize);
        }
        if (rootHash == null || rootHash.length != 32) {
            throw new IllegalArgumentException("root hash must be 32 bytes");
        }
        if (timestamp == null || timestamp.toEpochMilli() < 0) {
            throw new IllegalArgumentException("timestamp must be after 1970");
        }
        rootHash = rootHash.clone();
        timestamp = Instant.ofEpochMilli(timestamp.toEpochMilli());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The exact bytes signed with Ed25519. */
    public byte[] noteBody() {
        return (origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n" + "timestamp "
                        + timestamp.toEpochMilli() + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses a checkpoint body as written by {@link #noteBody()}: origin, size (decimal, no leading zero), root
     * (standard base64 of 32 bytes) and the {@code timestamp} extension line. Other extension lines are refused.
     */
    public static TreeHead parseNoteBody(String text) throws TreeHeadException {
        String[] lines = text.split("\n", -1);
        if (lines.length != 5 || !lines[4].isEmpty()) {
            throw new TreeHeadException("checkpoint: expected origin, size, root hash and a timestamp line");
        }
        try {
            long size = decimal(lines[1], "tree size");
            byte[] root = Base64.getDecoder().decode(lines[2]);
            if (root.length != 32 || !Base64.getEncoder().encodeToString(root).equals(lines[2])) {
                throw new TreeHeadException("checkpoint: the root hash must be 32 bytes in padded standard base64");
            }
            if (!lines[3].startsWith("timestamp ")) {
                throw new TreeHeadException("checkpoint: the fourth line must be 'timestamp <milliseconds>'");
            }
            long millis = decimal(lines[3].substring("timestamp ".length()), "timestamp");
            TreeHead head = new TreeHead(lines[0], size, root, Instant.ofEpochMilli(millis));
            if (!new String(head.noteBody(), StandardCharsets.UTF_8).equals(text)) {
                throw new TreeHeadException("checkpoint: not in canonical form");
            }
            return head;
        } catch (IllegalArgumentException e) {
            throw new TreeHeadException("checkpoint: " + e.getMessage());
        }
    }

    private static long decimal(String s, String what) throws TreeHeadException {
        if (s.isEmpty()
                || s.length() > 19
                || (s.length() > 1 && s.charAt(0) == '0')
                || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new TreeHeadException("checkpoint: the " + what + " must be a decimal number without leading zeros");
        }
        return Long.parseLong(s);
    }

    /** Origins and key names: 1..128 printable ASCII characters without spaces or '+' (signed-note rules). */
    public static String checkName(String name, String what) {
        if (name == null || name.isEmpty() || name.length() > 128) {
            throw new IllegalArgumentException(what + " must be 1..128 characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '+') {
                throw new IllegalArgumentException(
                        what + ": character at " + i + " is not printable ASCII, " + "or is a space or '+'");
            }
        }
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeHead t
                && origin.equals(t.origin)
                && treeSize == t.treeSize
                && Arrays.equals(rootHash, t.rootHash)
                && timestamp.equals(t.timestamp);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(noteBody());
    }

    @Override
    public String toString() {
        return "TreeHead[" + origin + ", size " + treeSize + ", root " + Hex.encode(rootHash) + ", " + timestamp + "]";
    }
}
