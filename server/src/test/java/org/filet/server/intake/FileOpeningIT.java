package org.filet.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.filet.server.Multipart;
import org.filet.server.ServerTest;
import org.filet.server.TestImages;
import org.filet.server.people.Organisations;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUser;
import org.filet.server.people.StaffUsers;
import org.filet.server.people.Vetted;
import org.filet.server.people.Vetting;
import org.filet.server.support.FiletSettings;
import org.filet.verify.Sha256;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Opening a file needs a reason, is recorded before the bytes leave, and is shown on the report page. */
class FileOpeningIT extends ServerTest {

    @Autowired
    Vetting vetting;

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void openingAFileIsRecordedWithWhoWhenWhyAndPicturesNeverLeave() throws Exception {
        byte[] chat = "[21/11/2026 18:02] Tom: tu es seule chez toi ?\n".getBytes(StandardCharsets.UTF_8);
        byte[] png = TestImages.png(41);
        Multipart form = new Multipart()
                .json("report", "{\"reporter\":{\"role\":\"parent\"},\"description\":\"export\"}")
                .file("files", "_chat.txt", "text/plain", chat)
                .file("files", "capture.png", "image/png", png);
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports"))
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String receipt = json(created).get("receipt").asString();
        StaffUser analyst = users.findByEmail("opener@filet.test")
                .orElseGet(() -> Vetted.vet(
                        vetting,
                        users.create(
                                organisations.receiving(settings.organisation()),
                                "opener@filet.test",
                                "Ouvreuse",
                                Role.ANALYST)));
        String token = users.issueToken(analyst.id());

        HttpResponse<byte[]> noReason = open(receipt, Sha256.hex(chat), token, "");
        assertThat(noReason.statusCode()).isEqualTo(400);
        HttpResponse<byte[]> picture = open(receipt, Sha256.hex(png), token, "vérifier l'image");
        assertThat(picture.statusCode()).isEqualTo(403);

        HttpResponse<byte[]> opened = open(receipt, Sha256.hex(chat), token, "lire l'export avant transmission");
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).isEqualTo(chat);
        assertThat(opened.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(opened.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");

        var events = jdbc.sql(
                        "select actor, reason, inputs[1] from custody_event where subject = ? and action = 'viewed'")
                .param("report:" + receipt)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
                .list();
        assertThat(events).containsExactly(analyst.actor() + "|lire l'export avant transmission|" + Sha256.hex(chat));

        HttpResponse<String> page = get("/staff/reports/" + receipt, "Authorization", "Bearer " + token);
        assertThat(page.body()).contains("lire l&#39;export avant transmission").contains("Ouvreuse");
    }

    private HttpResponse<byte[]> open(String receipt, String sha, String token, String reason) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri("/staff/reports/" + receipt + "/files/" + sha))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
