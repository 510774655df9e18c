package org.filet.server.cli;

import java.nio.file.Path;
import org.filet.server.FiletApplication;
import org.filet.server.support.EmbeddedDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The platform without its web server, for commands run by operators next to (or instead of) a running server. */
final class Contexts {

    private Contexts() {}

    /**
     * For a command that runs without a Spring context (backup, restore): only warnings from the libraries (the
     * embedded PostgreSQL, Flyway), as {@code application.yml} sets for the server, so the command's own lines stand out.
     */
    static void quietLogs() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** A context on the data directory, using a running server's embedded database when there is one. */
    static ConfigurableApplicationContext offline(Path data) {
        SpringApplication app = new SpringApplication(FiletApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        Path dataDir = data.toAbsolutePath().normalize();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--filet.data=" + dataDir,
                "--logging.level.org.filet=WARN",
                // an operator's command does not run the analysis jobs: they would add custody events while it works
                "--filet.jobs.enabled=false",
                // nor the ledger's background sequencer: a check must not sign a head over what it inspects
                "--filet.ledger.sequencer=false"));
        if (System.getenv("FILET_DB_URL") == null) {
            // the running server's database, as the same application role (passwords from the data directory)
            EmbeddedDatabase.runningPort(dataDir).ifPresent(port -> args.add("--filet.db.embedded-port=" + port));
        }
        return app.run(args.toArray(String[]::new));
    }
}
