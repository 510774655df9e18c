package org.filet.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.filet.seal.LedgerSigningKey;
import org.filet.server.cli.FiletCommand;
import org.filet.server.support.EmbeddedDatabase;
import org.filet.server.support.ServerProcess;
import org.filet.verify.merkle.MerkleLog;
import org.filet.verify.sth.SignedNote;
import org.filet.verify.sth.SignedTreeHead;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A privileged hand on the database (superuser: TRUNCATE, triggers off with {@code session_replication_role}, the
 * signing key read from the disk) against the heads that left it: the head log and a witness's state each catch a
 * truncation, a rollback of the newest entries and a fork, and the witness refuses to go backwards.
 *
 * <p>Destructive: it runs its own server process on its own data directory, then attacks copies of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerTrustIT {

    static final String REPORT = """
            {"reporter":{"role":"parent","language":"fr"},"child":{"age":13,"country":"FR"},"platform":"Instagram",
             "suspectAccounts":[{"platform":"Instagram","handle":"ledger.trust_%d"}],
             "messages":[{"at":"2026-11-21 18:02","from":"suspect","sender":"Tom","text":"tu es seule chez toi ?"}],
             "description":"Un compte inconnu écrit à mon fils (%d)."}""";

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    Path work;
    Path base;
    Path mirror;
    Path witnessState;
    long firstCosigned;
    long lastCosigned;

    /**
     * The ONE place the tests obtain a superuser connection to a stopped data directory's embedded database: the
     * superuser with the password the data directory keeps ({@link org.filet.server.support.DatabaseSuperuser}).
     */
    static void asSuperuser(Path data, SqlWork work) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data);
                Connection c = org.filet.server.support.DatabaseSuperuser.connect(data)) {
            work.run(c);
        }
    }

    interface SqlWork {
        void run(Connection superuser) throws Exception;
    }

    @BeforeAll
    void aServerThatSignedHeadsAndAWitnessThatCosignedTwice() throws Exception {
        work = Files.createTempDirectory("filet-ledger-trust-");
        base = work.resolve("base");
        mirror = work.resolve("elsewhere").resolve("heads.log");
        witnessState = work.resolve("witness").resolve("instance.json");
        String config = "{\"filet\":{\"ledger\":{\"head-interval\":\"1s\",\"head-log-mirror\":\"" + mirror + "\"}}}";
        try (ServerProcess server = ServerProcess.start(base, Map.of("SPRING_APPLICATION_JSON", config))) {
            report(server, 1);
            report(server, 2);
            long size = awaitStableHead(server);
            Witness.Outcome first =
                    new Witness(System.out).run(server.base(), witnessState, Optional.empty(), "witness.test/a");
            assertThat(first.exit()).as(first.message()).isZero();
            firstCosigned = size;

            JsonNode head = json.readTree(get(server, "/api/v1/ledger/head"));
            assertThat(head.get("tree_size").asLong()).isEqualTo(size);
            assertThat(head.get("cosignatures")).hasSize(1);
            assertThat(head.get("checkpoint").asString()).contains("\n\u2014 witness.test/a ");
            String checkpoint = get(server, "/api/v1/ledger/checkpoint");
            assertThat(checkpoint)
                    .startsWith(head.get("origin").asString() + "\n" + size + "\n")
                    .contains("\u2014 " + head.get("origin").asString() + " ")
                    .contains("\u2014 witness.test/a ");

            report(server, 3);
            lastCosigned = awaitStableHead(server);
            assertThat(lastCosigned).isGreaterThan(firstCosigned);
            // the second round as an operator runs it, through the command
            Result second = filet("ledger", "witness", "--url", server.base(), "--state", witnessState.toString());
            assertThat(second.exit()).as(second.output()).isZero();
            assertThat(second.output()).contains("cosigned ").contains("consistent with " + firstCosigned);

            // a cosignature for a checkpoint the instance never signed is refused, naming the field
            String forged = checkpoint.replace("\n" + size + "\n", "\n" + (size + 1000) + "\n");
            HttpResponse<String> refused = http.send(
                    HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/ledger/cosignatures"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of(
                                    "checkpoint",
                                    forged,
                                    "key",
                                    Files.readString(org.filet.seal.WitnessKey.pubFile(Witness.keyFile(witnessState)))
                                            .strip()))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(refused.body()).contains("\"field\":\"checkpoint\"");
        }
        assertThat(HeadLog.primary(base)).exists();
        assertThat(Files.readString(mirror)).isEqualTo(Files.readString(HeadLog.primary(base)));
        assertThat(Files.readString(HeadLog.primary(base))).contains("\u2014 witness.test/a ");
        // the attacks below must not be confused by late events: everything was sequenced and signed
        asSuperuser(copy("settled"), c -> {
            assertThat(count(c, "select count(*) from ledger_queue")).isZero();
            assertThat(count(c, "select max(tree_size) from ledger_head")).isEqualTo(lastCosigned);
        });
    }

    @Test
    void anUntouchedLedgerHoldsAndAnObjectNoCustodyEntryNamesIsAFinding() throws Exception {
        Path data = copy("clean");
        Result clean = check(data, "--witness-state", witnessState.toString());
        assertThat(clean.exit()).as(clean.output()).isZero();
        assertThat(clean.output()).contains("compared with the witness state").contains("record(s) of the head log");

        String sha = EvidenceStores.local(data)
                .put(
                        new java.io.ByteArrayInputStream(
                                "an object left behind by a failed intake".getBytes(StandardCharsets.UTF_8)),
                        1 << 20)
                .sha256();
        try (Stream<Path> files = Files.walk(data.resolve("evidence"))) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(sha))
                    .toList()) {
                Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
        Result orphan = check(data);
        assertThat(orphan.exit()).as(orphan.output()).isEqualTo(1);
        assertThat(orphan.output()).contains("ORPHAN_OBJECT " + sha);
    }

    @Test
    void truncationIsCaughtByTheHeadLogAndByTheWitnessState() throws Exception {
        Path data = copy("truncated");
        asSuperuser(data, c -> execute(c, "truncate custody_event, ledger_leaf, ledger_head, ledger_queue cascade"));

        Result byLog = check(data);
        assertThat(byLog.exit()).as(byLog.output()).isEqualTo(1);
        assertThat(byLog.output()).contains("TRUNCATED: database holds 0 leaves, head log has signed " + lastCosigned);

        Files.delete(HeadLog.primary(data));
        Result byWitness = check(data, "--witness-state", witnessState.toString());
        assertThat(byWitness.exit()).as(byWitness.output()).isEqualTo(1);
        assertThat(byWitness.output())
                .contains("TRUNCATED: database holds 0 leaves, witness state " + witnessState + " has signed "
                        + lastCosigned);
    }

    @Test
    void aRollbackOfTheNewestEntriesIsCaughtByTheHeadLogAndByTheWitnessState() throws Exception {
        Path data = copy("rolled-back");
        long keep = firstCosigned - 2;
        asSuperuser(data, c -> {
            execute(c, "set session_replication_role = replica");
            execute(c, "delete from ledger_queue");
            List<Long> events = longs(c, "select event_id from ledger_leaf where leaf_index >= " + keep);
            execute(c, "delete from ledger_leaf where leaf_index >= " + keep);
            try (PreparedStatement ps = c.prepareStatement("delete from custody_event where id = any (?)")) {
                ps.setArray(1, c.createArrayOf("bigint", events.toArray()));
                ps.executeUpdate();
            }
            execute(c, "delete from ledger_head where tree_size > " + keep);
        });

        Result byLog = check(data);
        assertThat(byLog.exit()).as(byLog.output()).isEqualTo(1);
        assertThat(byLog.output())
                .contains("ROLLED_BACK: database holds " + keep + " leaves, head log has signed " + lastCosigned);

        Files.delete(HeadLog.primary(data));
        Result byWitness = check(data, "--witness-state", witnessState.toString());
        assertThat(byWitness.exit()).as(byWitness.output()).isEqualTo(1);
        assertThat(byWitness.output())
                .contains("ROLLED_BACK: database holds " + keep + " leaves, witness state " + witnessState
                        + " has signed " + lastCosigned);
    }

    @Test
    void aForkSignedWithTheStolenKeyIsCaughtByTheHeadLogAndTheWitnessStateAndTheWitnessRefusesIt() throws Exception {
        Path data = copy("forked");
        String origin = Files.readAllLines(HeadLog.primary(data)).get(0);
        long size = lastCosigned;
        String[] forgedCheckpoint = new String[1];
        asSuperuser(data, c -> {
            execute(c, "set session_replication_role = replica");
            long index = size - 2;
            long event = longs(c, "select event_id from ledger_leaf where leaf_index = " + index)
                    .get(0);
            execute(c, "update custody_event set reason = 'rewritten by a privileged hand' where id = " + event);
            byte[] entry;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "select " + CustodyEntries.COLUMNS + " from custody_event e where e.id = " + event)) {
                rs.next();
                entry = CustodyEntries.fromRow(rs).encode();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("update ledger_leaf set entry = ?, leaf_hash = ? where leaf_index = ?")) {
                ps.setBytes(1, entry);
                ps.setBytes(2, org.filet.verify.merkle.Rfc9162.leafHash(entry));
                ps.setLong(3, index);
                ps.executeUpdate();
            }
            execute(c, "delete from ledger_head where tree_size > " + index);
            MerkleLog tree = MerkleLog.inMemory();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select leaf_hash from ledger_leaf order by leaf_index")) {
                while (rs.next()) {
                    tree.appendLeafHash(rs.getBytes(1));
                }
            }
            assertThat(tree.size()).isEqualTo(size);
            SignedTreeHead forged = LedgerSigningKey.load(data.resolve("keys"), origin)
                    .sign(origin, size, tree.root(size), Instant.now());
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into ledger_head (tree_size, root_hash, signed_at, sth) values (?, ?, ?, ?)")) {
                ps.setLong(1, size);
                ps.setBytes(2, forged.rootHash());
                ps.setTimestamp(3, Timestamp.from(forged.timestamp()));
                ps.setBytes(4, forged.encoded());
                ps.executeUpdate();
            }
            forgedCheckpoint[0] = forged.toSignedNote();
        });

        Result byLog = check(data);
        assertThat(byLog.exit()).as(byLog.output()).isEqualTo(1);
        assertThat(byLog.output()).contains("FORK: the head log has signed");
        assertThat(byLog.output()).doesNotContain("ROLLED_BACK").doesNotContain("TRUNCATED");

        Files.delete(HeadLog.primary(data));
        Result byWitness = check(data, "--witness-state", witnessState.toString());
        assertThat(byWitness.exit()).as(byWitness.output()).isEqualTo(1);
        assertThat(byWitness.output())
                .contains("FORK: the witness state " + witnessState + " has signed " + size + " leaves");

        // the witness, shown the forged head of the same size, refuses it and keeps its state
        Path state = copyWitness("fork-witness");
        byte[] before = Files.readAllBytes(state);
        Witness.Outcome outcome = witnessAgainst(forgedCheckpoint[0], state);
        assertThat(outcome.exit()).as(outcome.message()).isEqualTo(1);
        assertThat(outcome.finding()).isEqualTo("FORK");
        assertThat(Files.readAllBytes(state)).isEqualTo(before);
    }

    @Test
    void theWitnessRefusesToGoBackwardsAndKeepsItsState() throws Exception {
        List<SignedNote> logged = new ArrayList<>();
        HeadLog.read(HeadLog.primary(base), logged::add, bad -> {});
        SignedNote older = logged.stream()
                .filter(n -> sizeOf(n) > 0 && sizeOf(n) < lastCosigned)
                .findFirst()
                .orElseThrow();
        Path state = copyWitness("backwards-witness");
        byte[] before = Files.readAllBytes(state);
        Witness.Outcome outcome = witnessAgainst(older.encode(), state);
        assertThat(outcome.exit()).as(outcome.message()).isEqualTo(1);
        assertThat(outcome.finding()).isEqualTo("ROLLED_BACK");
        assertThat(outcome.message()).contains("cosigned " + lastCosigned);
        assertThat(Files.readAllBytes(state)).isEqualTo(before);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static long sizeOf(SignedNote note) {
        return Long.parseLong(note.text().split("\n")[1]);
    }

    /** The witness against a stand-in instance that serves {@code checkpoint} as its latest. */
    private Witness.Outcome witnessAgainst(String checkpoint, Path state) throws Exception {
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/", exchange -> {
            byte[] body = checkpoint.getBytes(StandardCharsets.UTF_8);
            int status = exchange.getRequestURI().getPath().equals("/api/v1/ledger/checkpoint") ? 200 : 404;
            exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
            if (status == 200) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        fake.start();
        try {
            return new Witness(System.out)
                    .run("http://127.0.0.1:" + fake.getAddress().getPort(), state, Optional.empty(), "x");
        } finally {
            fake.stop(0);
        }
    }

    private Path copyWitness(String name) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        Path state = dir.resolve("instance.json");
        Files.copy(witnessState, state);
        Files.copy(Witness.keyFile(witnessState), Witness.keyFile(state));
        Files.copy(
                org.filet.seal.WitnessKey.pubFile(Witness.keyFile(witnessState)),
                org.filet.seal.WitnessKey.pubFile(Witness.keyFile(state)));
        return state;
    }

    record Result(int exit, String output) {}

    /** {@code filet ledger check --data D …} in this JVM, its output captured. */
    private static Result check(Path data, String... more) {
        List<String> args = new ArrayList<>(List.of("ledger", "check", "--data", data.toString()));
        args.addAll(List.of(more));
        return filet(args.toArray(String[]::new));
    }

    /** {@code filet …} in this JVM, its standard output captured. */
    private static synchronized Result filet(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = new CommandLine(new FiletCommand()).execute(args);
        } finally {
            System.setOut(out);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        out.println(output);
        return new Result(exit, output);
    }

    private Path copy(String name) throws Exception {
        Path target = work.resolve(name);
        try (Stream<Path> files = Files.walk(base)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(base.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                    Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(p)); // PostgreSQL wants 0700
                } else if (!p.getFileName().toString().equals("postmaster.pid")) {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    private void report(ServerProcess server, int n) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/reports"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(REPORT.formatted(n, n)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /** Waits until the latest head has stopped growing (everything sequenced and signed); returns its size. */
    private long awaitStableHead(ServerProcess server) throws Exception {
        long last = -1;
        int same = 0;
        for (int i = 0; i < 120 && same < 4; i++) {
            Thread.sleep(1000);
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/ledger/head"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long size = r.statusCode() == 200
                    ? json.readTree(r.body()).get("tree_size").asLong()
                    : -1;
            same = size == last && size > 0 ? same + 1 : 0;
            last = size;
        }
        assertThat(same).as("the head stopped growing").isEqualTo(4);
        return last;
    }

    private String get(ServerProcess server, String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(server.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return r.body();
    }

    private static void execute(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        return longs(c, sql).get(0);
    }

    private static List<Long> longs(Connection c, String sql) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }
}
