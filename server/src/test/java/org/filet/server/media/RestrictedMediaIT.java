package org.filet.server.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
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
import org.filet.server.web.Browser;
import org.filet.verify.Sha256;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pictures: hashed with PDQ and matched across reports; shown only blurred and grey until a person reveals one with a
 * reason, which is recorded before anything is shown; decompression bombs refused and recorded.
 */
class RestrictedMediaIT extends ServerTest {

    static final String PASSWORD = "correct horse battery staple";
    static ChromeDriver browser;

    @Autowired
    Vetting vetting;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start("fr");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void picturesAreMatchedAcrossReportsAndShownOnlyBlurredUntilRevealedWithAReason() throws Exception {
        byte[] png = TestImages.png(51);
        byte[] jpeg = TestImages.jpeg(51); // the same drawing, re-encoded: a near match, not the same bytes
        String first = submit(png, "capture.png");
        String second = submit(jpeg, "capture.jpg");
        UUID secondId = await(second);
        await(first);
        assertThat(jdbc.sql("""
                        select count(*) from media_match m join report r on r.id = m.matched_report_id
                        where m.report_id = ? and r.receipt = ?""").params(secondId, first).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select action from custody_event where subject = ?")
                        .param("report:" + second)
                        .query(String.class)
                        .list())
                .contains("hashed");

        StaffUser analyst = analyst();
        String token = users.issueToken(analyst.id());
        HttpResponse<byte[]> thumb = http.send(
                HttpRequest.newBuilder(uri("/staff/media/" + second + "/" + Sha256.hex(jpeg) + "/thumb"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(thumb.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumb.body()));
        assertThat(Math.max(small.getWidth(), small.getHeight())).isLessThanOrEqualTo(RestrictedImages.THUMB);
        for (int y = 0; y < small.getHeight(); y += 3) {
            for (int x = 0; x < small.getWidth(); x += 3) {
                int rgb = small.getRGB(x, y);
                assertThat((rgb >> 16) & 0xff).isEqualTo(rgb & 0xff).isEqualTo((rgb >> 8) & 0xff);
            }
        }

        HttpResponse<byte[]> early = http.send(
                HttpRequest.newBuilder(uri("/staff/media/" + second + "/" + Sha256.hex(jpeg) + "/revealed"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(early.statusCode()).as("no reveal yet").isEqualTo(403);
        HttpResponse<String> noReason = http.send(
                HttpRequest.newBuilder(uri("/staff/media/" + second + "/" + Sha256.hex(jpeg) + "/reveal"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("reason="))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noReason.statusCode()).isEqualTo(400);

        logIn(analyst);
        browser.get(uri("/staff/reports/" + second).toString());
        assertThat(browser.findElements(By.cssSelector("img.restricted-thumb"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("img.restricted-thumb")).getCssValue("filter"))
                .contains("blur")
                .contains("grayscale");
        assertThat(browser.findElements(By.id("revealed"))).isEmpty();
        assertThat(browser.findElement(By.id("media-matches")).getText()).contains(first);
        browser.findElement(By.cssSelector("form.reveal input[name=reason]"))
                .sendKeys("comparer avec le signalement précédent");
        browser.findElement(By.cssSelector("form.reveal button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.id("revealed")).isEmpty());
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(
                        d -> (Boolean)
                                ((ChromeDriver) d)
                                        .executeScript(
                                                "return document.getElementById('revealed').complete && document.getElementById('revealed').naturalWidth > 0"));
        assertThat(browser.findElement(By.id("reveal-reason")).getText())
                .isEqualTo("comparer avec le signalement précédent");
        assertThat(browser.findElement(By.id("exposure")).getText()).contains("1");

        assertThat(jdbc.sql(
                                "select actor || '|' || reason from custody_event where subject = ? and action = 'viewed' and inputs[1] = ?")
                        .params("report:" + second, Sha256.hex(jpeg))
                        .query(String.class)
                        .list())
                .contains(analyst.actor() + "|restricted picture revealed: comparer avec le signalement précédent");
    }

    @Test
    void aDecompressionBombIsRefusedAndRecordedWithoutTakingTheServerDown() throws Exception {
        byte[] bomb = pngHeader(100_000, 100_000);
        String receipt = submit(bomb, "bombe.png");
        UUID id = await(receipt);
        assertThat(jdbc.sql("select rejected from media_hash where report_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .contains("TooLarge");
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Autowired
    HashListImport lists;

    @Test
    void pictureOnAHashListIsNeverShownButItsCategoryIs() throws Exception {
        byte[] png = TestImages.png(61);
        var pdq = org.filet.pdq.PdqHasher.hash(ImageIO.read(new ByteArrayInputStream(png)))
                .hash()
                .toHex();
        lists.importList(
                new HashListImport.ListInfo("liste-test", "Hotline test", "1", "catégorie-test", 0),
                java.util.List.of(org.filet.pdq.lists.HashListEntry.of(
                        "E-1", org.filet.pdq.lists.HashKind.PDQ, pdq, "catégorie-test")),
                "test");
        byte[] other = TestImages.jpeg(62);
        lists.importList(
                new HashListImport.ListInfo("liste-sha", "Hotline test", "1", "catégorie-exacte", 2),
                java.util.List.of(org.filet.pdq.lists.HashListEntry.of(
                        "E-2", org.filet.pdq.lists.HashKind.SHA256, Sha256.hex(other), "catégorie-exacte")),
                "test");
        String receipt = submit(png, "photo.png");
        UUID id = await(receipt);
        String exact = submit(other, "photo.jpg");
        UUID exactId = await(exact);
        assertThat(jdbc.sql("select category || '|' || distance from media_list_match where report_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("catégorie-test|0");
        assertThat(jdbc.sql("select category from media_list_match where report_id = ?")
                        .param(exactId)
                        .query(String.class)
                        .list())
                .containsExactly("catégorie-exacte");

        String token = users.issueToken(analyst().id());
        HttpResponse<byte[]> thumb = http.send(
                HttpRequest.newBuilder(uri("/staff/media/" + receipt + "/" + Sha256.hex(png) + "/thumb"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(thumb.statusCode()).isEqualTo(403);
        HttpResponse<String> page = get("/staff/reports/" + receipt, "Authorization", "Bearer " + token);
        assertThat(page.body())
                .contains("catégorie-test")
                .contains("liste non vérifiée")
                .doesNotContain("restricted-thumb");
    }

    /** A PNG that declares {@code w × h} pixels in its header and holds nothing else. */
    static byte[] pngHeader(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(w)
                .putInt(h)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private UUID await(String receipt) throws InterruptedException {
        UUID id = jdbc.sql("select id from report where receipt = ?")
                .param(receipt)
                .query(UUID.class)
                .single();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (jdbc.sql("select count(*) from media_hash where report_id = ?")
                            .param(id)
                            .query(Long.class)
                            .single()
                    > 0) {
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("pictures of " + receipt + " were not hashed within 60 s");
    }

    private String submit(byte[] image, String name) throws Exception {
        Multipart form = new Multipart()
                .json("report", "{\"reporter\":{\"role\":\"parent\"},\"description\":\"capture reçue\"}")
                .file("files", name, "application/octet-stream", image);
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports"))
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("receipt").asString();
    }

    private StaffUser analyst() {
        String email = "media-analyst@filet.test";
        return users.findByEmail(email).orElseGet(() -> {
            StaffUser user = Vetted.vet(
                    vetting,
                    users.create(
                            organisations.receiving(settings.organisation()), email, "Analyste images", Role.ANALYST));
            users.setPassword(user.id(), PASSWORD);
            return user;
        });
    }

    private void logIn(StaffUser user) {
        Browser.logIn(browser, uri("").toString(), user.email(), PASSWORD, "/staff/queue");
    }
}
