package org.filet.server.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A PostgreSQL set up as the README asks of an operator for several nodes: a database owned by {@code filet_owner},
 * which runs the migrations, and {@code filet_app}, the least-privilege role the servers run as. {@link #env} is what
 * every node is started with.
 */
final class OperatorDatabase {

    static final String OWNER = "filet_owner";
    static final String OWNER_PASSWORD = "owner-secret-for-tests";

    private OperatorDatabase() {}

    /** Creates the two roles and the database on a fresh server. */
    static void prepare(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create role filet_owner login password '" + OWNER_PASSWORD + "'");
            s.execute("create role filet_app login password 'app-secret-for-tests' nosuperuser nocreatedb "
                    + "nocreaterole noreplication nobypassrls");
            s.execute("create database filet owner filet_owner");
        }
    }

    static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/filet";
    }

    /** The settings of a node on this database, plus {@code extra}. */
    static Map<String, String> env(int port, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "FILET_DB_URL",
                url(port),
                "FILET_DB_OWNER_USER",
                OWNER,
                "FILET_DB_OWNER_PASSWORD",
                OWNER_PASSWORD,
                "FILET_DB_USER",
                "filet_app",
                "FILET_DB_PASSWORD",
                "app-secret-for-tests"));
        env.putAll(extra);
        return Map.copyOf(env);
    }
}
