package org.filet.verify.sth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.filet.verify.Hex;
import org.filet.verify.json.Json;
import org.filet.verify.json.JsonException;
import org.filet.verify.json.JsonFields;

/**
 * A tree head with its Ed25519 signature and signed-note key hint. Its file form ({@code sth.json}) is the canonical
 * JSON object below; {@link #encoded()} is byte-for-byte what gets written and what an RFC 3161 timestamp imprints.
 *
 * <pre>{"format":"filet-sth/1","key_id":"&lt;8 hex&gt;","key_name":"…","origin":"…","root_hash":"&lt;64 hex&gt;",
 *  "signature":"&lt;base64 of 64 bytes&gt;","timestamp_ms":…,"tree_size":…}</pre>
 */
public final class SignedTreeHead {
    public static final String FORMAT = "filet-sth/1";
    private static final Set<String> MEMBERS =
            Set.of("format", "key_id", "key_name", "origin", "root_hash", "signature", "timestamp_ms", "tree_size");

    private final TreeHead head;
    private final String keyName;
    private final byte[] keyId;
    private final byte[] signature;

    public SignedTreeHead(TreeHead head, String keyName, byte[] keyId, byte[] signature) {
        this.head = head;
        this.keyName = TreeHead.checkName(keyName, "key name");
        if (keyId.length != 4 || signature.length != 64) {
            throw new IllegalArgumentException("key id must be 4 bytes and signature 64 bytes");
        }
        this.keyId = keyId.clone();
        this.signature = signature.clone();
    }

    public TreeHead head() {
        return head;
    }

    public String origin() {
        return head.origin();
    }

    public long treeSize() {
        return head.treeSize();
    }

    public byte[] rootHash() {
        return head.rootHash();
    }

    public Instant timestamp() {
        return head.timestamp();
    }

    public String keyName() {
        return keyName;
    }

    public byte[] keyId() {
        return keyId.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** Checks the key hint and the Ed25519 signature over {@link TreeHead#noteBody()}. */
    public void verify(LedgerPublicKey key) throws TreeHeadException {
        byte[] expectedId = key.keyId(keyName);
        if (!Arrays.equals(expectedId, keyId)) {
            throw new TreeHeadException("key id mismatch: head names " + Hex.encode(keyId) + ", public key for \""
                    + keyName + "\" has " + Hex.encode(expectedId));
        }
        if (!key.verify(head.noteBody(), signature)) {
            throw new TreeHeadException("Ed25519 signature over the tree head (size " + head.treeSize()
                    + ") does not verify with key " + key.fingerprint());
        }
    }

    /**
     * The C2SP signed note: {@link TreeHead#noteBody()}, an empty line, then
     * {@code — <key name> <base64(key id || signature)>}. Any checkpoint verifier that knows the key can check it.
     */
    public String toSignedNote() {
        byte[] sig = new byte[68];
        System.arraycopy(keyId, 0, sig, 0, 4);
        System.arraycopy(signature, 0, sig, 4, 64);
        return new String(head.noteBody(), StandardCharsets.UTF_8) + "\n\u2014 " + keyName + " "
                + Base64.getEncoder().encodeToString(sig) + "\n";
    }

    /** The C2SP checkpoint as a {@link SignedNote}. */
    public SignedNote toNote() {
        try {
            return SignedNote.parse(toSignedNote());
        } catch (TreeHeadException e) {
            throw new IllegalStateException("a signed tree head always makes a valid note", e);
        }
    }

    /**
     * Reads a Filet checkpoint (as written by {@link #toSignedNote()}, possibly with cosignature lines after the log's
     * own): the body must parse as a tree head and one signature line must carry {@code keyName} and a 64-byte
     * Ed25519 signature. Does not check the signature (see {@link #verify}).
     */
    public static SignedTreeHead fromCheckpoint(SignedNote note, String keyName) throws TreeHeadException {
        TreeHead head = TreeHead.parseNoteBody(note.text());
        for (SignedNote.Line line : note.signatures()) {
            if (line.keyName().equals(keyName) && line.signature().length == 64) {
                return new SignedTreeHead(head, keyName, line.keyId(), line.signature());
            }
        }
        throw new TreeHeadException("checkpoint of size " + head.treeSize() + ": no signature by " + keyName);
    }

    /** {@link #fromCheckpoint(SignedNote, String)} with the log's key name taken to be its origin, as Filet signs. */
    public static SignedTreeHead fromCheckpoint(String note) throws TreeHeadException {
        SignedNote parsed = SignedNote.parse(note);
        return fromCheckpoint(parsed, TreeHead.parseNoteBody(parsed.text()).origin());
    }

    /** Canonical JSON bytes ({@code sth.json}). */
    public byte[] encoded() {
        return Json.canonicalBytes(Json.object(
                "format",
                FORMAT,
                "key_id",
                Hex.encode(keyId),
                "key_name",
                keyName,
                "origin",
                head.origin(),
                "root_hash",
                Hex.encode(head.rootHash()),
                "signature",
                Base64.getEncoder().encodeToString(signature),
                "timestamp_ms",
                head.timestamp().toEpochMilli(),
                "tree_size",
                head.treeSize()));
    }

    /** Parses {@code sth.json}; requires canonical bytes. Does not check the signature (see {@link #verify}). */
    public static SignedTreeHead decode(byte[] bytes) throws TreeHeadException {
        try {
            JsonFields f = JsonFields.of("sth.json", Json.parseCanonical(bytes)).only(MEMBERS);
            if (!FORMAT.equals(f.string("format"))) {
                throw new TreeHeadException("sth.json: unsupported format");
            }
            String keyIdHex = f.string("key_id");
            String rootHex = f.string("root_hash");
            if (keyIdHex.length() != 8 || rootHex.length() != 64) {
                throw new TreeHeadException("sth.json: key_id must be 8 hex digits and root_hash 64");
            }
            byte[] sig = Base64.getDecoder().decode(f.string("signature"));
            if (sig.length != 64 || !Base64.getEncoder().encodeToString(sig).equals(f.string("signature"))) {
                throw new TreeHeadException("sth.json: signature must be 64 bytes in padded standard base64");
            }
            TreeHead head = new TreeHead(
                    f.string("origin"),
                    f.integer("tree_size"),
                    Hex.decode(rootHex),
                    Instant.ofEpochMilli(f.integer("timestamp_ms")));
            return new SignedTreeHead(head, f.string("key_name"), Hex.decode(keyIdHex), sig);
        } catch (JsonException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new TreeHeadException(
                    e.getMessage().startsWith("sth.json") ? e.getMessage() : "sth.json: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "SignedTreeHead[" + head + ", key " + keyName + "/" + Hex.encode(keyId) + "]";
    }
}
