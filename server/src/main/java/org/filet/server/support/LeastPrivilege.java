package org.filet.server.support;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the application's database role may do, granted after every migration by the owner role and checked at start
 * from the application's side.
 *
 * <p>Guarantees (once {@link #afterMigrate} has run as an owner distinct from the application role): the application
 * may SELECT, INSERT, UPDATE and DELETE the rows of every table of the schema, including tables added later (grants on
 * all tables, and default privileges), but only SELECT and INSERT on the append-only tables; it never has TRUNCATE,
 * REFERENCES or TRIGGER, owns nothing, and so can neither disable a trigger nor alter a table. The append-only tables
 * are {@link #APPEND_ONLY} plus every table whose rows a {@code filet_refuse_change} trigger protects: a migration that
 * adds such a trigger makes its table append-only for the application too.
 */
final class LeastPrivilege extends BaseCallback {

    private static final Logger log = LoggerFactory.getLogger(LeastPrivilege.class);

    /**
     * The custody record, the ledger and the evidence catalogue: insert and read only. {@code ledger_queue} is not
     * here: the sequencer deletes what it has moved into the log.
     */
    static final List<String> APPEND_ONLY = List.of(
            "custody_event",
            "ledger_leaf",
            "ledger_head",
            "evidence_object",
            "legal_hold_event",
            "retention_deletion",
            "report_contact_erasure",
            "intake_over_limit",
            "ledger_cosignature",
            "authority_change",
            "case_content_change");

    private static final String APPEND_ONLY_QUERY = """
            select c.relname from pg_class c
            where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
              and (c.relname = any (?) or exists (select from pg_trigger t join pg_proc p on p.oid = t.tgfoid
                                                  where t.tgrelid = c.oid and p.proname = 'filet_refuse_change'))
            order by 1""";

    private final String application;

    /** @param application the role the server runs as (the one given the privileges); null when the migrations run as it */
    LeastPrivilege(String application) {
        this.application = application;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            afterMigrate(context.getConnection(), context.getConfiguration().getTable());
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not grant the application role its privileges: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "filet-least-privilege";
    }

    /** Run by the owner: grants the application what it needs on every table, and no more. */
    void afterMigrate(Connection owner, String historyTable) throws SQLException {
        if (application == null || scalar(owner, "select current_user").equals(application)) {
            return; // one role for both: nothing to grant, the start-up check warns
        }
        if (scalar(owner, "select count(*) from pg_roles where rolname = '" + application.replace("'", "''") + "'")
                .equals("0")) {
            throw new IllegalStateException("the application's database role " + application + " does not exist");
        }
        String schema = quote(scalar(owner, "select current_schema()"));
        String app = quote(application);
        List<String> appendOnly = appendOnlyTables(owner);
        try (Statement s = owner.createStatement()) {
            s.execute("grant usage on schema " + schema + " to " + app);
            s.execute("revoke truncate, references, trigger on all tables in schema " + schema + " from " + app);
            s.execute("grant select, insert, update, delete on all tables in schema " + schema + " to " + app);
            s.execute("grant usage, select on all sequences in schema " + schema + " to " + app);
            s.execute("alter default privileges in schema " + schema
                    + " grant select, insert, update, delete on tables to " + app);
            s.execute("alter default privileges in schema " + schema + " grant usage, select on sequences to " + app);
            s.execute("revoke all on " + schema + "." + quote(historyTable) + " from " + app);
            for (String table : appendOnly) {
                String t = schema + "." + quote(table);
                s.execute("revoke update, delete, truncate, references, trigger on " + t + " from " + app + ", public");
                s.execute("grant select, insert on " + t + " to " + app);
            }
        }
        log.info("Database role {} may insert and read, never change, {}", application, appendOnly);
    }

    /**
     * What the connected role could do that it should not, each a sentence for the operator; empty when it is a
     * least-privilege application role.
     */
    static List<String> findings(Connection application) throws SQLException {
        List<String> findings = new ArrayList<>();
        String role = scalar(application, "select current_user");
        try (Statement s = application.createStatement();
                ResultSet rs =
                        s.executeQuery("select rolsuper, rolreplication, rolbypassrls, rolcreaterole, rolcreatedb "
                                + "from pg_roles where rolname = current_user")) {
            if (rs.next()) {
                String[] names = {"SUPERUSER", "REPLICATION", "BYPASSRLS", "CREATEROLE", "CREATEDB"};
                for (int i = 0; i < names.length; i++) {
                    if (rs.getBoolean(i + 1)) {
                        findings.add("the application's database role " + role + " has " + names[i]
                                + (i == 0
                                        ? ": it can disable the append-only triggers and rewrite the custody record"
                                        : ""));
                    }
                }
            }
        }
        try (Statement s = application.createStatement();
                ResultSet rs = s.executeQuery("""
                     select count(*), string_agg(relname, ', ' order by relname) filter (where n <= 5)
                     from (select c.relname, row_number() over (order by c.relname) n from pg_class c
                           where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
                             and pg_has_role(current_user, c.relowner, 'USAGE')) owned""")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                findings.add("the application's database role " + role + " owns " + rs.getLong(1) + " table(s) ("
                        + rs.getString(2) + (rs.getLong(1) > 5 ? ", …" : "")
                        + "): an owner can disable their triggers");
            }
        }
        try (PreparedStatement ps = application.prepareStatement("""
                select t, has_table_privilege(c.oid, 'UPDATE'), has_table_privilege(c.oid, 'DELETE'),
                       has_table_privilege(c.oid, 'TRUNCATE'), has_table_privilege(c.oid, 'TRIGGER')
                from unnest(?::text[]) t join pg_class c on c.relname = t and c.relnamespace = current_schema()::regnamespace
                order by t""")) {
            ps.setArray(
                    1,
                    application.createArrayOf(
                            "text", appendOnlyTables(application).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> can = new ArrayList<>();
                    String[] names = {"UPDATE", "DELETE", "TRUNCATE", "TRIGGER"};
                    for (int i = 0; i < names.length; i++) {
                        if (rs.getBoolean(i + 2)) {
                            can.add(names[i]);
                        }
                    }
                    if (!can.isEmpty()) {
                        findings.add("the application's database role " + role + " can " + String.join(", ", can)
                                + " the append-only table " + rs.getString(1));
                    }
                }
            }
        }
        if (Integer.parseInt(scalar(application, "select current_setting('server_version_num')")) >= 150000
                && scalar(application, "select has_parameter_privilege('session_replication_role', 'SET')")
                        .equals("t")) {
            findings.add("the application's database role " + role
                    + " may SET session_replication_role, which turns the" + " append-only triggers off");
        }
        return findings;
    }

    static List<String> appendOnlyTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(APPEND_ONLY_QUERY)) {
            Array names = c.createArrayOf("text", APPEND_ONLY.toArray());
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
