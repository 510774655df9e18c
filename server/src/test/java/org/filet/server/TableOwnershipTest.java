package org.filet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each capability owns its tables: the folder of {@code db/migration/} that creates a table names its owner, and SQL in
 * any other capability's package must not name it (it goes through the owner's Java interface instead). No import
 * shows such a dependency and {@link ModularityTest} cannot see it, so this test reads the SQL itself: every string
 * literal and text block of the server's main code, and the table names that follow {@code from}, {@code join},
 * {@code into}, {@code update}, {@code truncate} and {@code references}.
 *
 * <p>The reads that existed when the rule was introduced are listed in {@code table-ownership-debt.txt}, each one a
 * debt to pay (issue 16); the test fails on any read not listed, and on a listed one that is gone, so the list only
 * shrinks.
 */
class TableOwnershipTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path SOURCES = Path.of("src/main/java/org/filet/server");
    static final Path DEBT = Path.of("src/test/resources/table-ownership-debt.txt");

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)\\bcreate\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern TABLE_REFERENCE = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|truncate(?:\\s+table)?|references|lock\\s+table)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)");

    @Test
    void noCapabilityNamesAnotherCapabilitysTableInSql() {
        Map<String, String> owners = tableOwners();
        assertThat(owners).containsEntry("report", "intake").containsEntry("custody_event", "evidence");

        Set<String> found = foreignReads(owners);
        Set<String> debt = debt();

        Set<String> unlisted = new TreeSet<>(found);
        unlisted.removeAll(debt);
        assertThat(unlisted)
                .as(
                        "SQL naming another capability's table (use the owner's Java interface; owner in db/migration/<capability>/)")
                .isEmpty();

        Set<String> paid = new TreeSet<>(debt);
        paid.removeAll(found);
        assertThat(paid)
                .as("reads gone from the code: remove them from " + DEBT)
                .isEmpty();
    }

    @Test
    void findsAForeignReadInSql() {
        Map<String, String> owners = Map.of("report", "intake", "filet_case", "cases");
        String java = """
                class X {
                    // select * from filet_case (a comment, not SQL the code runs)
                    String sql = "select r.id from report r join filet_case c on c.id = r.case_id";
                    String block = \"""
                            insert into filet_case (id)
                            values (?)\""";
                }
                """;
        assertThat(tablesNamed(java, owners)).containsExactlyInAnyOrder("report", "filet_case");
        assertThat(tablesNamed("String s = \"the report from the parent\";", owners))
                .isEmpty();
    }

    /** Table → the capability whose migration folder creates it. */
    static Map<String, String> tableOwners() {
        Map<String, String> owners = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path sql : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                String capability = MIGRATIONS.relativize(sql).getName(0).toString();
                Matcher m = CREATE_TABLE.matcher(Files.readString(sql, StandardCharsets.UTF_8));
                while (m.find()) {
                    owners.put(m.group(1).toLowerCase(Locale.ROOT), capability);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return owners;
    }

    /** {@code path table} for every table a capability's SQL names that another capability owns. */
    static Set<String> foreignReads(Map<String, String> owners) {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path java : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(java);
                if (relative.getNameCount() < 2) {
                    continue; // the application class itself
                }
                String capability = relative.getName(0).toString();
                for (String table : tablesNamed(Files.readString(java, StandardCharsets.UTF_8), owners)) {
                    if (!owners.get(table).equals(capability)) {
                        found.add(relative.toString().replace('\\', '/') + " " + table);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static Set<String> tablesNamed(String java, Map<String, String> owners) {
        Set<String> tables = new TreeSet<>();
        Matcher m = TABLE_REFERENCE.matcher(String.join("\n", stringLiterals(java)));
        while (m.find()) {
            String table = m.group(1).toLowerCase(Locale.ROOT);
            if (owners.containsKey(table)) {
                tables.add(table);
            }
        }
        return tables;
    }

    /** The contents of the string literals and text blocks of a Java source, outside comments and char literals. */
    static List<String> stringLiterals(String s) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                int end = s.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                int start = i + 3;
                int j = start;
                while (j < n && !(s.startsWith("\"\"\"", j) && s.charAt(j - 1) != '\\')) {
                    j++;
                }
                literals.add(s.substring(start, Math.min(j, n)));
                i = j + 3;
            } else if (c == '"') {
                StringBuilder literal = new StringBuilder();
                int j = i + 1;
                while (j < n && s.charAt(j) != '"' && s.charAt(j) != '\n') {
                    if (s.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    literal.append(s.charAt(j));
                    j++;
                }
                literals.add(literal.toString());
                i = j + 1;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '\'' && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    static Set<String> debt() {
        try {
            Set<String> debt = new TreeSet<>();
            for (String line : Files.readAllLines(DEBT, StandardCharsets.UTF_8)) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    debt.add(entry);
                }
            }
            return debt;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
