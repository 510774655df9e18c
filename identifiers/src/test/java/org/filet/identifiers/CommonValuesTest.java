package org.filet.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CommonValuesTest {

    private final CommonValues standard = CommonValues.standard();

    @Test
    void genericNamesArCommonOnEveryPlatform() {
        assertThat(standard.isCommon(Handles.parse(Platform.SNAPCHAT, "Admin").orElseThrow()))
                .isTrue();
        assertThat(standard.isCommon(Handles.parse(null, "@support").orElseThrow()))
                .isTrue();
        assertThat(standard.isCommon(
                        Handles.parse(Platform.SNAPCHAT, "fake_snap55").orElseThrow()))
                .isFalse();
    }

    @Test
    void platformsOwnAccountsAreCommonOnlyOnThatPlatform() {
        assertThat(standard.why(ProfileLinks.parse("https://www.snapchat.com/add/teamsnapchat")
                        .orElseThrow()))
                .contains("account/platform");
        assertThat(standard.isCommon(
                        Handles.parse(Platform.INSTAGRAM, "teamsnapchat").orElseThrow()))
                .isFalse();
    }

    @Test
    void roleMailboxesAndDocumentationDomains() {
        assertThat(standard.why(
                        Emails.parse("NoReply@shop.example").orElseThrow().identifier()))
                .contains("email-local");
        assertThat(standard.why(
                        Emails.parse("fake.user@mail.example.org").orElseThrow().identifier()))
                .contains("domain");
        assertThat(standard.why(
                        ProfileLinks.parse("https://www.example.org/page").orElseThrow()))
                .contains("domain");
        assertThat(standard.isCommon(
                        Emails.parse("fake.user@gmail.com").orElseThrow().identifier()))
                .isFalse();
        assertThat(standard.isCommon(
                        ProfileLinks.parse("https://notexample.org/").orElseThrow()))
                .isFalse();
        assertThat(standard.isCommon(
                        ProfileLinks.parse("https://example.org?next=/a").orElseThrow()))
                .isTrue();
        assertThat(standard.isCommon(ProfileLinks.parse("https://fake.test?next=example.org/a")
                        .orElseThrow()))
                .isFalse();
    }

    @Test
    void hotlinesAreCommon() {
        assertThat(standard.isShortNumber("119")).isTrue();
        assertThat(standard.isShortNumber("30 18")).isTrue();
        assertThat(standard.isShortNumber("116 000")).isTrue();
        assertThat(standard.isShortNumber("555")).isFalse();
        assertThat(standard.isCommon(
                        Phones.parse("1-800-668-6868", "CA").orElseThrow().identifier()))
                .isTrue();
        assertThat(standard.isCommon(
                        Phones.parse("202-555-0123", "US").orElseThrow().identifier()))
                .isFalse();
    }

    @Test
    void deploymentListsAddToTheStandardOne() {
        CommonValues local = CommonValues.parse(new StringReader("""
        # our own switchboard and a shared family tablet account
        phone +33 1 99 00 12 34
        account/roblox fake_blox55
        """), "local.txt");
        CommonValues both = standard.plus(local);

        Identifier phone = Phones.parse("01 99 00 12 34", "FR").orElseThrow().identifier();
        assertThat(standard.isCommon(phone)).isFalse();
        assertThat(both.isCommon(phone)).isTrue();
        assertThat(both.isCommon(Handles.parse(Platform.ROBLOX, "Fake_Blox55").orElseThrow()))
                .isTrue();
        assertThat(both.isCommon(Handles.parse(null, "admin").orElseThrow())).isTrue();
        assertThat(both.size()).isEqualTo(standard.size() + 2);
        assertThat(CommonValues.empty().isCommon(Handles.parse(null, "admin").orElseThrow()))
                .isFalse();
    }

    @Test
    void badLinesAreReportedWithLineNumberButNotValue() {
        assertThatThrownBy(() -> CommonValues.parse(new StringReader("account admin\nphone secret-number\n"), "x.txt"))
                .isInstanceOf(CommonValuesUnreadable.class)
                .hasMessageStartingWith("x.txt:2:")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> CommonValues.parse(new StringReader("account/myspace someone\n"), "x.txt"))
                .hasMessageContaining("unknown platform");
        assertThatThrownBy(() -> CommonValues.parse(new StringReader("nickname someone\n"), "x.txt"))
                .hasMessageContaining("unknown entry type");
    }
}
