package org.filet.pdq.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashListsTest {

    private static final String PDQ_A = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
    private static final String PDQ_B = "30a10efd71c83f429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af";
    private static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";
    private static final String SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    private static final String SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void pdqCsvWithHeaderInAnyOrder() throws Exception {
        String csv = "signal_type,category,signal_value,id\n"
                + "pdq,bank-a," + PDQ_A + ",te-1\n"
                + "\n# a comment\n"
                + "PDQ,," + PDQ_B.toUpperCase() + ",\n";
        List<HashListEntry> list = HashLists.readPdqCsv(new StringReader(csv), "default");
        assertThat(list)
                .containsExactly(
                        HashListEntry.of("te-1", HashKind.PDQ, PDQ_A, "bank-a"),
                        HashListEntry.of("line:5", HashKind.PDQ, PDQ_B, "default"));
        assertThat(list.get(1).pdq().toHex()).isEqualTo(PDQ_B);
    }

    @Test
    void headerlessHashQualityNameAsPrintedByPdqTools() throws Exception {
        String csv = PDQ_A + ",100,bridge.jpg\r\n" + PDQ_B + "\r\n";
        List<HashListEntry> list = HashLists.readPdqCsv(new StringReader(csv), "imported");
        assertThat(list).extracting(HashListEntry::id).containsExactly("bridge.jpg", "line:2");
        assertThat(list).extracting(HashListEntry::category).containsOnly("imported");
    }

    @Test
    void pdqCsvErrorsNameTheLine() {
        assertThatThrownBy(() -> HashLists.readPdqCsv(new StringReader(PDQ_A + "\n" + PDQ_B.substring(2) + "\n"), ""))
                .isInstanceOfSatisfying(
                        MalformedHashListException.class,
                        e -> assertThat(e.line()).isEqualTo(2))
                .hasMessage("line 2: not a PDQ hash (64 hex digits expected, got 62 characters)");
        assertThatThrownBy(() -> HashLists.readPdqCsv(new StringReader(PDQ_A + ",101\n"), ""))
                .hasMessage("line 1: quality must be 0..100, got 101");
        assertThatThrownBy(() -> HashLists.readPdqCsv(new StringReader("name,size\nx,1\n"), ""))
                .hasMessageStartingWith("line 1: first line is neither a PDQ hash nor a header");
        assertThatThrownBy(() -> HashLists.readPdqCsv(new StringReader("signal_type,signal_value\nmd5," + PDQ_A), ""))
                .hasMessage("line 2: signal type is not PDQ");
        assertThatThrownBy(() -> HashLists.readPdqCsv(new StringReader("hash\n\"" + PDQ_A + "\n"), ""))
                .hasMessage("line 2: unterminated quoted field");
    }

    @Test
    void plainListsOfEachKind() throws Exception {
        assertThat(HashLists.readPlain(
                        new StringReader(MD5 + "\n" + MD5.toUpperCase() + ",cat-2\n"), HashKind.MD5, "x"))
                .extracting(HashListEntry::hex, HashListEntry::category)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MD5, "x"),
                        org.assertj.core.groups.Tuple.tuple(MD5, "cat-2"));
        assertThat(HashLists.readPlain(new StringReader(SHA1), HashKind.SHA1, ""))
                .hasSize(1);
        assertThat(HashLists.readPlain(new StringReader(SHA256 + "\n"), HashKind.SHA256, ""))
                .singleElement()
                .extracting(HashListEntry::kind)
                .isEqualTo(HashKind.SHA256);
    }

    @Test
    void plainListRejectsTheWrongKindWithLineNumber() {
        assertThatThrownBy(() -> HashLists.readPlain(
                        new StringReader("# md5 list\n" + MD5 + "\n" + SHA1 + "\n"), HashKind.MD5, ""))
                .hasMessage("line 3: not a MD5 hash (32 hex digits expected, got 40 characters)");
        assertThatThrownBy(() -> HashLists.readPlain(new StringReader(MD5 + ",a,b\n"), HashKind.MD5, ""))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> HashLists.readPlain(new StringReader("zz" + MD5.substring(2)), HashKind.MD5, ""))
                .hasMessageContaining("line 1");
    }

    @Test
    void refusesOverlongLines() {
        String huge = "a".repeat(HashLists.MAX_LINE + 10);
        assertThatThrownBy(() -> HashLists.readPlain(new StringReader(MD5 + "\n" + huge), HashKind.MD5, ""))
                .hasMessageStartingWith("line 2: line longer than");
    }

    @Test
    void vicsMediaWithTopLevelAndMediaFilesHashes() throws Exception {
        String json = "{\"odata.metadata\":\"http://github.com/VICSDATAMODEL/ProjectVic/$metadata#Media\",\n"
                + "\"value\":[\n"
                + " {\"MediaID\":1,\"Category\":2,\"MD5\":\"" + MD5 + "\",\"SHA1\":\"" + SHA1.toUpperCase() + "\","
                + "  \"Tags\":[\"x\"],\"IsDistributed\":true},\n"
                + " {\"MediaID\":\"7\",\"Category\":null,\"MediaFiles\":[{\"MD5\":\"" + MD5 + "\"},{\"SHA1\":null}]},\n"
                + " {\"MediaID\":8,\"Category\":0}\n"
                + "]}";
        List<HashListEntry> list = HashLists.readVics(stream(json));
        assertThat(list)
                .containsExactly(
                        HashListEntry.of("1", HashKind.MD5, MD5, "2"),
                        HashListEntry.of("1", HashKind.SHA1, SHA1, "2"),
                        HashListEntry.of("7", HashKind.MD5, MD5, ""));
    }

    @Test
    void vicsErrorsNameTheLine() {
        String badHash = "{\"value\":[\n{\"MediaID\":1,\n\"MD5\":\"abc\"}]}";
        assertThatThrownBy(() -> HashLists.readVics(stream(badHash)))
                .isInstanceOfSatisfying(
                        MalformedHashListException.class,
                        e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("not a MD5 hash");
        assertThatThrownBy(() -> HashLists.readVics(stream("{\"value\":[\n{\"MD5\":\"" + MD5 + "\"}]}")))
                .hasMessageContaining("no MediaID");
        assertThatThrownBy(() -> HashLists.readVics(stream("{\"value\":[\n{\"MediaID\":1,,}]}")))
                .hasMessageStartingWith("line 2: invalid JSON");
        assertThatThrownBy(() -> HashLists.readVics(stream("[1,2]"))).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> HashLists.readVics(stream("{\"media\":[]}"))).hasMessageContaining("no 'value'");
        assertThatThrownBy(() -> HashLists.readVics(stream("{\"value\":[1]}")))
                .hasMessageContaining("only media objects");
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
