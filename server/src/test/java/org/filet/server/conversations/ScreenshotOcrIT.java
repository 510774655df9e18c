package org.filet.server.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.filet.server.Multipart;
import org.filet.server.ServerTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A chat screenshot (drawn in the test) is read by OCR: text with bubble sides, marked as OCR, identifiers linked. */
public class ScreenshotOcrIT extends ServerTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Screenshots screenshots;

    @Test
    void screenshotTextIsReadWithItsBubbleSideAndFeedsLinking() throws Exception {
        boolean installed = Ocr.available();
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must install tesseract-ocr, -fra and -eng (see .ci/run)");
        }
        Assumptions.assumeTrue(
                installed, "SKIPPED: OCR needs Debian tesseract-ocr, tesseract-ocr-fra, tesseract-ocr-eng");

        Multipart form = new Multipart()
                .json(
                        "report",
                        "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"country\":\"FR\"},\"description\":\"capture\"}")
                .file("files", "capture.png", "image/png", chatScreenshot());
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports"))
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String receipt = json(created).get("receipt").asString();
        UUID id = jdbc.sql("select id from report where receipt = ?")
                .param(receipt)
                .query(UUID.class)
                .single();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (screenshots.of(id).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        Screenshots.Read read = screenshots.of(id).get(0);
        assertThat(read.text().toLowerCase()).contains("seule").contains("parents");
        var lines = screenshots.lines(read.ocrSha256());
        assertThat(lines)
                .anyMatch(l -> l.get("text").toString().toLowerCase().contains("seule")
                        && l.get("side").equals("left"));
        assertThat(lines)
                .anyMatch(l -> l.get("text").toString().toLowerCase().contains("non merci")
                        && l.get("side").equals("right"));
        assertThat(jdbc.sql("select reason from custody_event where subject = ? and action = 'parsed'")
                        .param("report:" + receipt)
                        .query(String.class)
                        .list())
                .contains("OCR: machine reading of a screenshot");

        Instant linked = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(linked)
                && jdbc.sql("select count(*) from report_identifier where report_id = ? and source = 'ocr'")
                                .param(id)
                                .query(Long.class)
                                .single()
                        == 0) {
            Thread.sleep(200);
        }
        assertThat(jdbc.sql("select key from report_identifier where report_id = ? and source = 'ocr'")
                        .param(id)
                        .query(String.class)
                        .list())
                .contains("PHONE//+33612345678");
    }

    /** A phone screenshot of a chat: grey bubbles on the left, blue on the right, ordinary words. */
    public static byte[] chatScreenshot() throws Exception {
        BufferedImage img = new BufferedImage(900, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 900, 700);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 30));
        bubble(g, 30, 60, "tu es seule chez toi ?", new Color(230, 230, 230), Color.BLACK);
        bubble(g, 560, 180, "non merci", new Color(0, 120, 255), Color.WHITE);
        bubble(g, 30, 300, "appelle-moi au 06 12 34 56 78", new Color(230, 230, 230), Color.BLACK);
        bubble(g, 30, 420, "ne dis rien a tes parents", new Color(230, 230, 230), Color.BLACK);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void bubble(Graphics2D g, int x, int y, String text, Color fill, Color ink) {
        int w = g.getFontMetrics().stringWidth(text) + 40;
        g.setColor(fill);
        g.fillRoundRect(x, y, w, 60, 30, 30);
        g.setColor(ink);
        g.drawString(text, x + 20, y + 41);
    }
}
