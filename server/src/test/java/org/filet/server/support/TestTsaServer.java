package org.filet.server.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.filet.seal.testing.InsecureTestTsa;

/** An RFC 3161 time-stamping authority over HTTP on 127.0.0.1, for tests only (never an outside service). */
public final class TestTsaServer implements AutoCloseable {

    private final HttpServer server;
    private final InsecureTestTsa tsa = InsecureTestTsa.create(Instant.now().minusSeconds(3600));

    private TestTsaServer(HttpServer server) {
        this.server = server;
    }

    public static TestTsaServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        TestTsaServer tsa = new TestTsaServer(http);
        http.createContext("/tsa", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] reply = tsa.tsa.respond(in.readAllBytes(), Instant.now());
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, reply.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply);
                }
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        http.start();
        return tsa;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    /** The TSA certificate, for {@code openssl ts -verify -CAfile}. */
    public Path certificate(Path dir) throws IOException {
        return Files.writeString(dir.resolve("tsa.pem"), tsa.certificatePem(), StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
