package org.filet.server.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * The roles and the authentication of the embedded PostgreSQL, set up by its superuser on every start (idempotent).
 *
 * <ul>
 * <li>{@link DatabasePasswords#OWNER} owns the database, its {@code public} schema and every object in it, and runs
 * the migrations;</li>
 * <li>{@link DatabasePasswords#APPLICATION} is what the server runs as: no superuser, replication, BYPASSRLS,
 * CREATEROLE or CREATEDB, and it owns nothing (its privileges are granted by {@link LeastPrivilege});</li>
 * <li>{@code pg_hba.conf} asks every connection for a SCRAM password, on the loopback only.</li>
 * </ul>
 */
final class EmbeddedRoles {

    /** Filet's pg_hba.conf: no {@code trust} line, nothing beyond the loopback. */
    static final String HBA = """
            # Managed by Filet (rewritten on every start): SCRAM passwords, loopback only, never trust.
            # The passwords are in the data directory's db-passwords.properties (mode 0600).
            # TYPE  DATABASE     USER       ADDRESS         METHOD
            local   all          all                        scram-sha-256
            host    all          all        127.0.0.1/32    scram-sha-256
            host    replication  postgres   127.0.0.1/32    scram-sha-256
            """;

    private EmbeddedRoles() {}

    /** Whether a pg_hba.conf lets anyone in without a password (a data directory of an earlier Filet). */
    static boolean trusts(Path hba) throws IOException {
        if (!Files.isRegularFile(hba)) {
            return false;
        }
        for (String line : Files.readAllLines(hba, StandardCharsets.UTF_8)) {
            String content = line.replaceFirst("#.*", "").trim();
            if (!content.isEmpty()
                    && java.util.Arrays.asList(content.split("\\s+")).contains("trust")) {
                return true;
            }
        }
        return false;
    }

    /** Replaces pg_hba.conf with {@link #HBA} unless it is already that; returns whether it changed. */
    static boolean writeHba(Path hba) throws IOException {
        if (Files.isRegularFile(hba)
                && Files.readString(hba, StandardCharsets.UTF_8).equals(HBA)) {
            return false;
        }
        Path tmp = hba.resolveSibling("pg_hba.conf.filet-tmp");
        Files.deleteIfExists(tmp);
        DatabasePasswords.createOwnerOnly(tmp);
        Files.writeString(tmp, HBA, StandardCharsets.UTF_8);
        Files.move(tmp, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Creates or corrects the owner and application roles, their passwords and who owns what. */
    static void apply(Connection superuser, DatabasePasswords passwords) throws SQLException {
        superuser.setAutoCommit(true);
        try (Statement s = superuser.createStatement()) {
            s.execute("""
                    do $$
                    begin
                        if not exists (select from pg_roles where rolname = 'filet_owner') then
                            create role filet_owner;
                        end if;
                        if not exists (select from pg_roles where rolname = 'filet_app') then
                            create role filet_app;
                        end if;
                    end $$""");
            s.execute("alter role filet_owner login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
            s.execute(
                    "alter role filet_app login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit");
            PGConnection pg = superuser.unwrap(PGConnection.class);
            // SCRAM verifiers computed here: the passwords themselves never travel in SQL text
            pg.alterUserPassword(
                    DatabasePasswords.SUPERUSER, passwords.superuser().toCharArray(), "scram-sha-256");
            pg.alterUserPassword(DatabasePasswords.OWNER, passwords.owner().toCharArray(), "scram-sha-256");
            pg.alterUserPassword(
                    DatabasePasswords.APPLICATION, passwords.application().toCharArray(), "scram-sha-256");
            s.execute("""
                    do $$
                    declare
                        m record;
                    begin
                        execute format('alter database %I owner to filet_owner', current_database());
                        -- the application belongs to no role that could lend it ownership or privileges
                        for m in select r.rolname from pg_auth_members a join pg_roles r on r.oid = a.roleid
                                 where a.member = 'filet_app'::regrole loop
                            execute format('revoke %I from filet_app', m.rolname);
                        end loop;
                    end $$""");
            s.execute("revoke create on schema public from public");
            s.execute(TRANSFER_OWNERSHIP);
        }
    }

    /**
     * Hands every object of the {@code public} schema that Filet's migrations made to the owner role. Data
     * directories of earlier versions had them all owned by the superuser; objects that belong to an extension keep
     * their owner, and a sequence that belongs to a table follows its table.
     */
    private static final String TRANSFER_OWNERSHIP = """
            do $$
            declare
                r record;
            begin
                for r in
                    select c.relkind, format('%I.%I', n.nspname, c.relname) as name
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'public' and c.relowner <> 'filet_owner'::regrole
                      and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
                      and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
                                      and d.objid = c.oid and (d.deptype = 'e' or (c.relkind = 'S' and d.deptype in ('a', 'i'))))
                loop
                    execute format('alter %s %s owner to filet_owner', case r.relkind
                        when 'v' then 'view' when 'm' then 'materialized view' when 'f' then 'foreign table'
                        when 'S' then 'sequence' else 'table' end, r.name);
                end loop;
                for r in
                    select p.oid::regprocedure::text as name, p.prokind
                    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                    where n.nspname = 'public' and p.proowner <> 'filet_owner'::regrole
                      and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass
                                      and d.objid = p.oid and d.deptype = 'e')
                loop
                    execute format('alter %s %s owner to filet_owner', case r.prokind
                        when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end, r.name);
                end loop;
                for r in
                    select t.oid::regtype::text as name
                    from pg_type t join pg_namespace n on n.oid = t.typnamespace
                    where n.nspname = 'public' and t.typowner <> 'filet_owner'::regrole
                      and (t.typtype in ('e', 'd', 'r')
                           or (t.typtype = 'c' and exists (select from pg_class c where c.oid = t.typrelid and c.relkind = 'c')))
                      and not exists (select from pg_depend d where d.classid = 'pg_type'::regclass
                                      and d.objid = t.oid and d.deptype = 'e')
                loop
                    execute format('alter type %s owner to filet_owner', r.name);
                end loop;
                for r in
                    select c.oid::regconfig::text as name
                    from pg_ts_config c join pg_namespace n on n.oid = c.cfgnamespace
                    where n.nspname = 'public' and c.cfgowner <> 'filet_owner'::regrole
                      and not exists (select from pg_depend d where d.classid = 'pg_ts_config'::regclass
                                      and d.objid = c.oid and d.deptype = 'e')
                loop
                    execute format('alter text search configuration %s owner to filet_owner', r.name);
                end loop;
                for r in
                    select d.oid::regdictionary::text as name
                    from pg_ts_dict d join pg_namespace n on n.oid = d.dictnamespace
                    where n.nspname = 'public' and d.dictowner <> 'filet_owner'::regrole
                      and not exists (select from pg_depend x where x.classid = 'pg_ts_dict'::regclass
                                      and x.objid = d.oid and x.deptype = 'e')
                loop
                    execute format('alter text search dictionary %s owner to filet_owner', r.name);
                end loop;
            end $$""";
}
