package org.filet.server.evidence;

import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.filet.verify.json.Json;
import org.filet.verify.json.JsonException;
import org.filet.verify.sth.SignedNote;
import org.filet.verify.sth.TreeHeadException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The ledger's public face, open to anyone (a head reveals a count and a hash, nothing of the evidence): the
 * instance's public key at a well-known address, the latest signed head (JSON, or as a C2SP checkpoint with its
 * cosignatures), consistency proofs between heads, and the door through which witnesses hand in their cosignatures.
 */
@RestController
class LedgerController {

    static final String TEXT = "text/plain;charset=UTF-8";

    private final Ledger ledger;
    private final Cosignatures cosignatures;

    LedgerController(Ledger ledger, Cosignatures cosignatures) {
        this.ledger = ledger;
        this.cosignatures = cosignatures;
    }

    @GetMapping(path = "/.well-known/filet/ledger-key.pem", produces = "application/x-pem-file")
    String publicKey() {
        return ledger.publicKey().toPem();
    }

    /**
     * The members of {@code sth.json}, plus {@code checkpoint} (the same head as a C2SP signed note, with every
     * cosignature line) and {@code cosignatures} (witness, verifier key, time).
     */
    @GetMapping(path = "/api/v1/ledger/head", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> head() throws SQLException {
        Ledger.Head head = latest();
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> sth =
                    (Map<String, Object>) Json.parse(head.sth().encoded());
            body.putAll(sth);
        } catch (JsonException e) {
            throw new IllegalStateException("a stored head is not JSON", e);
        }
        List<Cosignatures.Stored> cosigned = cosignatures.of(head.treeSize());
        body.put("checkpoint", checkpoint(head, cosigned));
        List<Object> list = new ArrayList<>();
        for (Cosignatures.Stored c : cosigned) {
            list.add(Json.object(
                    "witness_key", c.witnessKey(), "cosigned_at", c.cosignedAt().toString(), "signature", c.line()));
        }
        body.put("cosignatures", list);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Json.canonicalBytes(body));
    }

    /** The latest head as a C2SP checkpoint (what a standard witness or client reads), with its cosignatures. */
    @GetMapping(path = "/api/v1/ledger/checkpoint", produces = TEXT)
    String checkpoint() throws SQLException {
        Ledger.Head head = latest();
        return checkpoint(head, cosignatures.of(head.treeSize()));
    }

    @GetMapping(path = "/api/v1/ledger/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> consistency(@RequestParam long first, @RequestParam long second) {
        if (first <= 0 || second < first || second > ledger.size()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "need 0 < first <= second <= " + ledger.size());
        }
        var proof = ledger.consistencyProof(first, second);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("first", first);
        body.put("second", second);
        body.put("proof", proof.path().stream().map(HexFormat.of()::formatHex).toList());
        return body;
    }

    /** A request handing in a cosignature: the checkpoint with the witness's line, and the witness's verifier key. */
    record CosignatureRequest(String checkpoint, String key) {}

    @PostMapping(path = "/api/v1/ledger/cosignatures", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> cosign(@RequestBody CosignatureRequest request) throws Cosignatures.Refused {
        if (request == null) {
            throw new Cosignatures.Refused("checkpoint", 400, "send {\"checkpoint\": …, \"key\": …}");
        }
        boolean created = cosignatures.accept(request.checkpoint(), request.key());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kept", true);
        body.put("new", created);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(body);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(Cosignatures.Refused e) {
        ProblemDetail p =
                ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status), e.field + ": " + e.getMessage());
        p.setType(URI.create("https://filet.invalid/problems/cosignature-refused"));
        p.setTitle("Cosignature refused");
        p.setProperty("field", e.field);
        return ResponseEntity.status(e.status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }

    private Ledger.Head latest() throws SQLException {
        return ledger.latestHead()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no signed tree head yet"));
    }

    private static String checkpoint(Ledger.Head head, List<Cosignatures.Stored> cosigned) {
        SignedNote note = head.sth().toNote();
        for (Cosignatures.Stored c : cosigned) {
            try {
                note = note.with(SignedNote.Line.parse(c.line()));
            } catch (TreeHeadException e) {
                throw new IllegalStateException("a stored cosignature line does not parse", e);
            }
        }
        return note.encode();
    }
}
