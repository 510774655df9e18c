package org.filet.server.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.filet.server.Multipart;
import org.filet.server.ServerTest;
import org.filet.server.cases.CaseStatus;
import org.filet.server.cases.Cases;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.evidence.EvidenceStore;
import org.filet.server.evidence.LedgerCheck;
import org.filet.server.people.Organisations;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUser;
import org.filet.server.people.StaffUsers;
import org.filet.server.support.FiletSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Retention crypto-shreds what is past its period, keeps the custody record, and never touches a case on hold. */
class RetentionIT extends ServerTest {

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    Cases cases;

    @Autowired
    LegalHolds holds;

    @Autowired
    Retention retention;

    @Autowired
    RetentionPolicies policies;

    @Autowired
    EvidenceStore store;

    @Autowired
    LedgerCheck ledgerCheck;

    @Autowired
    CustodyLedger custody;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anExpiredReportIsCryptoShreddedItsCustodyStaysTheLedgerHoldsAndAHeldCaseIsUntouched() throws Exception {
        UUID org = organisations.create("Rétention " + UUID.randomUUID());
        StaffUser lead = users.create(org, "retention-lead-" + UUID.randomUUID() + "@filet.test", "Lead", Role.LEAD);
        StaffUser analyst =
                users.create(org, "retention-analyst-" + UUID.randomUUID() + "@filet.test", "Analyste", Role.ANALYST);
        Filed expired = report(org, null);
        Filed held = report(org, null);
        Filed recent = report(org, null);
        var expiredCase = cases.open(lead, "Expiré", List.of(expired.receipt()));
        cases.move(lead, expiredCase.number(), CaseStatus.CLOSED, "sans suite");
        var heldCase = cases.open(lead, "Gelé", List.of(held.receipt()));
        cases.move(lead, heldCase.number(), CaseStatus.CLOSED, "sans suite");
        cases.open(lead, "En cours", List.of(recent.receipt()));
        assertThatThrownBy(() -> holds.set(analyst, heldCase.number(), "réquisition"))
                .isInstanceOf(LegalHolds.Refused.class);
        assertThatThrownBy(() -> holds.set(lead, heldCase.number(), " ")).isInstanceOf(LegalHolds.Refused.class);
        holds.set(lead, heldCase.number(), "réquisition judiciaire 2026/123");
        policies.save(org, new RetentionPolicies.Policy(6, null, true), lead.id());
        Instant inFiveMonths =
                Instant.now().atOffset(ZoneOffset.UTC).plusMonths(5).toInstant();
        Instant inSevenMonths =
                Instant.now().atOffset(ZoneOffset.UTC).plusMonths(7).toInstant();
        List<String> problemsBefore = ledgerCheck.run(ledgerCheck.publicKey()).problems();

        assertThat(receipts(retention.run(true, inFiveMonths))).doesNotContain(expired.receipt());
        Retention.Result dry = retention.run(true, inSevenMonths);
        assertThat(receipts(dry)).contains(expired.receipt()).doesNotContain(held.receipt(), recent.receipt());
        assertThat(dry.held()).contains(held.receipt());
        assertThat(readable(expired.sha256())).as("a dry run deletes nothing").isTrue();

        Retention.Result run = retention.run(false, inSevenMonths);
        Retention.Deletion deletion = run.deletions().stream()
                .filter(d -> d.receipt().equals(expired.receipt()))
                .findFirst()
                .orElseThrow();
        assertThat(deletion.objects()).contains(expired.sha256());
        assertThat(deletion.rule()).isEqualTo(Retention.CLOSED_WITHOUT_REFERRAL);
        assertThat(readable(expired.sha256())).as("no longer decryptable").isFalse();
        assertThat(keyFile(expired.sha256())).as("its data key is destroyed").isEmpty();
        assertThat(readable(held.sha256()))
                .as("a case on legal hold is untouched")
                .isTrue();
        assertThat(readable(recent.sha256())).isTrue();

        List<String> actions = custody.history("report:" + expired.receipt()).stream()
                .map(e -> e.event().action())
                .toList();
        assertThat(actions).contains("received", "deleted-by-retention");
        assertThat(custody.history("report:" + expired.receipt()).stream()
                        .filter(e -> e.event().action().equals("deleted-by-retention"))
                        .findFirst()
                        .orElseThrow()
                        .event())
                .satisfies(e -> {
                    assertThat(e.inputs()).contains(expired.sha256());
                    assertThat(e.reason()).contains(Retention.CLOSED_WITHOUT_REFERRAL);
                });
        assertThat(jdbc.sql("select count(*) from evidence_object where sha256 = ?")
                        .param(expired.sha256())
                        .query(Integer.class)
                        .single())
                .as("its hash stays")
                .isEqualTo(1);
        LedgerCheck.Result after = ledgerCheck.run(ledgerCheck.publicKey());
        assertThat(after.problems()).noneMatch(p -> p.contains(expired.sha256()));
        assertThat(after.problems()).as("no new problem").isSubsetOf(problemsBefore);
        assertThat(receipts(retention.run(false, inSevenMonths)))
                .as("done once")
                .doesNotContain(expired.receipt());

        holds.lift(lead, heldCase.number(), "affaire jugée");
        assertThat(holds.active(org)).isEmpty();
        assertThat(holds.history(org)).extracting(LegalHolds.Event::action).containsExactly("lifted", "set");
        assertThat(receipts(retention.run(false, inSevenMonths))).contains(held.receipt());
        assertThat(readable(held.sha256())).isFalse();
    }

    @Test
    void theReporterErasesTheirContactDetailsAndRetentionErasesThemOnClosure() throws Exception {
        UUID org = organisations.create("Coordonnées " + UUID.randomUUID());
        StaffUser lead = users.create(org, "contact-lead-" + UUID.randomUUID() + "@filet.test", "Lead", Role.LEAD);
        Filed asked = report(org, "parent-" + UUID.randomUUID() + "@exemple.fr");
        assertThat(contact(asked.receipt())).isNotNull();
        HttpResponse<String> wrong = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports/" + asked.receipt() + "/contact"))
                        .header("X-Access-Code", "WRONG")
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(contact(asked.receipt())).isNotNull();
        HttpResponse<String> erased = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports/" + asked.receipt() + "/contact"))
                        .header("X-Access-Code", asked.accessCode())
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(erased.statusCode()).isEqualTo(204);
        assertThat(contact(asked.receipt())).isNull();
        assertThat(jdbc.sql("select count(*) from report_contact_erasure where receipt = ?")
                        .param(asked.receipt())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        Filed closed = report(org, "autre-" + UUID.randomUUID() + "@exemple.fr");
        var c = cases.open(lead, "Clos", List.of(closed.receipt()));
        Retention.Result before = retention.run(false, Instant.now());
        assertThat(before.contactsErased()).doesNotContain(closed.receipt());
        cases.move(lead, c.number(), CaseStatus.CLOSED, "sans suite");
        assertThat(retention.run(true, Instant.now()).contactsErased()).contains(closed.receipt());
        assertThat(contact(closed.receipt())).as("dry run").isNotNull();
        retention.run(false, Instant.now());
        assertThat(contact(closed.receipt())).isNull();
    }

    private record Filed(String receipt, String accessCode, String sha256) {}

    private Filed report(UUID org, String contact) throws Exception {
        String text = "[12/03/2026 20:14] Max: on se voit demain ? " + UUID.randomUUID() + "\n";
        Multipart body = new Multipart()
                .json(
                        "report",
                        "{\"reporter\":{\"role\":\"parent\""
                                + (contact == null ? "" : ",\"contact\":\"" + contact + "\"")
                                + "},\"child\":{\"age\":12,\"country\":\"FR\"},\"description\":\"il insiste\"}")
                .file("files", "conversation.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports"))
                        .header("Content-Type", body.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String receipt = json(r).get("receipt").asString();
        jdbc.sql("update report set organisation = ? where receipt = ?")
                .params(org, receipt)
                .update();
        String sha = jdbc.sql(
                        "select f.sha256 from report_file f join report r on r.id = f.report_id where r.receipt = ?")
                .param(receipt)
                .query(String.class)
                .single()
                .trim();
        return new Filed(receipt, json(r).get("accessCode").asString(), sha);
    }

    private String contact(String receipt) {
        return jdbc.sql("select reporter_contact from report where receipt = ?")
                .param(receipt)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1)))
                .single()
                .orElse(null);
    }

    private boolean readable(String sha) {
        try (InputStream in = store.open(sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static List<Path> keyFile(String sha) throws IOException {
        try (Stream<Path> files = Files.walk(DATA.resolve("evidence"))) {
            return files.filter(p -> p.getFileName().toString().equals(sha + ".key"))
                    .toList();
        }
    }

    private static List<String> receipts(Retention.Result result) {
        return result.deletions().stream().map(Retention.Deletion::receipt).toList();
    }
}
