package org.filet.server.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The database, with two roles: an owner that runs the migrations and owns the tables, and the application role the
 * server runs as (see {@link LeastPrivilege}). An external PostgreSQL when {@code FILET_DB_URL} is set
 * ({@code FILET_DB_USER}/{@code FILET_DB_PASSWORD} for the application, {@code FILET_DB_OWNER_USER}/
 * {@code FILET_DB_OWNER_PASSWORD} for the migrations), otherwise the embedded PostgreSQL under the data directory, or
 * the one a running server already has there when an administrative command gives {@code filet.db.embedded-port}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DatabaseHandle databaseHandle(FiletSettings settings, Environment env) {
        String url = setting(env, "FILET_DB_URL", "filet.db.url");
        if (!url.isBlank()) {
            log.info("Using the external PostgreSQL at {}", url.replaceAll("password=[^&]*", "password=***"));
            String user = setting(env, "FILET_DB_USER", "filet.db.user");
            String owner = setting(env, "FILET_DB_OWNER_USER", "filet.db.owner-user");
            if (!owner.isBlank() && user.isBlank()) {
                throw new IllegalStateException(
                        "FILET_DB_OWNER_USER is set: FILET_DB_USER must name the application's role");
            }
            return new DatabaseHandle(
                    url,
                    user,
                    setting(env, "FILET_DB_PASSWORD", "filet.db.password"),
                    owner,
                    setting(env, "FILET_DB_OWNER_PASSWORD", "filet.db.owner-password"),
                    null,
                    false);
        }
        Integer running = env.getProperty("filet.db.embedded-port", Integer.class);
        EmbeddedDatabase embedded = running != null
                ? EmbeddedDatabase.attach(settings.data(), running)
                : EmbeddedDatabase.start(settings.data());
        log.info(
                "Embedded PostgreSQL running on {} with data under {}",
                embedded.jdbcUrl(),
                settings.data().resolve("pg"));
        DatabasePasswords passwords = embedded.passwords();
        return new DatabaseHandle(
                embedded.jdbcUrl(),
                DatabasePasswords.APPLICATION,
                passwords.application(),
                DatabasePasswords.OWNER,
                passwords.owner(),
                embedded,
                true);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseHandle db, Environment env) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(env.getProperty("filet.db.pool-size", Integer.class, 20));
        config.setPoolName("filet");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /** The migrations run as the owner role when there is one. */
    @Bean
    FlywayConfigurationCustomizer ownerRunsMigrations(DatabaseHandle db) {
        return configuration -> {
            if (db.separateOwner()) {
                configuration.dataSource(db.url(), db.ownerUser(), db.ownerPassword());
            }
        };
    }

    /** After every migration, the application role gets its privileges (and no more). */
    @Bean
    Callback leastPrivilege(DatabaseHandle db) {
        return new LeastPrivilege(db.separateOwner() ? db.user() : null);
    }

    /**
     * Once the migrations have run (all singletons exist, the web server does not listen yet): checks what the
     * application role could do that it should not. The embedded database must pass; an external one is warned about.
     */
    @Bean
    SmartInitializingSingleton leastPrivilegeCheck(DatabaseHandle db, DataSource dataSource) {
        return () -> {
            List<String> findings;
            try (Connection c = dataSource.getConnection()) {
                findings = LeastPrivilege.findings(c);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "could not check the application's database privileges: " + e.getMessage(), e);
            }
            if (db.enforced() && !findings.isEmpty()) {
                throw new IllegalStateException("The embedded database's application role has privileges it must not: "
                        + String.join("; ", findings));
            }
            if (!db.separateOwner()) {
                log.warn("FILET_DB_OWNER_USER is not set: the migrations and the server run as the same database role, "
                        + "which owns the tables and can therefore rewrite the custody record. Give the migrations an "
                        + "owner role of their own (README, \"External PostgreSQL\").");
            }
            findings.forEach(f -> log.warn("Database privileges: {}", f));
        };
    }

    private static String setting(Environment env, String variable, String property) {
        return env.getProperty(variable, env.getProperty(property, ""));
    }

    /**
     * What the data source connects to; closes the embedded server, if this process started it, after the pool.
     *
     * @param enforced whether the least-privilege check must pass (the embedded database) or only warns
     */
    record DatabaseHandle(
            String url,
            String user,
            String password,
            String ownerUser,
            String ownerPassword,
            EmbeddedDatabase embedded,
            boolean enforced)
            implements AutoCloseable {

        boolean separateOwner() {
            return !ownerUser.isBlank() && !ownerUser.equals(user);
        }

        @Override
        public void close() throws Exception {
            if (embedded != null) {
                embedded.close();
            }
        }

        @Override
        public String toString() {
            return "DatabaseHandle[" + url + " as " + user + "]";
        }
    }
}
