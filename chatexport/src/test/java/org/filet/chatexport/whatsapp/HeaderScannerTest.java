package org.filet.chatexport.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written scanner against headers generated from known parts (the ground truth). */
class HeaderScannerTest {
    private static final String[] SPACES = {" ", "\u00A0", "\u202F"};

    @Test
    void generatedHeadersAreReadBackExactly() {
        Random rnd = new Random(42);
        for (int i = 0; i < 5000; i++) {
            int day = 1 + rnd.nextInt(28);
            int month = 1 + rnd.nextInt(12);
            int year = 2000 + rnd.nextInt(30);
            int hour = rnd.nextInt(24);
            int minute = rnd.nextInt(60);
            int second = rnd.nextBoolean() ? rnd.nextInt(60) : -1;
            char sep = "/.-".charAt(rnd.nextInt(3));
            boolean fourDigitYear = rnd.nextBoolean();
            boolean ios = rnd.nextBoolean();
            boolean twelve = rnd.nextBoolean();
            String y = fourDigitYear ? Integer.toString(year) : String.format("%02d", year % 100);
            String date =
                    (rnd.nextBoolean() ? String.format("%02d", day) : Integer.toString(day)) + sep + month + sep + y;
            int shownHour = twelve ? (hour % 12 == 0 ? 12 : hour % 12) : hour;
            String time = shownHour + ":" + String.format("%02d", minute)
                    + (second >= 0 ? String.format(":%02d", second) : "");
            if (twelve) {
                time += SPACES[rnd.nextInt(3)] + (hour < 12 ? "AM" : "PM");
            }
            String header = ios
                    ? (rnd.nextBoolean() ? "\u200E" : "") + "[" + date + ", " + time + "] "
                    : date + ", " + time + " - ";
            String line = header + "Author " + i + ": text: with colon";
            Header h = HeaderScanner.scan(line);
            assertThat(h).as(line).isNotNull();
            assertThat(h.n1()).isEqualTo(day);
            assertThat(h.n2()).isEqualTo(month);
            assertThat(h.n3()).isEqualTo(fourDigitYear ? year : year % 100);
            assertThat(h.yearPos()).isEqualTo(2);
            int readHour = h.hour();
            if (h.ampm() == 1 && readHour == 12) {
                readHour = 0;
            } else if (h.ampm() == 2 && readHour < 12) {
                readHour += 12;
            }
            assertThat(readHour).as(line).isEqualTo(hour);
            assertThat(h.minute()).isEqualTo(minute);
            assertThat(h.second()).isEqualTo(second);
            assertThat(h.bracket()).isEqualTo(ios);
            assertThat(line.substring(h.bodyStart())).isEqualTo("Author " + i + ": text: with colon");
        }
    }

    @Test
    void ordinaryTextIsNotAHeader() {
        for (String s : new String[] {
            "",
            "hello",
            "12:30 see you",
            "2016-04-29 10:30:00",
            "3/6/18",
            "[note] 3/6/18, 1:55",
            "13/13/13, 25:00 - x: y",
            "1/2/3, 10:00 -x: y",
            "[3/6/18, 1:55 PM]x: y"
        }) {
            assertThat(HeaderScanner.scan(s)).as(s).isNull();
        }
    }

    @Test
    void directionMarksAndArabicIndicDigitsAreHandled() {
        Header h = HeaderScanner.scan("\u200F[\u0661\u0668/\u0663/\u0662\u0660\u0662\u0662\u060C \u0662:\u0665\u0666:"
                + "\u0660\u0660\u00A0\u0645] A: b");
        assertThat(h).isNotNull();
        assertThat(h.n1()).isEqualTo(18);
        assertThat(h.n3()).isEqualTo(2022);
        assertThat(h.hour()).isEqualTo(2);
        assertThat(h.ampm()).isEqualTo(2);
    }
}
