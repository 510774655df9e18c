package org.filet.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.filet.server.FiletApplication;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code filet serve}: runs the platform until stopped. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Runs the platform. Embedded PostgreSQL and the evidence store live under --data unless "
                + "FILET_DB_URL (with FILET_DB_USER, FILET_DB_PASSWORD for the server's role and FILET_DB_OWNER_USER, "
                + "FILET_DB_OWNER_PASSWORD for the role that owns the tables) points to an external PostgreSQL, and "
                + "FILET_EVIDENCE_S3_BUCKET (with FILET_EVIDENCE_S3_ENDPOINT, _REGION, _ACCESS_KEY, _SECRET_KEY) to an "
                + "S3-compatible bucket for the evidence.")
public final class ServeCommand implements Callable<Integer> {

    private static volatile boolean serving;

    @Option(
            names = "--port",
            defaultValue = "${env:SERVER_PORT:-8080}",
            description = "HTTP port (default: ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Option(
            names = "--data",
            defaultValue = "${env:FILET_DATA:-./filet-data}",
            description = "data directory (default: ${DEFAULT-VALUE})")
    Path data;

    public static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        SpringApplication app = new SpringApplication(FiletApplication.class);
        app.run("--server.port=" + port, "--filet.data=" + data.toAbsolutePath().normalize());
        serving = true;
        return 0;
    }
}
