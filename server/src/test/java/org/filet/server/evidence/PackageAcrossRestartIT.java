package org.filet.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.filet.server.Multipart;
import org.filet.server.TestImages;
import org.filet.server.cli.FiletCommand;
import org.filet.server.support.DatabaseSuperuser;
import org.filet.server.support.ServerProcess;
import org.filet.verify.PackageVerifier;
import org.filet.verify.Sha256;
import org.filet.verify.VerificationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/** Packages made before and after a restart and a master-key rotation all verify, with the same ledger key. */
class PackageAcrossRestartIT {

    @TempDir
    Path data;

    @TempDir
    Path out;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void packagesSurviveARestartAndAMasterKeyRotation() throws Exception {
        String receipt;
        String token;
        Path first;
        try (ServerProcess server = ServerProcess.start(data)) {
            Multipart form = new Multipart()
                    .json("report", "{\"reporter\":{\"role\":\"parent\"},\"description\":\"redémarrage et rotation\"}")
                    .file("files", "capture.png", "image/png", TestImages.png(31));
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/reports"))
                            .header("Content-Type", form.contentType())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            receipt = JsonMapper.builder()
                    .build()
                    .readTree(created.body())
                    .get("receipt")
                    .asString();
            token = createAnalystToken(data);
            first = download(server, receipt, token, "before.zip");
        }

        int exit = new CommandLine(new FiletCommand()).execute("keys", "rotate", "--data", data.toString());
        assertThat(exit).isZero();

        try (ServerProcess server = ServerProcess.start(data)) {
            Path second = download(server, receipt, token, "after.zip");
            VerificationReport before = PackageVerifier.verify(first);
            VerificationReport after = PackageVerifier.verify(second);
            assertThat(before.valid()).as(before.findings().toString()).isTrue();
            assertThat(after.valid()).as(after.findings().toString()).isTrue();
            assertThat(after.facts().get("key_sha256"))
                    .isNotNull()
                    .isEqualTo(before.facts().get("key_sha256"));
            assertThat((Long) after.facts().get("tree_size"))
                    .isGreaterThan((Long) before.facts().get("tree_size"));
        }
    }

    /** An analyst and an API token written straight into the running server's database (the token's hash only). */
    private static String createAnalystToken(Path data) throws Exception {
        String token = "filet_" + UUID.randomUUID().toString().replace("-", "") + "abcdefgh";
        try (Connection c = DatabaseSuperuser.connectAsApplication(data)) {
            UUID org;
            try (PreparedStatement ps =
                            c.prepareStatement("select id from organisation where receives_public_reports");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                org = rs.getObject(1, UUID.class);
            }
            UUID user = UUID.randomUUID();
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into staff_user (id, organisation, email, display_name, role) values (?, ?, ?, ?, 'analyst')")) {
                ps.setObject(1, user);
                ps.setObject(2, org);
                ps.setString(3, "restart@filet.test");
                ps.setString(4, "Restart");
                ps.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("insert into api_token (token_hash, user_id) values (?, ?)")) {
                ps.setString(1, Sha256.hex(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                ps.setObject(2, user);
                ps.executeUpdate();
            }
        }
        return token;
    }

    private Path download(ServerProcess server, String receipt, String token, String name) throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/reports/" + receipt + "/package"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        return Files.write(out.resolve(name), response.body());
    }
}
