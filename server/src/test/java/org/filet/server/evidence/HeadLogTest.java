package org.filet.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.filet.seal.LedgerSigningKey;
import org.filet.seal.WitnessKey;
import org.filet.verify.sth.SignedNote;
import org.filet.verify.sth.SignedTreeHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The head log file: appended in both copies, read back record by record, a torn last record skipped. */
class HeadLogTest {

    @TempDir
    Path dir;

    final LedgerSigningKey key = LedgerSigningKey.generate("filet:head-log-test");

    @Test
    void headsAndCosignedHeadsAreReadBackInOrderFromTheFileAndItsMirror() throws Exception {
        Path mirror = dir.resolve("other-disk").resolve("heads.log");
        HeadLog log = new HeadLog(HeadLog.primary(dir), Optional.of(mirror));
        List<String> written = new ArrayList<>();
        for (int size = 1; size <= 500; size++) {
            SignedTreeHead sth = key.sign("filet:head-log-test", size, new byte[32], Instant.ofEpochMilli(size));
            String note = sth.toSignedNote();
            if (size % 100 == 0) {
                WitnessKey witness = WitnessKey.generate("witness.test/w" + size);
                note = sth.toNote()
                        .with(witness.cosign(sth.toNote().text(), size).toLine())
                        .encode();
            }
            log.append(note);
            written.add(note);
        }
        assertThat(Files.readString(mirror)).isEqualTo(Files.readString(HeadLog.primary(dir)));

        List<String> read = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        HeadLog.read(HeadLog.primary(dir), n -> read.add(n.encode()), damaged::add);
        assertThat(damaged).isEmpty();
        assertThat(read).isEqualTo(written);

        // the tail window starts in the middle of a record: only whole records come back, the newest last
        List<SignedNote> tail = HeadLog.tail(HeadLog.primary(dir));
        assertThat(tail).isNotEmpty().hasSizeLessThan(500);
        assertThat(tail.get(tail.size() - 1).encode()).isEqualTo(written.get(499));
        for (SignedNote n : tail) {
            SignedTreeHead.fromCheckpoint(n.encode()).verify(key.publicKey());
        }
    }

    @Test
    void aRecordTornByACrashIsSkippedAndNamed() throws Exception {
        HeadLog log = new HeadLog(HeadLog.primary(dir), Optional.empty());
        String first = key.sign("filet:head-log-test", 1, new byte[32], Instant.ofEpochMilli(1))
                .toSignedNote();
        log.append(first);
        String second = key.sign("filet:head-log-test", 2, new byte[32], Instant.ofEpochMilli(2))
                .toSignedNote();
        Files.write(
                HeadLog.primary(dir),
                second.substring(0, 40).getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        List<String> read = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        HeadLog.read(HeadLog.primary(dir), n -> read.add(n.encode()), damaged::add);
        assertThat(read).containsExactly(first);
        assertThat(damaged).singleElement().asString().contains("incomplete");
        assertThat(HeadLog.tail(HeadLog.primary(dir)))
                .extracting(SignedNote::encode)
                .containsExactly(first);
    }
}
