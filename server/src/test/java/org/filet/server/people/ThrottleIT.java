package org.filet.server.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.filet.server.ServerTest;
import org.filet.server.support.FiletSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Logins, access codes, intake and uploads meet their limits, with the real limits: each test speaks from an address of
 * its own, given through the trusted proxy's {@code X-Forwarded-For} (the tests' 127.0.0.1 has a wide intake limit).
 */
class ThrottleIT extends ServerTest {

    private static final AtomicInteger NEXT = new AtomicInteger(1);
    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    JdbcClient jdbc;

    /** An address no other test uses (the trusted proxy's entry is the last one; the first is the client's claim). */
    private static String address() {
        int n = NEXT.getAndIncrement();
        return "203.0.113.9, 198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    @Test
    void theEleventhWrongPasswordInAMinuteIsRefusedAndSoIsTheRightOneUntilTheLockExpires() throws Exception {
        String email = "throttle-" + UUID.randomUUID() + "@filet.test";
        StaffUser user =
                users.create(organisations.receiving(settings.organisation()), email, "Throttled", Role.ANALYST);
        users.setPassword(user.id(), PASSWORD);
        int before = SMTP.getReceivedMessages().length;
        String from = address();
        for (int i = 1; i <= 10; i++) {
            HttpResponse<String> wrong = login(email, "wrong password " + i, from);
            assertThat(wrong.statusCode()).as("wrong password %d", i).isEqualTo(302);
            assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }
        HttpResponse<String> eleventh = login(email, "wrong password 11", from);
        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.body()).contains("Trop de tentatives");
        HttpResponse<String> right = login(email, PASSWORD, from);
        assertThat(right.statusCode()).as("the right password while locked").isEqualTo(429);
        assertThat(Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 900L);
        HttpResponse<String> elsewhere = login(email, PASSWORD, address());
        assertThat(elsewhere.statusCode())
                .as("the account is locked from every address")
                .isEqualTo(429);
        assertThat(SMTP.getReceivedMessages().length)
                .as("the user is told by e-mail")
                .isGreaterThan(before);
        assertThat(java.util.Arrays.stream(SMTP.getReceivedMessages()).anyMatch(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(email)
                                && m.getSubject().contains("bloquée");
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }))
                .isTrue();

        // once the lock expires (here: the bucket is given back its tokens, as time would), the right password works
        jdbc.sql("delete from throttle_bucket where id like 'login_account:%'").update();
        HttpResponse<String> later = login(email, PASSWORD, from);
        assertThat(later.statusCode()).isEqualTo(302);
        assertThat(later.headers().firstValue("Location").orElseThrow())
                .as("the password step passes; the second factor comes next")
                .endsWith("/login/factor");
    }

    @Test
    void theTwentyFirstWrongAccessCodeForOneReceiptIsRefusedWithRetryAfter() throws Exception {
        Created report = report(false, address());
        for (int i = 1; i <= 20; i++) {
            HttpResponse<String> wrong = status(report.receipt(), "WRONG-" + i, address());
            assertThat(wrong.statusCode())
                    .as("wrong code %d (from another address each time)", i)
                    .isEqualTo(404);
        }
        HttpResponse<String> refused = status(report.receipt(), "WRONG-21", address());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isPositive();
        assertThat(json(refused).get("type").asString()).endsWith("/too-many-attempts");
        assertThat(status(report.receipt(), report.accessCode(), address()).statusCode())
                .as("the receipt is locked, even with its right code")
                .isEqualTo(429);
        Created other = report(false, address());
        assertThat(status(other.receipt(), other.accessCode(), address()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theHtmlStatusFormRefusesTheTwentyFirstWrongCodeInFrenchAndEnglish() throws Exception {
        Created report = report(false, address());
        String from = address();
        for (int i = 1; i <= 20; i++) {
            assertThat(statusForm(report.receipt(), "WRONG-" + i, from, "fr").statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> fr = statusForm(report.receipt(), "WRONG-21", from, "fr");
        assertThat(fr.statusCode()).isEqualTo(429);
        assertThat(fr.headers().firstValue("Retry-After")).isPresent();
        assertThat(fr.body()).contains("Trop de codes erronés");
        HttpResponse<String> en = statusForm(report.receipt(), report.accessCode(), address(), "en");
        assertThat(en.statusCode()).isEqualTo(429);
        assertThat(en.body()).contains("Too many wrong codes");
    }

    @Test
    void intakeOverItsBurstIsRefusedButAnImmediateDangerIsKeptAndFlagged() throws Exception {
        String from = address();
        int accepted = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            HttpResponse<String> r = send(body(false), from);
            if (r.statusCode() == 201) {
                accepted++;
            } else {
                refused = r;
            }
        }
        assertThat(accepted)
                .as("the burst allowance (a token comes back every minute)")
                .isBetween(20, 22);
        assertThat(refused).isNotNull();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(refused).get("type").asString()).endsWith("/too-many-reports");

        HttpResponse<String> danger = send(body(true), from);
        assertThat(danger.statusCode())
                .as("an immediate danger is never refused")
                .isEqualTo(201);
        String receipt = json(danger).get("receipt").asString();
        assertThat(jdbc.sql("select count(*) from report where receipt = ? and immediate_danger")
                        .param(receipt)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from intake_over_limit where receipt = ?")
                        .param(receipt)
                        .query(Integer.class)
                        .single())
                .as("flagged")
                .isEqualTo(1);

        // the form keeps what the parent typed and says when to retry
        HttpResponse<String> page = get("/", "X-Forwarded-For", from, "Accept-Language", "fr");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String cookie = page.headers()
                .firstValue("Set-Cookie")
                .map(c -> c.split(";", 2)[0])
                .orElseThrow();
        HttpResponse<String> kept = http.send(
                HttpRequest.newBuilder(uri("/report"))
                        .header("X-Forwarded-For", from)
                        .header("Accept-Language", "fr")
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
                                        + "&reporterRole=parent&immediateDanger=no&childAge=12&childCountry=FR&description="
                                        + URLEncoder.encode("Il insiste pour une photo", StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(kept.statusCode()).isEqualTo(429);
        assertThat(kept.body()).contains("Trop de signalements").contains("Il insiste pour une photo");
    }

    @Test
    void anUploadWithAWrongAccessCodeIsRefusedBeforeItsBodyIsRead() throws Exception {
        Created report = report(false, address());
        long declared = 200L * 1024 * 1024;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String boundary = "b" + UUID.randomUUID();
            out.write(("POST /api/v1/reports/" + report.receipt() + "/evidence HTTP/1.1\r\n"
                            + "Host: 127.0.0.1\r\nX-Forwarded-For: " + address() + "\r\nX-Access-Code: WRONG-CODE\r\n"
                            + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                            + "Content-Length: " + declared + "\r\n\r\n"
                            + "--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.bin\"\r\n"
                            + "Content-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]); // a sliver of the 200 MB announced; the rest is never sent
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).as("answered while 200 MB are still to come").isEqualTo("HTTP/1.1 404");
        }
        // and the right code still goes through the gate to the controller
        HttpResponse<String> added = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports/" + report.receipt() + "/evidence"))
                        .header("X-Forwarded-For", address())
                        .header("X-Access-Code", report.accessCode())
                        .header("Content-Type", new org.filet.server.Multipart().contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).as("past the gate (no file sent: 400)").isIn(400, 415);
    }

    private record Created(String receipt, String accessCode) {}

    private Created report(boolean danger, String from) throws Exception {
        HttpResponse<String> r = send(body(danger), from);
        assertThat(r.statusCode()).isEqualTo(201);
        return new Created(
                json(r).get("receipt").asString(), json(r).get("accessCode").asString());
    }

    private static String body(boolean danger) {
        return "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"age\":12,\"country\":\"FR\"},\"description\":\"il insiste\","
                + "\"immediateDanger\":" + danger + "}";
    }

    private HttpResponse<String> send(String json, String from) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", from)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> status(String receipt, String code, String from) throws Exception {
        return get("/api/v1/reports/" + receipt, "X-Access-Code", code, "X-Forwarded-For", from);
    }

    private HttpResponse<String> statusForm(String receipt, String code, String from, String language)
            throws Exception {
        HttpResponse<String> page = get("/status", "X-Forwarded-For", from, "Accept-Language", language);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String cookie = page.headers()
                .firstValue("Set-Cookie")
                .map(c -> c.split(";", 2)[0])
                .orElseThrow();
        return http.send(
                HttpRequest.newBuilder(uri("/status"))
                        .header("X-Forwarded-For", from)
                        .header("Accept-Language", language)
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&receipt="
                                        + receipt + "&accessCode=" + URLEncoder.encode(code, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String email, String password, String from) throws Exception {
        HttpResponse<String> page = get("/login", "X-Forwarded-For", from);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String cookie = page.headers()
                .firstValue("Set-Cookie")
                .map(c -> c.split(";", 2)[0])
                .orElseThrow();
        return http.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("X-Forwarded-For", from)
                        .header("Cookie", cookie)
                        .header("Accept-Language", "fr")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
                                        + "&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
