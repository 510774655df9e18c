package org.filet.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.filet.server.evidence.S3Settings;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for the tests: S3Proxy (its {@code jar-with-dependencies}, copied to
 * {@code target/s3proxy} by the build) with its file-system back end, in a process of its own on a free port. It can be
 * stopped and started again on the same port and directory (the objects stay).
 */
public final class S3ProxyProcess implements AutoCloseable {

    public static final String IDENTITY = "filet-test-identity";
    public static final String CREDENTIAL = "filet-test-credential";

    private final Path dir;
    private final int port;
    private final List<String> output = new ArrayList<>();
    private Process process;

    private S3ProxyProcess(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts S3Proxy on a free port with its buckets as directories under {@code dir}, and creates {@code buckets}. */
    public static S3ProxyProcess start(Path dir, String... buckets) throws Exception {
        S3ProxyProcess proxy = new S3ProxyProcess(dir, freePort());
        Files.createDirectories(dir.resolve("buckets"));
        Files.writeString(
                dir.resolve("s3proxy.conf"),
                String.join(
                                "\n",
                                "s3proxy.endpoint=http://127.0.0.1:" + proxy.port,
                                "s3proxy.authorization=aws-v2-or-v4",
                                "s3proxy.identity=" + IDENTITY,
                                "s3proxy.credential=" + CREDENTIAL,
                                "jclouds.provider=filesystem",
                                "jclouds.filesystem.basedir=" + dir.resolve("buckets"))
                        + "\n",
                StandardCharsets.UTF_8);
        proxy.startProcess();
        try (S3Client client = proxy.settings("").client()) {
            for (String bucket : buckets) {
                client.createBucket(b -> b.bucket(bucket));
            }
        }
        return proxy;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Where S3Proxy keeps a bucket's objects (one file per object, named by its key). */
    public Path bucketDir(String bucket) {
        return dir.resolve("buckets").resolve(bucket);
    }

    /** The settings that reach this server, for the evidence bucket {@code bucket}. */
    public S3Settings settings(String bucket) {
        return new S3Settings(endpoint(), bucket, "us-east-1", IDENTITY, CREDENTIAL, "");
    }

    /** The environment of a server process that keeps its evidence in {@code bucket} (and heads in {@code heads}). */
    public Map<String, String> environment(String bucket, String headBucket) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "FILET_EVIDENCE_S3_ENDPOINT",
                endpoint(),
                "FILET_EVIDENCE_S3_REGION",
                "us-east-1",
                "FILET_EVIDENCE_S3_ACCESS_KEY",
                IDENTITY,
                "FILET_EVIDENCE_S3_SECRET_KEY",
                CREDENTIAL));
        if (bucket != null) {
            env.put("FILET_EVIDENCE_S3_BUCKET", bucket);
        }
        if (headBucket != null) {
            env.put("FILET_LEDGER_HEAD_LOG_S3_BUCKET", headBucket);
        }
        return env;
    }

    /** Stops the server (SIGTERM); its objects stay on the disk. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts the server again on the same port and directory. */
    public void restart() throws Exception {
        stop();
        startProcess();
    }

    public synchronized List<String> output() {
        return List.copyOf(output);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void startProcess() throws Exception {
        Path jar = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "S3Proxy is not at " + jar + ": the build copies it there (mvn process-test-resources)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                java,
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--properties",
                dir.resolve("s3proxy.conf").toString());
        pb.redirectErrorStream(true);
        process = pb.start();
        CountDownLatch started = new CountDownLatch(1);
        Process p = process;
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            synchronized (this) {
                                output.add(line);
                            }
                            if (line.contains("Started Server@")) {
                                started.countDown();
                            }
                        }
                    } catch (IOException e) {
                        // the process ended
                    }
                },
                "s3proxy-output");
        reader.setDaemon(true);
        reader.start();
        if (!started.await(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("S3Proxy did not start:\n" + String.join("\n", output()));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
