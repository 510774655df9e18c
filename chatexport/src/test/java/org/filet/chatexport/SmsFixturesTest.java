package org.filet.chatexport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.filet.chatexport.Fixtures.first;
import static org.filet.chatexport.Fixtures.one;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.filet.conversation.ChatFormat;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageFlag;
import org.junit.jupiter.api.Test;

/** Expectations written by reading the SMS Backup &amp; Restore fixtures. */
class SmsFixturesTest {

    @Test
    void minimalSms() throws Exception {
        Conversation c = one("sms_backup_restore/shruggie_minimal_sms.xml");
        assertThat(c.format()).isEqualTo(ChatFormat.SMS);
        assertThat(c.title()).isEqualTo("Alice Smith");
        assertThat(c.messages()).hasSize(1);
    }

    @Test
    void mmsPartsTextAndInlineImageHash() throws Exception {
        Conversation c = one("sms_backup_restore/shruggie_minimal_mms_parts_addrs.xml");
        Message m = first(c);
        assertThat(m.text()).isEqualTo("Hello from MMS!");
        assertThat(m.senderId()).isEqualTo("+15559876543"); // addr type 137
        assertThat(m.instant()).isEqualTo(Instant.ofEpochMilli(1609545600000L));
        assertThat(m.attachments()).hasSize(1);
        assertThat(m.attachments().get(0).path()).isEqualTo("image.jpg");
        assertThat(m.attachments().get(0).sha256()).hasSize(64); // decoded base64 was hashed
    }

    @Test
    void edgeCasesEntitiesEmptyBodyAndEmptyParts() throws Exception {
        List<Conversation> cs = Fixtures.parse("sms_backup_restore/shruggie_edge_cases_entities_empty_mms.xml");
        assertThat(cs).hasSize(4);
        Message unicode = cs.get(1).messages().get(0);
        assertThat(unicode.text())
                .isEqualTo("Hello \uD83C\uDF0D \u2014 this has \u00ABspecial\u00BB chars & symbols < > \" '");
        assertThat(unicode.has(MessageFlag.FROM_ACCOUNT_OWNER)).isTrue();
        assertThat(cs.get(2).messages().get(0).text()).isEmpty();
        assertThat(cs.get(3).title()).isEqualTo("Eve NoParts");
        assertThat(cs.get(3).messages().get(0).text()).isNull();
    }

    @Test
    void truncatedBackupKeepsCompleteRecordsAndSaysWhatIsLost() throws Exception {
        List<Conversation> cs = Fixtures.parse("sms_backup_restore/sbr2_sms_and_mms.xml");
        int total = cs.stream().mapToInt(c -> c.messages().size()).sum();
        assertThat(total).isEqualTo(49);
        assertThat(cs.get(0).missing()).anyMatch(m -> m.contains("after record 49 of the 58"));
        assertThat(cs.get(0).messages().get(0).text()).isEqualTo("Body text 1");
        assertThat(cs.get(0).messages().get(0).at()).isEqualTo("Dec 2, 2017 06:49:27");
    }

    @Test
    void smallBackupGroupsByAddress() throws Exception {
        List<Conversation> cs = Fixtures.parse("sms_backup_restore/sbr2_sms_small_backup_set_header.xml");
        assertThat(cs.stream().mapToInt(c -> c.messages().size()).sum()).isEqualTo(12);
        assertThat(cs).extracting(Conversation::title).containsExactly("Contact A", "Contact B", "Contact C");
    }

    @Test
    void corruptMmsDataIsReferencedNotHashed() throws Exception {
        Conversation c = one("sms_backup_restore/sbr2_corrupt_attachments.xml");
        assertThat(c.messages()).hasSize(2);
        assertThat(c.messages()).flatExtracting(Message::attachments).allMatch(a -> !a.inExport());
        assertThat(c.warnings()).anyMatch(w -> w.contains("not valid base64"));
    }

    @Test
    void emptyBackupMixedAndSample() throws Exception {
        assertThat(Fixtures.parse("sms_backup_restore/sbr2_empty.xml")).isEmpty(); // a valid backup of nothing
        List<Conversation> mixed = Fixtures.parse("sms_backup_restore/shruggie_mixed.xml");
        assertThat(mixed.stream().mapToInt(c -> c.messages().size()).sum()).isEqualTo(4);
        assertThat(mixed.get(0).warnings()).anyMatch(w -> w.contains("draft"));
        assertThat(one("sms_backup_restore/sbr2_sample_mms.xml").messages()).hasSize(4);
    }

    @Test
    void callLogAndMalformedFilesAreNamedErrors() {
        Path calls = Fixtures.file("sms_backup_restore/shruggie_calls_log.xml");
        assertThatThrownBy(() -> ChatImport.parse(calls))
                .isInstanceOf(UnreadableExport.class)
                .hasMessageContaining("call log");
        Path bad = Fixtures.file("sms_backup_restore/shruggie_malformed.xml");
        assertThatThrownBy(() -> ChatImport.parse(bad))
                .isInstanceOf(UnreadableExport.class)
                .hasMessageContaining("shruggie_malformed.xml")
                .hasMessageContaining("malformed");
    }
}
