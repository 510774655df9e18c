package org.filet.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifierTest {

    @Test
    void toStringShowsKindPlatformAndShortHashOnly() {
        Identifier id = Handles.parse(Platform.SNAPCHAT, "@Alicia_12").orElseThrow();

        assertThat(id.toString()).isEqualTo("Identifier[ACCOUNT/SNAPCHAT #" + id.shortHash() + "]");
        assertThat(id.toString()).doesNotContainIgnoringCase("alicia");
        assertThat(id.shortHash()).hasSize(8).isHexadecimal();
    }

    @Test
    void equalityIgnoresTheOriginalText() {
        Identifier a = Handles.parse(Platform.SNAPCHAT, "@Alicia_12").orElseThrow();
        Identifier b =
                ProfileLinks.parse("https://www.snapchat.com/add/alicia_12").orElseThrow();
        Identifier other = Handles.parse(Platform.INSTAGRAM, "alicia_12").orElseThrow();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.original()).isEqualTo("@Alicia_12");
        assertThat(b.original()).isEqualTo("https://www.snapchat.com/add/alicia_12");
        assertThat(a).isNotEqualTo(other);
        assertThat(a.shortHash()).isNotEqualTo(other.shortHash());
    }

    @Test
    void restoreChecksTheStoredShape() {
        assertThat(Identifier.restore(IdentifierKind.PHONE, null, "+33199001234", "x")
                        .isOk())
                .isTrue();
        assertThat(Identifier.restore(IdentifierKind.PHONE, null, "0199001234", "x")
                        .rejection())
                .contains(Rejection.NOT_A_PHONE_NUMBER);
        assertThat(Identifier.restore(IdentifierKind.EMAIL, null, "no-at", "x").rejection())
                .contains(Rejection.EMAIL_MALFORMED);
        assertThat(Identifier.restore(IdentifierKind.URL, null, "ftp://example.org", "x")
                        .rejection())
                .contains(Rejection.URL_MALFORMED);
        assertThat(Identifier.restore(IdentifierKind.ACCOUNT, Platform.X, "two words", "x")
                        .rejection())
                .contains(Rejection.HANDLE_INVALID);
        assertThat(Identifier.restore(IdentifierKind.ACCOUNT, Platform.X, "", "x")
                        .rejection())
                .contains(Rejection.EMPTY);
        assertThat(Identifier.restore(IdentifierKind.ACCOUNT, Platform.SNAPCHAT, "Alicia_12", "x")
                        .isOk())
                .isFalse();
        assertThat(Identifier.restore(IdentifierKind.ACCOUNT, Platform.SNAPCHAT, "id:123", "x")
                        .isOk())
                .isFalse();
        assertThat(Identifier.restore(IdentifierKind.ACCOUNT, Platform.FACEBOOK, "fake.person", "x")
                        .isOk())
                .isFalse();
        assertThat(Identifier.restore(IdentifierKind.ACCOUNT, Platform.WHATSAPP, "someone", "x")
                        .isOk())
                .isFalse();
        assertThat(Identifier.restore(IdentifierKind.ACCOUNT, Platform.DISCORD, "id:555555555555555555", "x")
                        .isOk())
                .isTrue();
    }

    @Test
    void rejectionsNameTheRuleButNotTheValue() {
        Parsed<Identifier> parsed = Handles.parse(Platform.SNAPCHAT, "1secret_name");

        assertThat(parsed.toString()).doesNotContain("secret");
        assertThatThrownBy(parsed::orElseThrow)
                .isInstanceOf(IdentifierRejected.class)
                .hasMessageContaining("HANDLE_INVALID")
                .hasMessageNotContaining("secret");
    }

    @Test
    void whatsappHandlesArePhones() {
        assertThat(Handles.parse(Platform.WHATSAPP, "+12025550123").rejection())
                .contains(Rejection.PLATFORM_NEEDS_PHONE);
        assertThat(Identifiers.handle(Platform.WHATSAPP, "202 555 0123", "US")
                        .orElseThrow()
                        .kind())
                .isEqualTo(IdentifierKind.PHONE);
    }

    @Test
    void platformCodesRoundTrip() {
        for (Platform p : Platform.values()) {
            assertThat(Platform.fromCode(p.code())).isEqualTo(p);
        }
        assertThat(Platform.fromCode("Twitter")).isEqualTo(Platform.X);
        assertThat(Platform.fromCode("myspace")).isNull();
    }
}
