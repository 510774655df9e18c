package org.filet.server.evidence;

import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The ledger's public face: the instance's public key at a well-known address (anyone may fetch it to check a
 * package), and, for staff, the latest signed head and consistency proofs between heads.
 */
@RestController
class LedgerController {

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping(path = "/.well-known/filet/ledger-key.pem", produces = "application/x-pem-file")
    String publicKey() {
        return ledger.publicKey().toPem();
    }

    @GetMapping(path = "/api/v1/ledger/head", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> head() throws SQLException {
        return ledger.latestHead().map(h -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(h.sth().encoded()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no signed tree head yet"));
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
}
