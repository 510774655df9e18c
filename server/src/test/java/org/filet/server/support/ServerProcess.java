package org.filet.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code filet serve} in a separate JVM, started from the test's own class path, so that a test can kill it without
 * a clean shutdown and start it again on the same data directory.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final List<String> output = new ArrayList<>();

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ServerProcess start(Path data) throws Exception {
        return start(data, java.util.Map.of());
    }

    public static ServerProcess start(Path data, java.util.Map<String, String> environment) throws Exception {
        return start(data, environment, "512m");
    }

    /** As {@link #start(Path, java.util.Map)} with a given maximum heap ({@code -Xmx}), such as {@code 1g}. */
    public static ServerProcess start(Path data, java.util.Map<String, String> environment, String maxHeap)
            throws Exception {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                java,
                "-Xmx" + maxHeap,
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                "org.filet.server.cli.FiletCommand",
                "serve",
                "--port",
                String.valueOf(port),
                "--data",
                data.toString());
        pb.redirectErrorStream(true);
        pb.environment().putAll(environment);
        ServerProcess server = new ServerProcess(pb.start(), port);
        server.awaitStarted();
        return server;
    }

    /** The server's process id (for {@code jcmd}). */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public int port() {
        return port;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized List<String> output() {
        return List.copyOf(output);
    }

    /** SIGKILL: no shutdown hook, no clean close of anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: graceful shutdown, stops the embedded PostgreSQL
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private void awaitStarted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            synchronized (this) {
                                output.add(line);
                            }
                            if (line.startsWith("Filet is running at")) {
                                started.countDown();
                            }
                        }
                    } catch (IOException e) {
                        // the process ended
                    }
                },
                "server-output");
        reader.setDaemon(true);
        reader.start();
        if (!started.await(300, TimeUnit.SECONDS)) { // a loaded machine (CI, shared cores) can take minutes
            process.destroyForcibly();
            throw new IllegalStateException("filet serve did not start:\n" + String.join("\n", output()));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
