package org.filet.server.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.filet.server.Multipart;
import org.filet.server.ServerTest;
import org.filet.server.intake.Reports;
import org.filet.server.linking.Search;
import org.filet.server.people.Organisations;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUser;
import org.filet.server.people.StaffUsers;
import org.filet.server.people.Vetted;
import org.filet.server.people.Vetting;
import org.filet.server.support.FiletSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Triage keeps its word: a screenshot's machine reading is scored like every other text (and rescored when it lands
 * after the first score), its words are searchable, the reporter's immediate danger leads the queue whatever the risk,
 * closed reports leave the queue, the staff API is scoped to the organisation, and no page shows a bare decimal.
 */
class TriageIT extends ServerTest {

    /** A bare decimal such as "0,17" or "0.17" (what "URGENT risque 0,17" showed). */
    static final Pattern BARE_DECIMAL = Pattern.compile("(?<![\\w.,])[01][.,]\\d{1,3}(?![\\w.,])");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffUsers users;

    @Autowired
    Vetting vetting;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    Queue queue;

    @Autowired
    TriageView triageView;

    @Autowired
    Search search;

    @Autowired
    Reports reports;

    @Test
    void aScreenshotReadAfterTheFirstScoreMakesTheReportUrgentWithTheOcrReadingAsSource() throws Exception {
        boolean installed = tesseractInstalled();
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must install tesseract-ocr, -fra and -eng (see .ci/run)");
        }
        Assumptions.assumeTrue(
                installed, "SKIPPED: OCR needs Debian tesseract-ocr, tesseract-ocr-fra, tesseract-ocr-eng");

        JsonNode created = json(postJson("/api/v1/reports", """
                {"reporter":{"role":"parent"},"child":{"age":14,"country":"FR"},
                 "description":"Voici une capture de son téléphone, je m'inquiète."}"""));
        String receipt = created.get("receipt").asString();
        UUID id = reports.idOf(receipt).orElseThrow();
        await("first score", () -> queue.triage(id).isPresent());
        assertThat(queue.triage(id).orElseThrow().urgent()).isFalse();

        byte[] png = screenshot();
        Multipart files = new Multipart().file("files", "capture.png", "image/png", png);
        HttpResponse<String> added = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports/" + receipt + "/evidence"))
                        .header("Content-Type", files.contentType())
                        .header("X-Access-Code", created.get("accessCode").asString())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(files.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        await(
                "rescored as urgent from the screenshot",
                () -> queue.triage(id).map(Queue.Triage::urgent).orElse(false));

        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        TriageView.View view = triageView.of(id).orElseThrow();
        assertThat(view.triage().reasons()).contains("meeting-with-time-or-place");
        TriageView.Source source = view.reasons().stream()
                .filter(r -> r.rule().equals("meeting-with-time-or-place"))
                .flatMap(r -> r.sources().stream())
                .filter(TriageView.Source::machineReading)
                .findFirst()
                .orElseThrow();
        assertThat(source.source()).isEqualTo("ocr");
        assertThat(source.file()).isEqualTo(sha);
        assertThat(source.evidence())
                .anyMatch(e -> e.text().toLowerCase().contains("samedi")
                        && e.box() != null
                        && e.box().width() > 0
                        && e.confidence() != null);
        assertThat(view.conversations())
                .anyMatch(c -> c.source().equals("ocr") && c.signals().contains("photo_request"));
        assertThat(view.triage().level()).isIn("low", "medium", "high");

        // the staff API, for the report's organisation only
        UUID org = organisations.receiving(settings.organisation());
        String token = users.issueToken(staff(org, "triage-analyst@filet.test").id());
        HttpResponse<String> api = get("/api/v1/reports/" + receipt + "/triage", "Authorization", "Bearer " + token);
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        JsonNode triage = json(api);
        assertThat(triage.get("urgent").asBoolean()).isTrue();
        assertThat(triage.get("immediateDanger").asBoolean()).isFalse();
        assertThat(triage.get("level").asString()).isIn("low", "medium", "high");
        assertThat(triage.get("risk").isNumber()).isTrue();
        JsonNode ocr = null;
        for (JsonNode reason : triage.get("reasons")) {
            for (JsonNode s : reason.get("sources")) {
                if (reason.get("rule").asString().equals("meeting-with-time-or-place")
                        && s.get("source").asString().equals("ocr")) {
                    ocr = s;
                }
            }
        }
        assertThat(ocr).as(api.body()).isNotNull();
        assertThat(ocr.get("fileSha256").asString()).isEqualTo(sha);
        assertThat(ocr.get("machineReading").asBoolean()).isTrue();
        UUID other = organisations
                .findByName("Autre association triage")
                .map(Organisations.Organisation::id)
                .orElseGet(() -> organisations.create("Autre association triage"));
        String otherToken =
                users.issueToken(staff(other, "triage-other@filet.test").id());
        assertThat(get("/api/v1/reports/" + receipt + "/triage", "Authorization", "Bearer " + otherToken)
                        .statusCode())
                .isEqualTo(404);
        assertThat(json(get("/v3/api-docs")).get("paths").has("/api/v1/reports/{receipt}/triage"))
                .isTrue();

        // the words of the screenshot are searchable, accents ignored
        await(
                "indexed for search",
                () -> search.reports(org, "samedi").stream()
                        .anyMatch(h -> h.receipt().equals(receipt)));
        assertThat(search.reports(org, "séule")).anyMatch(h -> h.receipt().equals(receipt));

        // the page says the signal came from a machine reading, quotes the line and shows no bare decimal
        HttpResponse<String> page =
                get("/staff/reports/" + receipt, "Authorization", "Bearer " + token, "Accept-Language", "fr");
        assertThat(page.statusCode()).isEqualTo(200);
        String section = triageSection(page.body());
        assertThat(section)
                .contains("lue automatiquement (OCR)")
                .contains("samedi")
                .contains(sha.substring(0, 12))
                .contains("id=\"triage-meaning\"")
                .contains("URGENT");
        assertNoBareDecimal(section);
    }

    @Test
    void immediateDangerLeadsTheQueueWhateverItsRiskAndClosedReportsLeaveIt() throws Exception {
        String urgent = submit(
                "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"age\":14,\"country\":\"FR\"},"
                        + "\"description\":\"Voici l'export.\"}",
                AnalysisPipelineIT.WHATSAPP);
        String danger = submit(
                "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"age\":15,\"country\":\"FR\"},"
                        + "\"description\":\"Il n'est pas rentré, je ne le trouve pas.\",\"immediateDanger\":true}",
                null);
        UUID urgentId = reports.idOf(urgent).orElseThrow();
        UUID dangerId = reports.idOf(danger).orElseThrow();
        await(
                "both scored",
                () -> queue.triage(urgentId).isPresent()
                        && queue.triage(dangerId).isPresent());
        assertThat(queue.triage(dangerId).orElseThrow().risk())
                .as("the danger report is low risk by its words")
                .isLessThan(queue.triage(urgentId).orElseThrow().risk());

        UUID org = organisations.receiving(settings.organisation());
        List<Queue.Entry> entries = queue.of(org, 1000);
        int dangerAt = indexOf(entries, danger);
        assertThat(entries.subList(0, dangerAt)).allMatch(Queue.Entry::immediateDanger);
        assertThat(dangerAt).isLessThan(indexOf(entries, urgent));

        String token = users.issueToken(staff(org, "triage-analyst@filet.test").id());
        HttpResponse<String> page = get("/staff/queue", "Authorization", "Bearer " + token, "Accept-Language", "fr");
        List<String> rows = receipts(page.body());
        assertThat(rows.indexOf(danger)).isGreaterThanOrEqualTo(0).isEqualTo(dangerAt);
        assertThat(rows.indexOf(danger)).isLessThan(rows.indexOf(urgent));
        String table = page.body().substring(page.body().indexOf("<table"));
        assertThat(table).contains("reçu").doesNotContain(">received<").doesNotContain(">closed<");
        assertNoBareDecimal(table);

        reports.setStatus(List.of(urgent, danger), "closed");
        await(
                "closed reports leave the queue",
                () -> queue.of(org, 1000).stream()
                        .noneMatch(
                                e -> e.receipt().equals(urgent) || e.receipt().equals(danger)));
        assertThat(queue.left(org, "closed", 1000)).anyMatch(e -> e.receipt().equals(urgent));
        HttpResponse<String> open = get("/staff/queue", "Authorization", "Bearer " + token, "Accept-Language", "fr");
        assertThat(receipts(open.body())).doesNotContain(urgent, danger);
        HttpResponse<String> closed =
                get("/staff/queue?state=closed", "Authorization", "Bearer " + token, "Accept-Language", "fr");
        assertThat(receipts(closed.body())).contains(urgent, danger);
        assertThat(closed.body()).contains(">clos<").doesNotContain(">closed<");
        HttpResponse<String> english =
                get("/staff/queue?state=closed", "Authorization", "Bearer " + token, "Accept-Language", "en");
        assertThat(english.body()).contains(">closed<");
        assertThat(get("/staff/queue?state=nonsense", "Authorization", "Bearer " + token)
                        .statusCode())
                .isEqualTo(400);
    }

    static boolean tesseractInstalled() {
        try {
            Process p = new ProcessBuilder("tesseract", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** A phone screenshot: a proposed meeting with a day and an hour, "come alone", and a request for a photo. */
    static byte[] screenshot() throws Exception {
        BufferedImage img = new BufferedImage(1000, 560, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1000, 560);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 34));
        bubble(g, 30, 50, "on se voit samedi a 15h... viens seule");
        bubble(g, 30, 200, "envoie moi une photo de toi");
        bubble(g, 30, 350, "ne dis rien a tes parents");
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void bubble(Graphics2D g, int x, int y, String text) {
        int w = g.getFontMetrics().stringWidth(text) + 40;
        g.setColor(new Color(230, 230, 230));
        g.fillRoundRect(x, y, w, 70, 30, 30);
        g.setColor(Color.BLACK);
        g.drawString(text, x + 20, y + 47);
    }

    static String triageSection(String html) {
        int start = html.indexOf("<section class=\"triage\" id=\"triage\">");
        assertThat(start).as("the triage section").isGreaterThanOrEqualTo(0);
        return html.substring(start, html.indexOf("</form>", start));
    }

    static void assertNoBareDecimal(String html) {
        String text = html.replaceAll("<[^>]*>", " ");
        Matcher m = BARE_DECIMAL.matcher(text);
        assertThat(m.find())
                .as(
                        "a bare decimal in: %s",
                        m.find(0)
                                ? text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40))
                                : "")
                .isFalse();
    }

    private static List<String> receipts(String html) {
        Matcher m = Pattern.compile("class=\"receipt\" href=\"/staff/reports/([A-Za-z0-9-]+)\"")
                .matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private StaffUser staff(UUID org, String email) {
        return users.findByEmail(email)
                .orElseGet(() -> Vetted.vet(vetting, users.create(org, email, "Analyste tri", Role.ANALYST)));
    }

    private static int indexOf(List<Queue.Entry> entries, String receipt) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).receipt().equals(receipt)) {
                return i;
            }
        }
        throw new AssertionError(receipt + " is not in the queue");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within 120 s: " + what);
    }

    private String submit(String report, String whatsapp) throws Exception {
        Multipart form = new Multipart().json("report", report);
        if (whatsapp != null) {
            form.file(
                    "files",
                    "Discussion WhatsApp avec Max.txt",
                    "text/plain",
                    whatsapp.getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports"))
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("receipt").asString();
    }
}
