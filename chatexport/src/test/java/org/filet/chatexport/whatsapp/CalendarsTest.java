package org.filet.chatexport.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Calendar conversions checked against dates published in Iranian and Saudi official calendars. */
class CalendarsTest {

    @Test
    void solarHijriNowruzAndLeapYears() {
        assertThat(Calendars.solarHijri(1401, 1, 1)).isEqualTo(LocalDate.of(2022, 3, 21));
        assertThat(Calendars.solarHijri(1403, 1, 1)).isEqualTo(LocalDate.of(2024, 3, 20));
        assertThat(Calendars.solarHijri(1399, 12, 30)).isEqualTo(LocalDate.of(2021, 3, 20)); // 1399 is a leap year
        assertThat(Calendars.solarHijri(1403, 12, 30)).isEqualTo(LocalDate.of(2025, 3, 20)); // so is 1403
        assertThat(Calendars.solarHijri(1402, 7, 1)).isEqualTo(LocalDate.of(2023, 9, 23));
        assertThatThrownBy(() -> Calendars.solarHijri(1400, 12, 30)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Calendars.solarHijri(1400, 7, 31)).isInstanceOf(DateTimeException.class);
    }

    @Test
    void yearsSayWhichCalendar() {
        assertThat(Calendars.of(1401, 4, (char) 0)).isEqualTo(Calendars.SOLAR_HIJRI);
        assertThat(Calendars.of(1443, 4, (char) 0)).isEqualTo(Calendars.HIJRI);
        assertThat(Calendars.of(2565, 4, (char) 0)).isEqualTo(Calendars.BUDDHIST);
        assertThat(Calendars.of(2022, 4, (char) 0)).isEqualTo(Calendars.GREGORIAN);
        assertThat(Calendars.of(22, 2, (char) 0)).isEqualTo(Calendars.GREGORIAN);
        assertThat(Calendars.of(4, 1, 'R')).isEqualTo(Calendars.JAPANESE);
        assertThat(Calendars.HIJRI.toGregorian(1443, 9, 1, 4, (char) 0)).isEqualTo(LocalDate.of(2022, 4, 2));
        assertThat(Calendars.JAPANESE.toGregorian(4, 3, 18, 1, 'R')).isEqualTo(LocalDate.of(2022, 3, 18));
    }
}
