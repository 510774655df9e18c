package org.filet.server.conversations;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.filet.pdq.image.ImageDecoder;
import org.filet.pdq.image.ImageRejectedException;
import org.filet.server.evidence.CustodyEvent;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.evidence.EvidenceCatalogue;
import org.filet.server.evidence.EvidenceStore;
import org.filet.server.evidence.StoredObject;
import org.filet.server.intake.Reports;
import org.filet.server.support.Components;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the text of a report's screenshots by OCR: the lines with their positions and bubble sides are stored as a
 * derived artefact (JSON) with a {@code parsed} custody event that says it is a machine reading; the text feeds
 * linking. Without the OCR engine installed, screenshots are left unread (and the log says so once).
 */
@Component
public class Screenshots {

    private static final Logger log = LoggerFactory.getLogger(Screenshots.class);
    static final String READER = Components.actor("ocr-tesseract");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EvidenceStore store;
    private final EvidenceCatalogue catalogue;
    private final CustodyLedger custody;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ImageDecoder decoder = ImageDecoder.withMaxPixels(40_000_000L);
    private volatile Boolean available;

    Screenshots(
            EvidenceStore store,
            EvidenceCatalogue catalogue,
            CustodyLedger custody,
            JdbcClient jdbc,
            TransactionTemplate transactions) {
        this.store = store;
        this.catalogue = catalogue;
        this.custody = custody;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A screenshot's OCR text as stored. */
    public record Read(String fileSha256, String text, int lines, String ocrSha256, String refused) {}

    public List<Read> of(UUID reportId) {
        return jdbc.sql(
                        "select file_sha256, text, lines, ocr_sha256, refused from ocr_text where report_id = ? order by read_at")
                .param(reportId)
                .query((rs, n) -> new Read(
                        rs.getString(1).trim(),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4) == null ? null : rs.getString(4).trim(),
                        rs.getString(5)))
                .list();
    }

    void read(UUID reportId, String receipt, Reports.FileEntry file) throws Exception {
        if (available == null) {
            available = Ocr.available();
            if (!available) {
                log.warn(
                        "OCR engine not installed (Debian: tesseract-ocr, tesseract-ocr-fra, tesseract-ocr-eng): screenshots stay unread");
            }
        }
        if (!available
                || jdbc.sql("select count(*) from ocr_text where report_id = ? and file_sha256 = ? and engine = ?")
                                .params(reportId, file.sha256(), READER)
                                .query(Long.class)
                                .single()
                        > 0) {
            return;
        }
        byte[] bytes;
        try (InputStream in = store.open(file.sha256())) {
            bytes = in.readAllBytes();
        }
        List<Ocr.Line> lines;
        String refused = null;
        try {
            lines = Ocr.read(decoder.decode(bytes, "").image());
        } catch (ImageRejectedException | java.io.IOException e) {
            lines = List.of();
            refused = e.getClass().getSimpleName();
        }
        List<Ocr.Line> read = lines;
        String why = refused;
        transactions.executeWithoutResult(status -> {
            String sha = null;
            if (!read.isEmpty()) {
                byte[] json = JSON.writeValueAsBytes(java.util.Map.of(
                        "engine",
                        READER,
                        "source",
                        file.sha256(),
                        "note",
                        "machine reading by OCR, not the original",
                        "lines",
                        read));
                try {
                    StoredObject stored = store.put(new ByteArrayInputStream(json), Long.MAX_VALUE);
                    sha = stored.sha256();
                    catalogue.record(new EvidenceCatalogue.Entry(sha, stored.size(), "application/json"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                custody.append(new CustodyEvent(
                        "parsed",
                        READER,
                        Reports.subject(receipt),
                        List.of(file.sha256()),
                        List.of(sha),
                        "OCR: machine reading of a screenshot"));
            }
            String text = String.join("\n", read.stream().map(Ocr.Line::text).toList());
            jdbc.sql("""
                            insert into ocr_text (report_id, file_sha256, engine, ocr_sha256, text, lines, refused)
                            values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(reportId, file.sha256(), READER, sha, text, read.size(), why)
                    .update();
        });
    }

    /** One line of a machine reading: its text, its box in the picture (pixels), bubble side and OCR confidence (0–100). */
    public record Line(String text, int left, int top, int width, int height, String side, int confidence) {}

    /** A screenshot's machine reading: the picture's SHA-256, the reading's SHA-256 and its lines in reading order. */
    public record Reading(String fileSha256, String ocrSha256, List<Line> lines) {}

    /** The machine readings of a report's screenshots that found text, oldest first, with every line's box. */
    public List<Reading> readings(UUID reportId) throws java.io.IOException {
        List<Reading> out = new java.util.ArrayList<>();
        for (Read read : of(reportId)) {
            if (read.ocrSha256() == null) {
                continue;
            }
            try (InputStream in = store.open(read.ocrSha256())) {
                var root = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                List<Line> lines = new java.util.ArrayList<>();
                for (var l : root.get("lines")) {
                    lines.add(new Line(
                            l.get("text").asString(),
                            l.get("left").asInt(),
                            l.get("top").asInt(),
                            l.get("width").asInt(),
                            l.get("height").asInt(),
                            l.get("side").asString(),
                            l.get("confidence").asInt()));
                }
                out.add(new Reading(read.fileSha256(), read.ocrSha256(), List.copyOf(lines)));
            }
        }
        return out;
    }

    /** The lines of a stored reading, for the report page. */
    public List<java.util.Map<String, Object>> lines(String ocrSha256) throws java.io.IOException {
        try (InputStream in = store.open(ocrSha256)) {
            var root = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<java.util.Map<String, Object>> out = new java.util.ArrayList<>();
            for (var l : root.get("lines")) {
                out.add(java.util.Map.of(
                        "text", l.get("text").asString(), "side", l.get("side").asString()));
            }
            return out;
        }
    }
}
