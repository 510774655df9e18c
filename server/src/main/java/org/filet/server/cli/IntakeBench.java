package org.filet.server.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.filet.server.FiletApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Drives {@code POST /api/v1/reports} with concurrent clients, each report carrying 20 messages and 2 accounts, and
 * prints the committed reports per second and the 99th-percentile latency. Without {@code --url} it starts a server on
 * a fresh temporary data directory (embedded PostgreSQL) and stops it afterwards.
 */
final class IntakeBench {

    private final String url;
    private final int clients;
    private final int seconds;

    IntakeBench(String url, int clients, int seconds) {
        this.url = url;
        this.clients = clients;
        this.seconds = seconds;
    }

    void run(PrintStream out) throws Exception {
        ConfigurableApplicationContext server = null;
        Path data = null;
        String base = url;
        if (base == null) {
            data = Files.createTempDirectory("filet-bench-");
            server = new SpringApplication(FiletApplication.class)
                    .run(
                            "--server.port=0",
                            "--filet.data=" + data,
                            "--logging.level.org.filet=WARN",
                            // the throttle runs (its cost is measured) but never refuses the benchmark's own address
                            "--filet.throttle.intake-per-hour-for[127.0.0.1]=1000000000");
            base = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) server).getWebServer().getPort();
        }
        try {
            measure(base.replaceAll("/+$", ""), out);
        } finally {
            if (server != null) {
                server.close();
            }
            if (data != null) {
                deleteTree(data);
            }
        }
    }

    private void measure(String base, PrintStream out) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI endpoint = URI.create(base + "/api/v1/reports");
        runFor(http, endpoint, Math.max(3, seconds / 4), null); // warm-up
        List<long[]> latencies = new ArrayList<>();
        long started = System.nanoTime();
        long count = runFor(http, endpoint, seconds, latencies);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream()
                .flatMapToLong(Arrays::stream)
                .filter(v -> v > 0)
                .sorted()
                .toArray();
        double p99 = all.length == 0
                ? Double.NaN
                : all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] / 1e6;
        double p50 = all.length == 0 ? Double.NaN : all[all.length / 2] / 1e6;
        out.printf("intake.reports_per_s %.0f reports/s%n", count / elapsed);
        out.printf("intake.p99_ms %.1f ms%n", p99);
        out.printf("intake.p50_ms %.1f ms%n", p50);
    }

    /** Runs the clients for the given time; returns the number of 201 answers. Any other answer fails the bench. */
    private long runFor(HttpClient http, URI endpoint, int secs, List<long[]> latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                long seq = 0;
                while (!stop.get()) {
                    byte[] body = report(client, seq++);
                    HttpRequest request = HttpRequest.newBuilder(endpoint)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    long t = System.nanoTime() - t0;
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException(
                                "intake answered " + response.statusCode() + ": " + response.body());
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = t;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        Thread.sleep(secs * 1000L);
        stop.set(true);
        long total = 0;
        for (Future<long[]> f : futures) {
            long[] lat = f.get();
            total += lat.length;
            if (latencies != null) {
                latencies.add(lat);
            }
        }
        pool.shutdown();
        return total;
    }

    static byte[] report(int client, long seq) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("{\"reporter\":{\"role\":\"parent\",\"language\":\"fr\"},\"child\":{\"age\":13,\"country\":\"FR\"},")
                .append("\"platform\":\"Snapchat\",\"suspectAccounts\":[")
                .append("{\"platform\":\"Snapchat\",\"handle\":\"bench_user_")
                .append(client)
                .append('_')
                .append(seq)
                .append("\"},")
                .append("{\"platform\":\"Instagram\",\"handle\":\"bench.insta.")
                .append(seq % 1000)
                .append("\"}],")
                .append("\"description\":\"Rapport de charge ")
                .append(seq)
                .append("\",\"messages\":[");
        for (int i = 0; i < 20; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"at\":\"2026-11-0")
                    .append(1 + i % 9)
                    .append(" 20:")
                    .append(10 + i)
                    .append("\",\"from\":\"")
                    .append(i % 2 == 0 ? "suspect" : "child")
                    .append("\",\"sender\":\"")
                    .append(i % 2 == 0 ? "X" : "Léa")
                    .append("\",\"text\":\"")
                    .append(i % 2 == 0 ? "salut, tu fais quoi ce soir ? message " : "je suis chez moi, message ")
                    .append(i)
                    .append("\"}");
        }
        sb.append("],\"immediateDanger\":false}");
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                p.toFile().setWritable(true);
                p.toFile().delete();
            });
        } catch (Exception e) {
            // best effort: a temporary directory
        }
    }
}
