package org.filet.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhonesTest {

    @Test
    void keepsWhetherANumberIsValidOrOnlyPossible() {
        Phone assigned = Phones.parse("01 99 00 12 34", "FR").orElseThrow();
        Phone fiction = Phones.parse("06 39 98 12 34", "FR").orElseThrow();

        assertThat(assigned.validity()).isEqualTo(Phone.Validity.VALID);
        assertThat(assigned.lineType()).isEqualTo(Phone.LineType.FIXED_LINE);
        assertThat(fiction.validity()).isEqualTo(Phone.Validity.POSSIBLE);
        assertThat(fiction.lineType()).isEqualTo(Phone.LineType.UNKNOWN);
    }

    @Test
    void regionIsTheNumbersOwnNotTheDefault() {
        Phone us = Phones.parse("+1 202 555 0123", "FR").orElseThrow();
        Phone mobile = Phones.parse("0470 55 55 55", "BE").orElseThrow();

        assertThat(us.region()).isEqualTo("US");
        assertThat(mobile.region()).isEqualTo("BE");
        assertThat(mobile.lineType()).isEqualTo(Phone.LineType.MOBILE);
        assertThat(mobile.e164()).isEqualTo("+32470555555");
    }

    @Test
    void sameNumberWrittenDifferentlyGivesEqualIdentifiers() {
        Identifier a = Phones.parse("01 99 00 12 34", "FR").orElseThrow().identifier();
        Identifier b = Phones.parse("+33 1 99 00 12 34", "US").orElseThrow().identifier();
        Identifier c = Phones.parse("0033199001234", "CH").orElseThrow().identifier();

        assertThat(a).isEqualTo(b).isEqualTo(c);
        assertThat(a.original()).isNotEqualTo(b.original());
    }

    @Test
    void internationalFormIsForPeople() {
        Phone phone = Phones.parse("0199001234", "FR").orElseThrow();

        assertThat(Phones.international(phone.e164())).isEqualTo("+33 1 99 00 12 34");
        assertThat(Phones.parse(Phones.international(phone.e164()), "ZZ")
                        .orElseThrow()
                        .identifier())
                .isEqualTo(phone.identifier());
    }

    @Test
    void badInputIsANamedResultNotAnException() {
        assertThat(Phones.parse("", "FR").rejection()).contains(Rejection.EMPTY);
        assertThat(Phones.parse("   ", "FR").rejection()).contains(Rejection.EMPTY);
        assertThat(Phones.parse("9".repeat(100), "FR").rejection()).contains(Rejection.TOO_LONG);
        assertThat(Phones.parse("0199001234", "").rejection()).contains(Rejection.UNKNOWN_REGION);
        assertThat(Phones.parse("+", "FR").isOk()).isFalse();
    }
}
