package org.filet.chatexport.whatsapp;

import java.time.LocalDate;
import java.time.chrono.HijrahChronology;

/**
 * The calendar a WhatsApp date is written in, and its Gregorian date. Phones write dates in the user's calendar:
 * Buddhist ({@code 2565 BE}, or a bare year 2540–2599 as Thai phones write it), Japanese imperial ({@code R4}), Solar
 * Hijri (Persian phones: {@code ۱۴۰۰/۱۲/۲۷}) and Hijri (Umm al-Qura, Saudi phones: {@code ١٤٤٣/٨/١٥}). WhatsApp
 * exists since 2009, so a 4-digit year between 1370 and 1419 can only be Solar Hijri (1991–2041) and one between 1420
 * and 1480 only Hijri (1999–2058); these two readings never overlap. Other calendars (Minguo 3-digit years, Hebrew,
 * Ethiopic) are not recognised and such headers stay text.
 */
enum Calendars {
    GREGORIAN,
    BUDDHIST,
    JAPANESE,
    SOLAR_HIJRI,
    HIJRI;

    /** Requires the year as written, its digit count and the era mark read with it (0, 'B', or a Japanese era letter). */
    static Calendars of(int year, int yearLen, char era) {
        if (era == 'B') {
            return BUDDHIST;
        }
        if (era != 0) {
            return JAPANESE;
        }
        if (yearLen == 4 && year >= 1370 && year <= 1419) {
            return SOLAR_HIJRI;
        }
        if (yearLen == 4 && year >= 1420 && year <= 1480) {
            return HIJRI;
        }
        if (yearLen == 4 && year >= 2540 && year <= 2599) {
            return BUDDHIST;
        }
        return GREGORIAN;
    }

    /** The Gregorian date; throws {@link java.time.DateTimeException} when the date does not exist in this calendar. */
    LocalDate toGregorian(int year, int month, int day, int yearLen, char era) {
        return switch (this) {
            case GREGORIAN -> LocalDate.of(yearLen <= 2 ? 2000 + year : year, month, day);
            case BUDDHIST -> LocalDate.of(year - 543, month, day);
            case JAPANESE -> LocalDate.of(japaneseEraStart(era) + year, month, day);
            case SOLAR_HIJRI -> solarHijri(year, month, day);
            case HIJRI -> LocalDate.from(HijrahChronology.INSTANCE.date(year, month, day));
        };
    }

    /** How a warning names the calendar. */
    String label() {
        return switch (this) {
            case GREGORIAN -> "Gregorian";
            case BUDDHIST -> "Buddhist (Thai)";
            case JAPANESE -> "Japanese imperial";
            case SOLAR_HIJRI -> "Solar Hijri (Persian)";
            case HIJRI -> "Hijri (Umm al-Qura)";
        };
    }

    private static int japaneseEraStart(char era) {
        return switch (era) {
            case 'R' -> 2018;
            case 'H' -> 1988;
            case 'S' -> 1925;
            case 'T' -> 1911;
            default -> 1867; // 'M'
        };
    }

    /** Years of the Solar Hijri calendar where the 33-year leap pattern shifts (the arithmetic of Borkowski, 1996). */
    private static final int[] BREAKS = {
        -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178
    };

    /**
     * Solar Hijri to Gregorian: Farvardin 1 falls on March {@code march} of Gregorian year {@code year + 621}; months 1–6
     * have 31 days, 7–11 have 30, Esfand 29 or 30.
     */
    static LocalDate solarHijri(int year, int month, int day) {
        if (month < 1
                || month > 12
                || day < 1
                || day > (month <= 6 ? 31 : 30)
                || month == 12 && day == 30 && !solarHijriLeap(year)) {
            throw new java.time.DateTimeException("not a Solar Hijri date");
        }
        int dayOfYear = (month - 1) * 31 - Math.max(0, month - 7) + day - 1;
        return LocalDate.of(year + 621, 3, nowruzMarchDay(year)).plusDays(dayOfYear);
    }

    private static boolean solarHijriLeap(int year) {
        return nowruzMarchDay(year + 1) + (isGregorianLeap(year + 622) ? 1 : 0) - nowruzMarchDay(year) == 1;
    }

    private static boolean isGregorianLeap(int y) {
        return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    }

    /** Day of March of the Gregorian year {@code jy + 621} on which Solar Hijri year {@code jy} begins. */
    private static int nowruzMarchDay(int jy) {
        int gy = jy + 621;
        int leapJ = -14;
        int jp = BREAKS[0];
        int jump = 0;
        for (int i = 1; i < BREAKS.length; i++) {
            int jm = BREAKS[i];
            jump = jm - jp;
            if (jy < jm) {
                break;
            }
            leapJ += Math.floorDiv(jump, 33) * 8 + Math.floorDiv(Math.floorMod(jump, 33), 4);
            jp = jm;
        }
        int n = jy - jp;
        leapJ += Math.floorDiv(n, 33) * 8 + Math.floorDiv(Math.floorMod(n, 33) + 3, 4);
        if (Math.floorMod(jump, 33) == 4 && jump - n == 4) {
            leapJ++;
        }
        int leapG = Math.floorDiv(gy, 4) - Math.floorDiv((Math.floorDiv(gy, 100) + 1) * 3, 4) - 150;
        return 20 + leapJ - leapG;
    }
}
