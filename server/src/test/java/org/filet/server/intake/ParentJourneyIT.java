package org.filet.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.filet.server.Multipart;
import org.filet.server.ServerTest;
import org.filet.server.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public form as a parent's browser sends it: a file over the limit keeps everything typed, each suspect account
 * keeps its own platform, files are added later from the status page, and each status is explained in plain words.
 */
class ParentJourneyIT extends ServerTest {

    @Autowired
    JdbcClient jdbc;

    private String cookie;
    private String csrf;

    private void openForm() throws Exception {
        HttpResponse<String> page = get("/", "Accept-Language", "fr");
        assertThat(page.body())
                .contains("id=\"files-limit\"")
                .contains("2 Mo au plus")
                .contains("href=\"/privacy\"");
        assertThat(page.body()).as("no empty emergency box").doesNotContain("class=\"emergency\"");
        assertThat(page.body().split("<header", -1))
                .as("one header, the public one")
                .hasSize(2);
        assertThat(page.body()).doesNotContain("/logout");
        cookie = page.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        csrf = m.group(1);
    }

    private Multipart field(Multipart form, String name, String value) {
        return form.file(name, null, "text/plain", value.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, Multipart form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Cookie", cookie)
                        .header("Accept-Language", "fr")
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anOversizedFileKeepsEverythingTypedAndSaysWhatToDo() throws Exception {
        openForm();
        byte[] big = new byte[3 * 1024 * 1024];
        System.arraycopy(TestImages.png(3), 0, big, 0, 100);
        Multipart form = field(new Multipart(), "_csrf", csrf);
        field(form, "reporterRole", "parent");
        field(form, "description", "Il lui a demandé de passer sur une autre application.");
        field(form, "accounts[0].handle", "max.93.off");
        form.file("files", "video.png", "image/png", big);
        HttpResponse<String> page = post("/report", form);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"files-lost\"")
                .contains("Il lui a demand")
                .contains("de passer sur une autre application.")
                .contains("value=\"max.93.off\"");
        assertThat(jdbc.sql("select count(*) from report where description like 'Il lui a demandé de passer%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void eachAccountKeepsItsPlatformAndFilesAreAddedFromTheStatusPage() throws Exception {
        openForm();
        Multipart form = field(new Multipart(), "_csrf", csrf);
        field(form, "reporterRole", "parent");
        field(form, "description", "Deux comptes de la même personne.");
        field(form, "accounts[0].platform", "Instagram");
        field(form, "accounts[0].handle", "max.93.off");
        field(form, "accounts[1].platform", "WhatsApp");
        field(form, "accounts[1].handle", "max93contact");
        HttpResponse<String> sent = post("/report", form);
        assertThat(sent.statusCode()).isEqualTo(302);
        HttpResponse<String> received = http.send(
                HttpRequest.newBuilder(uri("/report/received"))
                        .header("Cookie", cookie)
                        .header("Accept-Language", "fr")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(received.body())
                .contains("Vous avez bien fait de signaler")
                .contains("n&#39;est pas une plainte")
                .contains("pre-plainte-en-ligne.gouv.fr");
        String receipt = between(received.body(), "id=\"receipt\">", "<");
        String code = between(received.body(), "id=\"access-code\">", "<");
        assertThat(jdbc.sql(
                                "select a.platform || ':' || a.handle from report_account a join report r on r.id = a.report_id "
                                        + "where r.receipt = ? order by a.position")
                        .param(receipt)
                        .query(String.class)
                        .list())
                .containsExactly("Instagram:max.93.off", "WhatsApp:max93contact");

        Multipart files = field(new Multipart(), "_csrf", csrf);
        field(files, "receipt", receipt);
        field(files, "accessCode", code);
        files.file("files", "capture.png", "image/png", TestImages.png(12));
        HttpResponse<String> status = post("/status/files", files);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body())
                .contains("id=\"files-added\"")
                .contains("id=\"status-explained\"")
                .contains("attend d&#39;être lu")
                .doesNotContain("class=\"emergency\"");
        assertThat(jdbc.sql(
                                "select count(*) from report_file f join report r on r.id = f.report_id where r.receipt = ?")
                        .param(receipt)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        Multipart wrong = field(new Multipart(), "_csrf", csrf);
        field(wrong, "receipt", receipt);
        field(wrong, "accessCode", "WRONG-CODE");
        wrong.file("files", "autre.png", "image/png", TestImages.png(13));
        assertThat(post("/status/files", wrong).body()).contains("Aucun signalement ne correspond");
        assertThat(jdbc.sql(
                                "select count(*) from report_file f join report r on r.id = f.report_id where r.receipt = ?")
                        .param(receipt)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(get("/privacy", "Accept-Language", "fr").body())
                .contains("Vos droits")
                .contains("CNIL");
        assertThat(get("/legal", "Accept-Language", "en").body()).contains("not an emergency service");
    }

    private static String between(String text, String start, String end) {
        int i = text.indexOf(start) + start.length();
        return text.substring(i, text.indexOf(end, i)).trim();
    }
}
