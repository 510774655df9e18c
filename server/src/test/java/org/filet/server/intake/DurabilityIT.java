package org.filet.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.filet.server.Multipart;
import org.filet.server.TestImages;
import org.filet.server.support.DatabaseSuperuser;
import org.filet.server.support.ServerProcess;
import org.filet.verify.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An acknowledged report survives the server being killed (SIGKILL) right after the 201. */
class DurabilityIT {

    @TempDir
    Path data;

    @Test
    void reportAndFilesSurviveKillMinus9RightAfter201() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();
        byte[] png = TestImages.png(7);
        byte[] jpeg = TestImages.jpeg(8);
        String receipt;
        String code;
        try (ServerProcess server = ServerProcess.start(data)) {
            Multipart form = new Multipart()
                    .json("report", IntakeApiIT.REPORT)
                    .file("files", "a.png", "image/png", png)
                    .file("files", "b.jpg", "image/jpeg", jpeg);
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/reports"))
                            .header("Content-Type", form.contentType())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            server.kill();
            assertThat(created.statusCode()).isEqualTo(201);
            JsonNode body = json.readTree(created.body());
            receipt = body.get("receipt").asString();
            code = body.get("accessCode").asString();
        }

        try (ServerProcess server = ServerProcess.start(data)) {
            HttpResponse<String> status = http.send(
                    HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/reports/" + receipt))
                            .header("X-Access-Code", code)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(json.readTree(status.body()).get("files").asInt()).isEqualTo(2);

            List<String> hashes = new ArrayList<>();
            try (Connection c = DatabaseSuperuser.connectAsApplication(data);
                    var ps =
                            c.prepareStatement("select f.sha256 from report_file f join report r on r.id = f.report_id "
                                    + "where r.receipt = ? order by f.position")) {
                ps.setString(1, receipt);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hashes.add(rs.getString(1));
                    }
                }
            }
            assertThat(hashes).containsExactly(Sha256.hex(png), Sha256.hex(jpeg));
            var store = org.filet.server.evidence.EvidenceStores.local(data);
            for (String hash : hashes) {
                try (var in = store.open(hash)) { // decrypts and checks the hash as it reads
                    assertThat(Sha256.hex(in.readAllBytes())).isEqualTo(hash);
                }
            }
        }
    }
}
