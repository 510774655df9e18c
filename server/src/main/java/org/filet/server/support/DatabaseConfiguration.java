package org.filet.server.support;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The database: an external PostgreSQL when {@code FILET_DB_URL} (with {@code FILET_DB_USER},
 * {@code FILET_DB_PASSWORD}) is set, otherwise the embedded PostgreSQL under the data directory.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DatabaseHandle databaseHandle(FiletSettings settings, Environment env) {
        String url = env.getProperty("FILET_DB_URL", env.getProperty("filet.db.url", ""));
        if (!url.isBlank()) {
            log.info("Using the external PostgreSQL at {}", url.replaceAll("password=[^&]*", "password=***"));
            return new DatabaseHandle(url, env.getProperty("FILET_DB_USER", env.getProperty("filet.db.user", "")),
                    env.getProperty("FILET_DB_PASSWORD", env.getProperty("filet.db.password", "")), null);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(settings.data());
        log.info("Embedded PostgreSQL running on {} with data under {}", embedded.jdbcUrl(), settings.data().resolve("pg"));
        return new DatabaseHandle(embedded.jdbcUrl(), "postgres", "postgres", embedded);
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

    /** What the data source connects to; closes the embedded server, if any, after the pool. */
    record DatabaseHandle(String url, String user, String password, EmbeddedDatabase embedded) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
