package org.filet.identifiers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.ShortNumberInfo;
import java.util.Locale;

/**
 * Phone numbers to E.164 with libphonenumber. A number written without a country code is read in the default region,
 * which should be the child's country (FR, BE, CH, LU, MU, CA, US, GB…); {@code ZZ} accepts only numbers written with
 * {@code +} or {@code 00}. Thread-safe.
 */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final ShortNumberInfo SHORT = ShortNumberInfo.getInstance();
    private static final int MAX_TEXT = 64;

    private Phones() {}

    /** Normalises {@code text} read in {@code defaultRegion} (ISO 3166 alpha-2, or {@code ZZ}). */
    public static Parsed<Phone> parse(String text, String defaultRegion) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return Parsed.rejected(Rejection.EMPTY);
        }
        if (trimmed.length() > MAX_TEXT) {
            return Parsed.rejected(Rejection.TOO_LONG);
        }
        String region = defaultRegion.toUpperCase(Locale.ROOT);
        if (!isKnownRegion(region)) {
            return Parsed.rejected(Rejection.UNKNOWN_REGION);
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(trimmed, region);
        } catch (NumberParseException e) {
            return Parsed.rejected(
                    switch (e.getErrorType()) {
                        case INVALID_COUNTRY_CODE -> Rejection.PHONE_INVALID_COUNTRY_CODE;
                        case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> Rejection.PHONE_TOO_SHORT;
                        case TOO_LONG -> Rejection.PHONE_TOO_LONG;
                        case NOT_A_NUMBER -> Rejection.NOT_A_PHONE_NUMBER;
                    });
        }
        return of(number, trimmed, region);
    }

    /**
     * The international display form of an E.164 value ({@code +33 1 99 00 12 34}), for people reading it. Requires a
     * value from {@link Phone#e164()}.
     */
    public static String international(String e164) {
        try {
            return UTIL.format(UTIL.parse(e164, "ZZ"), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("not an E.164 value produced by Phones", e);
        }
    }

    /** Whether {@code region} is accepted as a default region. */
    public static boolean isKnownRegion(String region) {
        return "ZZ".equals(region) || UTIL.getSupportedRegions().contains(region);
    }

    /** Requires a number parsed by libphonenumber in {@code defaultRegion}. */
    static Parsed<Phone> of(PhoneNumber number, String original, String defaultRegion) {
        ValidationResult possible = UTIL.isPossibleNumberWithReason(number);
        if (possible != ValidationResult.IS_POSSIBLE) {
            if (!"ZZ".equals(defaultRegion) && SHORT.isValidShortNumberForRegion(number, defaultRegion)) {
                return Parsed.rejected(Rejection.PHONE_SHORT_SERVICE_NUMBER);
            }
            return Parsed.rejected(
                    switch (possible) {
                        case INVALID_COUNTRY_CODE -> Rejection.PHONE_INVALID_COUNTRY_CODE;
                        case TOO_SHORT -> Rejection.PHONE_TOO_SHORT;
                        case TOO_LONG -> Rejection.PHONE_TOO_LONG;
                        default -> Rejection.PHONE_INVALID_LENGTH;
                    });
        }
        boolean valid = UTIL.isValidNumber(number);
        String region = UTIL.getRegionCodeForNumber(number);
        if (region == null) {
            region = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
        }
        String e164 = UTIL.format(number, PhoneNumberFormat.E164);
        if (number.getNationalNumber() == 0 || number.isItalianLeadingZero() && !readsBackAs(e164)) {
            return Parsed.rejected(
                    Rejection.NOT_A_PHONE_NUMBER); // "000000" in DE: +4900000, which reads back as +490000
        }
        // E.164 allows at most 15 digits; libphonenumber calls some longer numbers possible (a decimal such as
        // 0.0819440106850525 read in FR becomes 00 81 944…, a Japanese number of 16 digits).
        Rejection tooLongOrShort = e164.length() > 16 ? Rejection.PHONE_TOO_LONG : Rejection.PHONE_TOO_SHORT;
        String finalRegion = region;
        return Identifier.checked(IdentifierKind.PHONE, null, e164, original, tooLongOrShort)
                .map(id -> new Phone(
                        id,
                        valid ? Phone.Validity.VALID : Phone.Validity.POSSIBLE,
                        finalRegion,
                        valid ? lineType(UTIL.getNumberType(number)) : Phone.LineType.UNKNOWN));
    }

    /** Whether {@code e164} parses back to itself, so that a stored value normalises to itself. */
    private static boolean readsBackAs(String e164) {
        try {
            return UTIL.format(UTIL.parse(e164, "ZZ"), PhoneNumberFormat.E164).equals(e164);
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static Phone.LineType lineType(PhoneNumberUtil.PhoneNumberType type) {
        return switch (type) {
            case MOBILE -> Phone.LineType.MOBILE;
            case FIXED_LINE -> Phone.LineType.FIXED_LINE;
            case FIXED_LINE_OR_MOBILE -> Phone.LineType.FIXED_LINE_OR_MOBILE;
            case TOLL_FREE -> Phone.LineType.TOLL_FREE;
            case PREMIUM_RATE -> Phone.LineType.PREMIUM_RATE;
            case VOIP -> Phone.LineType.VOIP;
            case PERSONAL_NUMBER -> Phone.LineType.PERSONAL_NUMBER;
            case PAGER -> Phone.LineType.PAGER;
            case UNKNOWN -> Phone.LineType.UNKNOWN;
            default -> Phone.LineType.OTHER;
        };
    }

    static PhoneNumberUtil util() {
        return UTIL;
    }
}
