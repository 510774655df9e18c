package org.filet.server.evidence;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.filet.seal.WitnessKey;
import org.filet.verify.json.Json;
import org.filet.verify.json.JsonException;
import org.filet.verify.json.JsonFields;
import org.filet.verify.merkle.ConsistencyProof;
import org.filet.verify.merkle.ProofException;
import org.filet.verify.sth.Cosignature;
import org.filet.verify.sth.LedgerPublicKey;
import org.filet.verify.sth.SignedNote;
import org.filet.verify.sth.SignedTreeHead;
import org.filet.verify.sth.TreeHeadException;

/**
 * A witness of one Filet instance's custody ledger, run by someone else (a partner, an authority, a cron job on
 * another machine): fetches the instance's latest checkpoint, checks its signature against the ledger key pinned on
 * first contact, checks a consistency proof from the last checkpoint it cosigned, refuses to go backwards or to accept
 * a fork, then cosigns (C2SP tlog-cosignature, Ed25519) and hands the cosignature to the instance.
 *
 * <p>Guarantees: the state file changes only after every check passed, and atomically (written aside, fsynced, moved
 * into place); a refusal leaves it as it was. Plain Java (no Spring): it needs no data directory.
 */
public final class Witness {

    /** How a run ended: 0 cosigned, 1 a finding (named), 2 the instance or the state could not be read. */
    public record Outcome(int exit, String finding, String message) {
        static Outcome ok(String message) {
            return new Outcome(0, "", message);
        }

        static Outcome finding(String finding, String message) {
            return new Outcome(1, finding, finding + ": " + message);
        }

        static Outcome unreachable(String message) {
            return new Outcome(2, "UNREACHABLE", "UNREACHABLE: " + message);
        }
    }

    /** What a witness remembers of one instance. */
    public record State(
            String url, String origin, LedgerPublicKey logKey, String witnessKey, Optional<String> checkpoint) {
        static final String FORMAT = "filet-witness-state/1";

        public static State read(Path file) throws IOException {
            try {
                JsonFields f = JsonFields.of("witness state", Json.parse(Files.readAllBytes(file)));
                if (!FORMAT.equals(f.string("format"))) {
                    throw new IllegalArgumentException("not a " + FORMAT + " file");
                }
                String checkpoint = f.has("checkpoint") ? f.string("checkpoint") : null;
                return new State(
                        f.string("url"),
                        f.string("origin"),
                        LedgerPublicKey.fromPem(f.string("log_key")),
                        f.string("witness_key"),
                        Optional.ofNullable(checkpoint));
            } catch (JsonException | TreeHeadException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        void write(Path file) throws IOException {
            Map<String, Object> m = new java.util.LinkedHashMap<>(Json.object(
                    "format",
                    FORMAT,
                    "url",
                    url,
                    "origin",
                    origin,
                    "log_key",
                    logKey.toPem(),
                    "witness_key",
                    witnessKey,
                    "updated_at",
                    Instant.now().toString()));
            checkpoint.ifPresent(c -> m.put("checkpoint", c));
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.write(java.nio.ByteBuffer.wrap(Json.canonicalBytes(m)));
                    ch.force(true);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                    d.force(true);
                } catch (IOException e) {
                    // some file systems cannot open a directory
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final PrintStream out;

    public Witness(PrintStream out) {
        this.out = out;
    }

    /** The witness's key file beside its state file. */
    public static Path keyFile(Path state) {
        return state.resolveSibling(state.getFileName() + ".key");
    }

    /**
     * One round. {@code pinnedKey} is the instance's ledger key given by the operator (else the one in the state, else
     * the one the instance serves on first contact); {@code name} names a witness key made on first run.
     */
    public Outcome run(String url, Path stateFile, Optional<LedgerPublicKey> givenKey, String name) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        Optional<State> state;
        try {
            state = Files.exists(stateFile) ? Optional.of(State.read(stateFile)) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(2, "STATE_UNREADABLE", "STATE_UNREADABLE: " + stateFile + ": " + e.getMessage());
        }
        WitnessKey witness;
        try {
            witness = loadOrCreateKey(stateFile, name);
        } catch (IOException | TreeHeadException e) {
            return new Outcome(2, "KEY_UNREADABLE", "KEY_UNREADABLE: " + keyFile(stateFile) + ": " + e.getMessage());
        }

        LedgerPublicKey logKey;
        if (state.isPresent()) {
            logKey = state.get().logKey();
            if (givenKey.isPresent() && !givenKey.get().equals(logKey)) {
                return Outcome.finding(
                        "KEY_CHANGED",
                        "the state pins ledger key " + logKey.fingerprint() + " but --key gives "
                                + givenKey.get().fingerprint());
            }
        } else if (givenKey.isPresent()) {
            logKey = givenKey.get();
        } else {
            try {
                logKey = LedgerPublicKey.fromPem(get(base + "/.well-known/filet/ledger-key.pem"));
            } catch (IOException e) {
                return Outcome.unreachable(e.getMessage());
            } catch (TreeHeadException e) {
                return Outcome.finding("BAD_KEY", "the instance serves no usable ledger key: " + e.getMessage());
            }
            out.println("first contact: pinned ledger key " + logKey.fingerprint() + " (trust on first use; compare it"
                    + " with the instance's operator, or pass --key)");
        }

        SignedNote note;
        SignedTreeHead head;
        try {
            note = SignedNote.parse(get(base + "/api/v1/ledger/checkpoint"));
            head = SignedTreeHead.fromCheckpoint(
                    note,
                    org.filet.verify.sth.TreeHead.parseNoteBody(note.text()).origin());
        } catch (IOException e) {
            return Outcome.unreachable(e.getMessage());
        } catch (TreeHeadException e) {
            return Outcome.finding("BAD_CHECKPOINT", e.getMessage());
        }
        if (state.isPresent() && !state.get().origin().equals(head.origin())) {
            return Outcome.finding(
                    "ORIGIN_CHANGED",
                    "the state is about " + state.get().origin() + ", the instance now signs as " + head.origin());
        }
        try {
            head.verify(logKey);
        } catch (TreeHeadException e) {
            return Outcome.finding(
                    "BAD_SIGNATURE",
                    "the checkpoint of size " + head.treeSize() + " does not verify with the" + " pinned ledger key: "
                            + e.getMessage());
        }

        String consistentWith = "first checkpoint";
        Optional<String> previous = state.flatMap(State::checkpoint);
        if (previous.isPresent()) {
            SignedTreeHead old;
            try {
                old = SignedTreeHead.fromCheckpoint(SignedNote.parse(previous.get()), head.origin());
            } catch (TreeHeadException e) {
                return new Outcome(2, "STATE_UNREADABLE", "STATE_UNREADABLE: its checkpoint: " + e.getMessage());
            }
            long m = old.treeSize();
            long n = head.treeSize();
            if (n < m) {
                return Outcome.finding(
                        "ROLLED_BACK",
                        "the instance now publishes a head of " + n + " leaves, this witness" + " cosigned " + m
                                + " on " + old.timestamp() + "; refusing to go backwards (state unchanged)");
            }
            if (n == m) {
                if (!java.util.Arrays.equals(old.rootHash(), head.rootHash())) {
                    return Outcome.finding(
                            "FORK",
                            "the instance now signs another root at size " + n + " than the one this"
                                    + " witness cosigned (state unchanged)");
                }
                consistentWith = "same size " + m;
            } else if (m > 0) {
                try {
                    Object body = Json.parse(get(base + "/api/v1/ledger/consistency?first=" + m + "&second=" + n));
                    List<byte[]> path = new ArrayList<>();
                    for (Object h : JsonFields.of("consistency", body).array("proof")) {
                        path.add(HexFormat.of().parseHex(String.valueOf(h)));
                    }
                    new ConsistencyProof(m, n, path).verify(old.rootHash(), head.rootHash());
                } catch (IOException e) {
                    return Outcome.unreachable(e.getMessage());
                } catch (JsonException | IllegalArgumentException e) {
                    return Outcome.finding(
                            "BAD_PROOF",
                            "the consistency proof " + m + " -> " + n + " is unreadable: " + e.getMessage());
                } catch (ProofException e) {
                    return Outcome.finding(
                            "FORK",
                            "the checkpoint of size " + n + " does not extend the one of size " + m
                                    + " this witness cosigned: " + e.getMessage() + " (state unchanged)");
                }
                consistentWith = "consistent with " + m;
            }
        }

        Cosignature cosignature = witness.cosign(note.text(), Instant.now().getEpochSecond());
        String cosigned = head.toNote().with(cosignature.toLine()).encode();
        try {
            new State(base, head.origin(), logKey, witness.publicKey().toVerifierKey(), Optional.of(cosigned))
                    .write(stateFile);
        } catch (IOException e) {
            return new Outcome(2, "STATE_UNWRITABLE", "STATE_UNWRITABLE: " + e.getMessage());
        }
        String message = "cosigned " + head.origin() + " size " + head.treeSize() + " (" + consistentWith + ") as "
                + witness.publicKey().name();
        try {
            HttpResponse<String> sent = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/ledger/cosignatures"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.canonicalBytes(Json.object(
                                    "checkpoint",
                                    cosigned,
                                    "key",
                                    witness.publicKey().toVerifierKey()))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (sent.statusCode() / 100 != 2) {
                return new Outcome(
                        2,
                        "NOT_DELIVERED",
                        "NOT_DELIVERED: " + message + ", but the instance refused the cosignature (HTTP "
                                + sent.statusCode() + "): " + sent.body());
            }
        } catch (IOException e) {
            return new Outcome(
                    2, "NOT_DELIVERED", "NOT_DELIVERED: " + message + ", but it could not be sent: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.unreachable("interrupted");
        }
        return Outcome.ok(message);
    }

    private WitnessKey loadOrCreateKey(Path stateFile, String name) throws IOException, TreeHeadException {
        Path file = keyFile(stateFile);
        if (Files.exists(file)) {
            return WitnessKey.load(file);
        }
        WitnessKey key = WitnessKey.generate(name);
        key.save(file);
        out.println("generated witness key " + key.publicKey().toVerifierKey() + " in " + file);
        return key;
    }

    private String get(String url) throws IOException {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(60))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new IOException("GET " + url + ": HTTP " + r.statusCode());
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad URL " + url + ": " + e.getMessage(), e);
        }
    }
}
