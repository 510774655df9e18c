package org.filet.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.filet.server.Multipart;
import org.filet.server.ServerTest;
import org.filet.server.TestImages;
import org.filet.server.people.Organisations;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUser;
import org.filet.server.people.StaffUsers;
import org.filet.server.support.DatabaseSuperuser;
import org.filet.server.support.FiletSettings;
import org.filet.verify.PackageVerifier;
import org.filet.verify.VerificationReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sealed package of a report, produced by the running server, checked by the offline verifier and by the usual tools. */
class EvidencePackageIT extends ServerTest {

    static final String REPORT = """
            {"reporter":{"role":"parent","language":"fr"},"child":{"age":13,"country":"FR"},"platform":"Instagram",
             "suspectAccounts":[{"platform":"Instagram","handle":"tom.s_09"}],
             "messages":[{"at":"2026-11-21 18:02","from":"suspect","sender":"Tom","text":"tu es seule chez toi ?"}],
             "description":"Un compte inconnu écrit à mon fils."}""";

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerCheck ledgerCheck;

    @TempDir
    Path dir;

    @Test
    void packageVerifiesOfflineAndWithSha256sumAndOpensslAndAnyFlippedByteFailsIt() throws Exception {
        String receipt = report(TestImages.png(21), TestImages.jpeg(22));
        Path zip = download(
                receipt, token(staff("package-analyst@filet.test", organisations.receiving(settings.organisation()))));

        VerificationReport report = PackageVerifier.verify(zip);
        assertThat(report.valid()).as(report.toString()).isTrue();

        Path unzipped = unzip(zip);
        assertThat(unzipped.resolve("manifest.json")).exists();
        assertThat(unzipped.resolve("report.pdf")).exists();
        assertThat(unzipped.resolve("case.jsonld")).exists();
        assertThat(Files.readString(unzipped.resolve("custody.jsonl")))
                .contains("\"received\"")
                .contains("\"exported\"")
                .contains("\"parsed\"")
                .contains("report:" + receipt);
        assertThat(unzipped.resolve("timestamp.tsr"))
                .as("stamped by the configured TSA")
                .exists();

        Result sums = run(unzipped, "sha256sum", "-c", "SHA256SUMS");
        if (sums != null) {
            assertThat(sums.exit()).as(sums.output()).isZero();
        }
        Path ca = TSA.certificate(dir);
        Result ts = run(
                unzipped,
                "openssl",
                "ts",
                "-verify",
                "-in",
                "timestamp.tsr",
                "-data",
                "sth.json",
                "-CAfile",
                ca.toString());
        if (ts != null) {
            assertThat(ts.output()).contains("Verification: OK");
        }

        // flipping one byte of any file inside the package makes it invalid, and the verifier names that file
        List<String> names = new ArrayList<>();
        try (var zipFile = new java.util.zip.ZipFile(zip.toFile())) {
            zipFile.stream().filter(e -> !e.isDirectory()).forEach(e -> names.add(e.getName()));
        }
        order = names;
        assertThat(names).contains("manifest.json", "custody.jsonl", "sth.json", "public-key.pem", "SHA256SUMS");
        VerificationReport unchanged = PackageVerifier.verify(rezip(unzipped, "", null));
        assertThat(unchanged.valid())
                .as("re-zipped unchanged: %s", unchanged.findings())
                .isTrue();
        for (String name : names) {
            byte[] content = Files.readAllBytes(unzipped.resolve(name));
            if (content.length == 0) {
                continue;
            }
            content[content.length / 3] ^= 0x01;
            Path bad = rezip(unzipped, name, content);
            VerificationReport r = PackageVerifier.verify(bad);
            assertThat(r.valid()).as("a byte of %s flipped", name).isFalse();
        }
    }

    private List<String> order;

    /** The package re-zipped in its original entry order, with one file's content replaced. */
    private Path rezip(Path unzipped, String replaced, byte[] content) throws IOException {
        Path out = dir.resolve("tampered-" + replaced.replace('/', '_') + ".zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(out))) {
            for (String name : order) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.equals(replaced) ? content : Files.readAllBytes(unzipped.resolve(name)));
                zip.closeEntry();
            }
        }
        return out;
    }

    @Test
    void anotherOrganisationCannotDownloadThePackage() throws Exception {
        String receipt = report(TestImages.png(23));
        UUID other = organisations
                .findByName("Autre association")
                .map(Organisations.Organisation::id)
                .orElseGet(() -> organisations.create("Autre association"));
        String token = token(staff("outsider@filet.test", other));
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports/" + receipt + "/package"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(404);
        HttpResponse<byte[]> anonymous = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports/" + receipt + "/package"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).isIn(302, 401, 403);
    }

    @Test
    void ledgerCheckFindsAnEditedCustodyRowAndAnAlteredBlob() throws Exception {
        String receipt = report(TestImages.png(24));
        download(receipt, token(staff("package-analyst@filet.test", organisations.receiving(settings.organisation()))));
        LedgerCheck.Result clean = ledgerCheck.run(ledgerCheck.publicKey());
        assertThat(clean.problems()).isEmpty();
        assertThat(clean.leaves()).isPositive();
        assertThat(clean.heads()).isPositive();

        long eventId = jdbc.sql("select id from custody_event where subject = ? and action = 'received'")
                .param("report:" + receipt)
                .query(Long.class)
                .single();
        String actor = jdbc.sql("select actor from custody_event where id = ?")
                .param(eventId)
                .query(String.class)
                .single();
        // a privileged hand (the database superuser; the server's own role cannot do this)
        try (java.sql.Connection superuser = DatabaseSuperuser.connect(DATA)) {
            JdbcClient privileged = JdbcClient.create(
                    new org.springframework.jdbc.datasource.SingleConnectionDataSource(superuser, true));
            privileged
                    .sql("alter table custody_event disable trigger custody_event_append_only")
                    .update();
            try {
                privileged
                        .sql("update custody_event set actor = 'user:someone-else' where id = ?")
                        .param(eventId)
                        .update();
                LedgerCheck.Result edited = ledgerCheck.run(ledgerCheck.publicKey());
                assertThat(edited.problems()).anyMatch(p -> p.contains("(id " + eventId + ") no longer matches"));
            } finally {
                privileged
                        .sql("update custody_event set actor = ? where id = ?")
                        .params(actor, eventId)
                        .update();
                privileged
                        .sql("alter table custody_event enable trigger custody_event_append_only")
                        .update();
            }
        }

        String sha = jdbc.sql(
                        "select f.sha256 from report_file f join report r on r.id = f.report_id where r.receipt = ?")
                .param(receipt)
                .query(String.class)
                .single();
        Path blob = DATA.resolve("evidence")
                .resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4))
                .resolve(sha);
        byte[] original = Files.readAllBytes(blob);
        byte[] altered = original.clone();
        altered[altered.length / 2] ^= 1;
        blob.toFile().setWritable(true);
        Files.write(blob, altered);
        try {
            LedgerCheck.Result damaged = ledgerCheck.run(ledgerCheck.publicKey());
            assertThat(damaged.problems()).anyMatch(p -> p.startsWith("object " + sha));
        } finally {
            Files.write(blob, original);
        }
        assertThat(ledgerCheck.run(ledgerCheck.publicKey()).problems()).isEmpty();
    }

    @Test
    void updatingOrDeletingCustodyRowsIsRefusedByTheDatabase() throws Exception {
        String receipt = report();
        assertThat(ledgerCheck).isNotNull();
        jdbc.sql("select 1").query(Integer.class).single();
        // the server's own role is refused by its privileges; even the superuser is refused by the triggers
        try (java.sql.Connection superuser = DatabaseSuperuser.connect(DATA)) {
            JdbcClient privileged = JdbcClient.create(
                    new org.springframework.jdbc.datasource.SingleConnectionDataSource(superuser, true));
            for (JdbcClient client : List.of(jdbc, privileged)) {
                String refusal = client == jdbc ? "permission denied" : "append-only";
                org.assertj.core.api.Assertions.assertThatThrownBy(
                                () -> client.sql("delete from custody_event where subject = ?")
                                        .param("report:" + receipt)
                                        .update())
                        .hasStackTraceContaining(refusal);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.sql(
                                        "update custody_event set actor = 'x' where id = (select min(id) from custody_event)")
                                .update())
                        .hasStackTraceContaining(refusal);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.sql(
                                        "delete from ledger_head where tree_size = (select max(tree_size) from ledger_head)")
                                .update())
                        .hasStackTraceContaining(refusal);
            }
        }
    }

    @Test
    void publicKeyIsServedAtAWellKnownAddress() throws Exception {
        HttpResponse<String> key = get("/.well-known/filet/ledger-key.pem");
        assertThat(key.statusCode()).isEqualTo(200);
        assertThat(key.body()).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    private String report(byte[]... images) throws Exception {
        Multipart form = new Multipart().json("report", REPORT);
        for (int i = 0; i < images.length; i++) {
            form.file(
                    "files",
                    "image-" + i + (images[i][0] == (byte) 0x89 ? ".png" : ".jpg"),
                    "application/octet-stream",
                    images[i]);
        }
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports"))
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("receipt").asString();
    }

    private StaffUser staff(String email, UUID organisation) {
        return users.findByEmail(email).orElseGet(() -> users.create(organisation, email, email, Role.ANALYST));
    }

    private String token(StaffUser user) {
        return users.issueToken(user.id());
    }

    private Path download(String receipt, String token) throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports/" + receipt + "/package"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        return Files.write(dir.resolve(receipt + ".zip"), response.body());
    }

    private Path unzip(Path zip) throws IOException {
        Path out = Files.createDirectories(dir.resolve("unzipped-" + zip.getFileName()));
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                Path target = out.resolve(e.getName()).normalize();
                assertThat(target.startsWith(out)).isTrue();
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        return out;
    }

    record Result(int exit, String output) {}

    /** Runs a system tool in {@code dir}; null (and the test says so) when the tool is not installed. */
    private static Result run(Path dir, String... command) throws Exception {
        Result which = exec(dir, "sh", "-c", "command -v " + command[0]);
        if (which.exit() != 0) {
            System.out.println("SKIPPED: " + command[0] + " is not installed; that cross-check did not run");
            Assumptions.assumeTrue(!"true".equals(System.getenv("CI")), command[0] + " must be installed in CI");
            return null;
        }
        return exec(dir, command);
    }

    private static Result exec(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes());
        }
        p.waitFor(60, TimeUnit.SECONDS);
        return new Result(p.exitValue(), out);
    }
}
