package org.filet.server.media;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.filet.pdq.PdqHasher;
import org.filet.pdq.PdqResult;
import org.filet.pdq.image.DecodedImage;
import org.filet.pdq.image.ImageDecoder;
import org.filet.pdq.image.ImageRejectedException;
import org.filet.server.evidence.CustodyEvent;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.evidence.EvidenceStore;
import org.filet.server.intake.ReportReceived;
import org.filet.server.intake.Reports;
import org.filet.server.people.OrganisationSettings;
import org.filet.server.support.ChangeNotices;
import org.filet.server.support.Components;
import org.filet.server.support.JobHandler;
import org.filet.server.support.Jobs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hashes a report's pictures with PDQ (decoded within the pixel limit: a bomb is refused before decoding and the
 * refusal recorded) and matches each against every earlier report's pictures, all 8 rotations and flips at once.
 * Idempotent: a picture already hashed for the report is skipped.
 */
@Component
class MediaHashing implements JobHandler {

    static final String HASHER = Components.actor("pdq");

    private final Reports reports;
    private final EvidenceStore store;
    private final CustodyLedger custody;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MediaIndex index;
    private final MediaSettings settings;
    private final ImageDecoder decoder;
    private final OrganisationSettings organisationSettings;
    private final ChangeNotices notices;
    private final Jobs jobs;

    MediaHashing(
            Reports reports,
            EvidenceStore store,
            CustodyLedger custody,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            MediaIndex index,
            MediaSettings settings,
            OrganisationSettings organisationSettings,
            ChangeNotices notices,
            Jobs jobs) {
        this.organisationSettings = organisationSettings;
        this.notices = notices;
        this.jobs = jobs;
        this.reports = reports;
        this.store = store;
        this.custody = custody;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.index = index;
        this.settings = settings;
        this.decoder = ImageDecoder.withMaxPixels(settings.maxPixels());
    }

    @Override
    public String kind() {
        return ReportReceived.MEDIA_JOB;
    }

    @Override
    public void run(String subject) throws Exception {
        UUID reportId = UUID.fromString(subject);
        String receipt =
                reports.receiptOf(reportId).orElseThrow(() -> new IllegalStateException("no report " + reportId));
        for (Reports.FileEntry file : reports.files(reportId)) {
            if (!file.mediaType().startsWith("image/") || hashed(reportId, file.sha256())) {
                continue;
            }
            byte[] bytes;
            try (InputStream in = store.open(file.sha256())) {
                bytes = in.readAllBytes();
            }
            PdqResult result = null;
            DecodedImage image = null;
            String rejected = null;
            try {
                image = decoder.decode(bytes, file.originalName() == null ? "" : file.originalName());
                result = PdqHasher.hash(image.image());
            } catch (ImageRejectedException e) {
                rejected = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            byte[] bytesFinal = bytes;
            PdqResult hash = result;
            DecodedImage decoded = image;
            String refusal = rejected;
            int distance = organisationSettings
                    .matchDistance(reports.organisationOf(reportId).orElseThrow())
                    .orElse(settings.matchDistance());
            index.catchUp(); // what other nodes hashed since the last notice
            List<MediaIndex.Match> matches = hash == null ? List.of() : index.search(hash.variants(), distance);
            transactions.executeWithoutResult(status -> {
                jdbc.sql("""
                                insert into media_hash (report_id, file_sha256, pdq, quality, width, height, format, rejected)
                                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(
                                reportId,
                                file.sha256(),
                                hash == null ? null : hash.hash().toHex(),
                                hash == null ? null : hash.quality(),
                                decoded == null ? null : decoded.width(),
                                decoded == null ? null : decoded.height(),
                                decoded == null ? null : decoded.format().name(),
                                refusal)
                        .update();
                for (MediaIndex.Match m : matches) {
                    if (m.known() instanceof MediaIndex.Picture p
                            && !p.reportId().equals(reportId)) {
                        jdbc.sql("""
                                        insert into media_match (report_id, file_sha256, matched_report_id, matched_file_sha256, distance)
                                        values (?, ?, ?, ?, ?), (?, ?, ?, ?, ?) on conflict do nothing""")
                                .params(
                                        reportId,
                                        file.sha256(),
                                        p.reportId(),
                                        p.fileSha256(),
                                        m.distance(),
                                        p.reportId(),
                                        p.fileSha256(),
                                        reportId,
                                        file.sha256(),
                                        m.distance())
                                .update();
                    } else if (m.known() instanceof MediaIndex.ListEntry e) {
                        listMatch(reportId, file.sha256(), e.listId(), e.entryId(), e.category(), m.distance());
                    }
                }
                for (String[] digest : new String[][] {
                    {"md5", hex("MD5", bytesFinal)}, {"sha1", hex("SHA-1", bytesFinal)}, {"sha256", file.sha256()}
                }) {
                    jdbc.sql("select list_id, entry_id, category from hash_list_entry where kind = ? and hex = ?")
                            .params(digest[0], digest[1])
                            .query((rs, n) -> {
                                listMatch(reportId, file.sha256(), rs.getLong(1), rs.getString(2), rs.getString(3), 0);
                                return null;
                            })
                            .list();
                }
                custody.append(new CustodyEvent(
                        "hashed", HASHER, Reports.subject(receipt), List.of(file.sha256()), List.of(), null));
                if (hash != null) {
                    notices.announce(MediaIndex.TOPIC);
                    jobs.enqueue(PictureKeys.CHANGED_JOB, PictureKeys.subject(reportId, file.sha256()));
                }
            });
        }
    }

    private void listMatch(UUID reportId, String fileSha, long listId, String entryId, String category, int distance) {
        jdbc.sql("""
                        insert into media_list_match (report_id, file_sha256, list_id, entry_id, category, distance)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(reportId, fileSha, listId, entryId, category, distance)
                .update();
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean hashed(UUID reportId, String sha) {
        return jdbc.sql("select count(*) from media_hash where report_id = ? and file_sha256 = ?")
                        .params(reportId, sha)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
