package org.filet.server.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.filet.server.Multipart;
import org.filet.server.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14's hostile upload: one anonymous 9 MB zip of 100,000 empty entries. With the default limits the server reads
 * 10,000 entries and keeps 1,000 conversations, says so on the report page and in the parse's findings, and the page
 * stays small and answers four parallel views, in a server process limited to 1 GB of heap.
 */
class BoundedWorkIT {

    static final int ENTRIES = 100_000;

    @TempDir
    Path data;

    @Test
    void aHundredThousandEmptyEntriesStayWithinTheLimitsAndThePageStaysSmall() throws Exception {
        byte[] zip = emptyEntries(ENTRIES);
        assertThat(zip.length).as("about the 9 MB of the issue").isBetween(5_000_000, 12_000_000);
        try (ServerProcess server = ServerProcess.start(data, Map.of(), "1g")) {
            HttpClient http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(30))
                    .build();
            StringBuilder typed = new StringBuilder();
            for (int i = 0; i < 450; i++) {
                typed.append(i == 0 ? "" : ",")
                        .append("{\"sender\":\"x\",\"text\":\"message recopié ")
                        .append(i)
                        .append("\"}");
            }
            Multipart form = new Multipart()
                    .json(
                            "report",
                            "{\"reporter\":{\"role\":\"other\"},\"child\":{\"country\":\"FR\"},"
                                    + "\"description\":\"une archive\",\"messages\":[" + typed + "]}")
                    .file("files", "archive.zip", "application/zip", zip);
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/reports"))
                            .header("Content-Type", form.contentType())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                            .timeout(Duration.ofMinutes(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String receipt = JsonMapper.builder()
                    .build()
                    .readTree(created.body())
                    .get("receipt")
                    .asString();

            AdminCli.Result made = AdminCli.filet(
                    "admin",
                    "create-user",
                    "--data",
                    data.toString(),
                    "--org",
                    "Filet",
                    "--role",
                    "lead",
                    "--email",
                    "bounded@example.org");
            assertThat(made.exit()).as(made.output()).isZero();
            AdminCli.Result token =
                    AdminCli.filet("admin", "token", "--data", data.toString(), "--email", "bounded@example.org");
            assertThat(token.exit()).as(token.output()).isZero();
            String bearer = "Bearer " + token.lastLine();

            String page = null;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (Instant.now().isBefore(deadline)) {
                HttpResponse<String> r = view(http, server, receipt, bearer, 1);
                assertThat(r.statusCode()).isEqualTo(200);
                if (r.body().contains("limit-reached")) {
                    page = r.body();
                    break;
                }
                Thread.sleep(1000);
            }
            assertThat(page).as("the archive was parsed within 5 minutes").isNotNull();

            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<HttpResponse<String>>> views = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                int n = i + 1;
                views.add(pool.submit(() -> view(http, server, receipt, bearer, n)));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<HttpResponse<String>> v : views) {
                HttpResponse<String> r = v.get(120, TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(200);
                bodies.add(r.body());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            pool.shutdown();
            assertThat(server.alive()).as("no OutOfMemoryError under -Xmx1g").isTrue();
            for (String body : bodies) {
                assertThat(body.length())
                        .as("a small page (the issue's weighed 16 MB)")
                        .isLessThan(400_000);
                String plain = body.replaceAll("[\\u00a0\\u202f]", " ").replace("&#39;", "'");
                assertThat(plain)
                        .contains(
                                "Limites en vigueur : 10 000 entrées lues par archive, 1 000 conversations gardées par signalement, 200 messages par page.")
                        .contains("Limite atteinte : 90 000 entrées de l'archive ont été comptées mais pas lues")
                        .contains("Limite atteinte : 9 000 conversations lues n'ont pas été gardées")
                        .contains("l'archive compte 100000 entrées")
                        .contains("les 9000 autres ont été comptées sans être gardées")
                        .doesNotContain("archive refusée")
                        .contains("Le fichier d'origine est conservé intact");
            }
            assertThat(bodies.get(0).replaceAll("[\\u00a0\\u202f]", " "))
                    .contains("Page 1 sur 5 — 1 000 conversation(s)");
            assertThat(bodies.get(1).replaceAll("[\\u00a0\\u202f]", " ")).contains("Page 2 sur 5");
            assertThat(countOf(bodies.get(0), "class=\"timeline\"")).isEqualTo(200);
            assertThat(bodies.get(0))
                    .as("the 450 messages copied by the reporter are paged too")
                    .contains("id=\"typed-pager\"")
                    .contains("message recopié 199<")
                    .doesNotContain("message recopié 200<");
            HttpResponse<String> lastTyped = http.send(
                    HttpRequest.newBuilder(URI.create(server.base() + "/staff/reports/" + receipt + "?typed=3"))
                            .header("Authorization", bearer)
                            .header("Accept-Language", "fr")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(lastTyped.body())
                    .contains("messages 401 à 450 sur 450")
                    .contains("message recopié 449<")
                    .doesNotContain("message recopié 399<");
            System.out.printf(
                    "bounded: zip %d bytes, page %d bytes, four parallel views in %d ms%n",
                    zip.length, bodies.get(0).length(), millis);
            heap(server);

            assertThat(bodies.get(0))
                    .as("the original archive is listed, by its hash, as received")
                    .contains(java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(zip)));
        }
    }

    private static HttpResponse<String> view(
            HttpClient http, ServerProcess server, String receipt, String bearer, int page) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.base() + "/staff/reports/" + receipt + "?page=" + page))
                        .header("Authorization", bearer)
                        .header("Accept-Language", "fr")
                        .timeout(Duration.ofMinutes(2))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int countOf(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** Generated here, never committed: {@code n} empty {@code .txt} entries (each read as an empty chat before). */
    static byte[] emptyEntries(int n) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setMethod(ZipOutputStream.STORED);
            for (int i = 0; i < n; i++) {
                ZipEntry entry = new ZipEntry(String.format("%05d.txt", i));
                entry.setSize(0);
                entry.setCompressedSize(0);
                entry.setCrc(0);
                zip.putNextEntry(entry);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void heap(ServerProcess server) {
        try {
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            String.valueOf(server.pid()),
                            "GC.heap_info")
                    .redirectErrorStream(true)
                    .start();
            System.out.println("bounded: " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.out.println("bounded: no jcmd (" + e.getMessage() + ")");
        }
    }
}
