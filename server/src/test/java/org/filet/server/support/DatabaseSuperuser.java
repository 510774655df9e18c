package org.filet.server.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Connections to the embedded PostgreSQL of a data directory on which a server runs (in this JVM or another), for
 * tests. {@link #connect} is the privileged hand: the superuser, who can do what the application cannot (disable
 * triggers, {@code session_replication_role = replica}, truncate the custody record); tests that simulate an attack
 * on the database use it.
 */
public final class DatabaseSuperuser {

    private DatabaseSuperuser() {}

    /** The superuser ({@code postgres}), with the password kept in {@code dataDir}. */
    public static Connection connect(Path dataDir) throws SQLException {
        return DriverManager.getConnection(
                url(dataDir),
                DatabasePasswords.SUPERUSER,
                DatabasePasswords.load(dataDir).superuser());
    }

    /** The role the server runs as ({@code filet_app}). */
    public static Connection connectAsApplication(Path dataDir) throws SQLException {
        return DriverManager.getConnection(
                url(dataDir),
                DatabasePasswords.APPLICATION,
                DatabasePasswords.load(dataDir).application());
    }

    /** The role that runs the migrations and owns the tables ({@code filet_owner}). */
    public static Connection connectAsOwner(Path dataDir) throws SQLException {
        return DriverManager.getConnection(
                url(dataDir),
                DatabasePasswords.OWNER,
                DatabasePasswords.load(dataDir).owner());
    }

    /** The JDBC URL of the PostgreSQL running on {@code dataDir} (no user, no password in it). */
    public static String url(Path dataDir) {
        int port = EmbeddedDatabase.runningPort(dataDir.toAbsolutePath().normalize())
                .orElseThrow(() -> new IllegalStateException("no embedded PostgreSQL is running on " + dataDir));
        return EmbeddedDatabase.jdbcUrl(port);
    }
}
